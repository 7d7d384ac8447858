import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withRow } from '../testing.ts';
import { hebei2020 } from '../../forms/profiles/hebei-2020.ts';

describe('classification.unknown-level', () => {
  it('is silent for framework names and their usual spellings', () => {
    expect(findingsOf('classification.unknown-level', aDocument())).toEqual([]);
    expect(findingsOf('classification.unknown-level', withRow({ level1: '产出', level2: '数量' }))).toEqual([]);
    expect(findingsOf('classification.unknown-level', withRow({ level1: '效益指标', level2: '社会效益' }, 3))).toEqual([]);
  });

  it('reports an unknown or empty 一级 and 二级', () => {
    const found = findingsOf('classification.unknown-level', withRow({ level1: '投入指标', level2: '' }));
    expect(found.map((f) => [f.field, f.message])).toEqual([
      ['indicators.level1', '项目 315-0105-JBN-2D9U 第 1 行「办理法律援助案件数量」的一级指标"投入指标"不在指标体系中。'],
      ['indicators.level2', '项目 315-0105-JBN-2D9U 第 1 行「办理法律援助案件数量」没有填写二级指标。'],
    ]);
  });

  it('knows the 一级 a profile’s form prints under its own name (东莞 "预期产出指标")', () => {
    const doc = withRow({ level1: '预期产出指标' }, 0);
    expect(findingsOf('classification.unknown-level', doc).map((f) => f.field)).toEqual(['indicators.level1']);
    const profile = { ...hebei2020, level1: [{ kind: 'output' as const, name: '预期产出指标' }, ...hebei2020.level1.slice(1)] };
    expect(findingsOf('classification.unknown-level', doc, { profile })).toEqual([]);
    expect(findingsOf('classification.unknown-level', withRow({ level1: '预期产出 指标' }, 0), { profile })).toEqual([]);
  });

  it('reads a 二级 without the bracketed hint a form prints after it (东莞 "数量指标(或建筑规模指标)")', () => {
    expect(findingsOf('classification.unknown-level', withRow({ level2: '数量指标(或建筑规模指标)' }, 0))).toEqual([]);
    expect(findingsOf('classification.unknown-level', withRow({ level2: '时效指标（工期指标、形象进度指标）' }, 2))).toEqual([]);
    expect(findingsOf('classification.unknown-level', withRow({ level2: '预算(或投资规模)控制指标' }, 2))).toEqual([]);
    expect(findingsOf('classification.unknown-level', withRow({ level2: '社会、经济、生态效益 指标' }, 4))).toEqual([]);
    expect(findingsOf('classification.unknown-level', withRow({ level2: '预算(或投资规模)编制指标' }, 2))).toHaveLength(1);
  });
});
