import { describe, expect, it } from 'vitest';
import { CLEAN_ROWS, aDocument, findingsOf, withProject } from '../testing.ts';

describe('completeness.output-timeliness', () => {
  it('is silent when 产出 has a 时效指标', () => {
    expect(findingsOf('completeness.output-timeliness', aDocument())).toEqual([]);
  });

  it('hints at a missing 时效指标', () => {
    const indicators = CLEAN_ROWS.filter((r) => r.level2 !== '时效指标');
    const found = findingsOf('completeness.output-timeliness', withProject({ indicators }));
    expect(found.map((f) => f.severity)).toEqual(['info']);
  });
});
