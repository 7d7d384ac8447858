import { describe, expect, it } from 'vitest';
import { CLEAN_ROWS, aDocument, findingsOf, withProject } from '../testing.ts';

describe('completeness.output-quality', () => {
  it('is silent when 产出 has a 质量指标', () => {
    expect(findingsOf('completeness.output-quality', aDocument())).toEqual([]);
  });

  it('reports 产出 with only 数量 (and 时效)', () => {
    const indicators = CLEAN_ROWS.filter((r) => r.level2 !== '质量指标');
    const found = findingsOf('completeness.output-quality', withProject({ indicators }));
    expect(found.map((f) => [f.severity, f.field, f.indicatorIndex])).toEqual([['warning', 'indicators.level2', null]]);
  });
});
