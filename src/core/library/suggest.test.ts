import { describe, expect, it } from 'vitest';
import type { Indicator, Project, TargetDocument } from '../model/document.ts';
import { annualRow } from '../model/indicator.testing.ts';
import type { LibraryEntry } from './entry.ts';
import { groupFamilies } from './families.ts';
import { FRAMEWORK_2021_ENTRIES } from './framework-2021.ts';
import { observationsOf } from './observation.ts';
import { entryRow, indexForSuggestions, suggest, suggestedRow } from './suggest.ts';

const row = (level1: string, level2: string, description: string, target: string): Indicator =>
  annualRow(level1, level2, description, target, '');
const rate = row('产出指标', '质量指标', '法律援助案件结案率', '≥95%');
const cases = (n: string) => row('产出指标', '数量指标', '办理法律援助案件数量', `≥${n}件`);
const satisfied = (t: string) => row('满意度指标', '服务对象满意度指标', '服务对象满意度', t);

function doc(unitName: string, projects: Array<[name: string, rows: Indicator[], category?: string]>): TargetDocument {
  const unit = { code: null, name: unitName };
  return {
    unit,
    year: 2020,
    department: null,
    projects: projects.map(
      ([name, indicators, category], i): Project => ({
        code: `P${i}`,
        name,
        unit,
        amountUnit: '万元',
        budget: { total: null, fiscal: null, other: null, sources: [] },
        useOfFunds: '',
        spendingPlan: [],
        goals: [],
        indicators,
        department: null,
        attribute: null,
        period: null,
        category: category ?? null,
      }),
    ),
  };
}

const families = indexForSuggestions(
  groupFamilies(
    [
      doc('怀来县司法局', [
        ['法律援助', [cases('120'), rate, satisfied('≥90%')]],
        ['普法宣传', [row('产出指标', '数量指标', '制作宣传展板数量', '≥50张'), satisfied('≥80%')]],
      ]),
      doc('涿鹿县司法局', [['法律援助中心业务经费', [cases('80'), satisfied('≥95%')]]]),
      doc('蔚县司法局', [['法律援助', [rate]]]),
      doc('怀来县教育局', [['学生资助', [row('产出指标', '数量指标', '资助学生人数', '≥300人'), satisfied('≥90%')], '民生']]),
    ].flatMap((d) => observationsOf(d)),
  ),
);

describe('suggest', () => {
  it('suggests what projects of that name use, with the typical target and who uses it; more peers first', () => {
    const found = suggest(families, { name: '法律援助' });
    // Each is used by two peers; on a tie, the family used most overall comes first.
    expect(found.map((s) => [s.label, s.typical, s.peers, s.users.map((u) => `${u.unit.name}·${u.project?.name}·${u.target}`)])).toEqual([
      ['服务对象满意度', '≥90%', 2, ['怀来县司法局·法律援助·≥90%', '涿鹿县司法局·法律援助中心业务经费·≥95%']],
      ['法律援助案件结案率', '≥95%', 2, ['怀来县司法局·法律援助·≥95%', '蔚县司法局·法律援助·≥95%']],
      ['办理法律援助案件数量', '≥100件', 2, ['怀来县司法局·法律援助·≥120件', '涿鹿县司法局·法律援助中心业务经费·≥80件']],
    ]);
    expect(suggest(families, { name: '法律援助', limit: 1 })).toHaveLength(1);
  });

  it('ranks a family by how close the projects using it are', () => {
    // 涿鹿's 法律援助中心业务经费 holds all of the query, 法律援助 only part: 结案率, used by two projects
    // named 法律援助 and not by 涿鹿, comes last.
    const found = suggest(families, { name: '法律援助中心' });
    expect(found.map((s) => s.label)).toEqual(['服务对象满意度', '办理法律援助案件数量', '法律援助案件结案率']);
  });

  it('widens to the field and the 分类 at a lower rank', () => {
    const justice = suggest(families, { name: '法律援助', field: 'justice' });
    expect(justice.map((s) => s.label)).toContain('制作宣传展板数量');
    expect(justice.map((s) => s.label)).not.toContain('资助学生人数');
    const byCategory = suggest(families, { name: '助学', category: '民生' });
    expect(byCategory.map((s) => s.label)).toEqual(['服务对象满意度', '资助学生人数']);
  });

  it('puts last year’s copy first', () => {
    const found = suggest(families, { name: '法律援助', lastYear: [satisfied('≥85%')] });
    expect(found.map((s) => [s.label, s.fromLastYear])[0]).toEqual(['服务对象满意度', true]);
  });

  it('offers approved library entries: beside the family of the same measure, else after the families', () => {
    const refused: LibraryEntry = {
      ...FRAMEWORK_2021_ENTRIES[0]!,
      id: 'x',
      level3: '法律援助知晓率',
      status: { state: 'refused', reason: '与现有指标重复' },
    };
    const own: LibraryEntry = {
      ...FRAMEWORK_2021_ENTRIES[0]!,
      id: 'b1',
      level1: '效益指标',
      level2: '社会效益指标',
      level3: '受援群众人数',
      unit: '人',
      field: 'justice',
      target: '≥150人',
    };
    const found = suggest(families, { name: '法律援助', field: 'justice', library: [...FRAMEWORK_2021_ENTRIES, refused, own] });
    expect(found.find((s) => s.label === '服务对象满意度')!.entry?.id).toBe('caiyu-2021-101.satisfaction');
    expect(found.at(-1)).toMatchObject({ family: null, label: '受援群众人数', typical: '≥150人' });
    expect(found.map((s) => s.label)).not.toContain('法律援助知晓率');
  });

  it('adds a suggestion as a row whose 指标来源 is the library: the entry’s, with peers’ typical target where it has none', () => {
    expect(entryRow(FRAMEWORK_2021_ENTRIES[0]!)).toMatchObject({
      level3: '服务对象满意度',
      measureUnit: '%',
      origin: '指标库',
      target: '',
    });
    const found = suggest(families, { name: '法律援助', library: FRAMEWORK_2021_ENTRIES });
    const satisfaction = found.find((s) => s.label === '服务对象满意度')!;
    expect(suggestedRow(satisfaction)).toMatchObject({ level3: '服务对象满意度', target: '≥90%', origin: '指标库', basis: '' });
    expect(suggestedRow(found.find((s) => s.label === '办理法律援助案件数量')!)).toEqual({
      term: 'annual',
      level1: '产出指标',
      level2: '数量指标',
      level3: '办理法律援助案件数量',
      description: '',
      target: '≥100件',
      basis: '',
      remark: '',
      measureUnit: '件',
      origin: '指标库',
    });
  });
});
