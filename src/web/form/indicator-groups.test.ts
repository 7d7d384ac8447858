import { describe, expect, it } from 'vitest';
import { rowSpans } from './indicator-groups.ts';

const r = (level1: string, level2: string) => ({ level1, level2 });

describe('rowSpans', () => {
  it('merges 一级 over its rows and 二级 within the same 一级', () => {
    const spans = rowSpans([
      r('产出指标', '数量指标'),
      r('产出指标', '数量指标'),
      r('产出指标', '质量指标'),
      r('效果指标', '社会效益指标'),
      r('满意度指标', '服务对象满意度指标'),
      r('满意度指标', '服务对象满意度指标'),
    ]);
    expect(spans).toEqual([
      { level1: 3, level2: 2 },
      { level1: 0, level2: 0 },
      { level1: 0, level2: 1 },
      { level1: 1, level2: 1 },
      { level1: 2, level2: 2 },
      { level1: 0, level2: 0 },
    ]);
  });

  it('does not merge a 二级 across a change of 一级, even with the same name', () => {
    const spans = rowSpans([r('产出指标', '成本指标'), r('成本指标', '成本指标')]);
    expect(spans).toEqual([
      { level1: 1, level2: 1 },
      { level1: 1, level2: 1 },
    ]);
  });

  it('starts a new group when a value repeats after a different one', () => {
    const spans = rowSpans([r('产出指标', '数量指标'), r('效果指标', '社会效益指标'), r('产出指标', '数量指标')]);
    expect(spans.map((s) => s.level1)).toEqual([1, 1, 1]);
  });

  it('gives nothing for no rows', () => {
    expect(rowSpans([])).toEqual([]);
  });
});
