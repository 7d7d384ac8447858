import { describe, expect, it } from 'vitest';
import { CLEAN_ROWS, aDocument, findingsOf, withProject } from '../testing.ts';

describe('completeness.output-quantity', () => {
  it('is silent when 产出 has a 数量指标', () => {
    expect(findingsOf('completeness.output-quantity', aDocument())).toEqual([]);
  });

  it('reports 产出 without 数量', () => {
    const indicators = CLEAN_ROWS.filter((r) => r.level2 !== '数量指标');
    const found = findingsOf('completeness.output-quantity', withProject({ indicators }));
    expect(found.map((f) => [f.severity, f.message])).toEqual([['warning', '项目 315-0105-JBN-2D9U 的产出指标中没有数量指标。']]);
  });

  it('leaves a project without any 产出 to completeness.missing-level1', () => {
    const indicators = CLEAN_ROWS.filter((r) => r.level1 !== '产出指标');
    expect(findingsOf('completeness.output-quantity', withProject({ indicators }))).toEqual([]);
  });
});
