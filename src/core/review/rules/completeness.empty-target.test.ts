import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withRow } from '../testing.ts';

describe('completeness.empty-target', () => {
  it('is silent when every row has a target value', () => {
    expect(findingsOf('completeness.empty-target', aDocument())).toEqual([]);
  });

  it('reports an empty or dashed target value, naming project, row and indicator', () => {
    for (const target of ['', ' ', '—']) {
      const found = findingsOf('completeness.empty-target', withRow({ target }, 4));
      expect(found).toEqual([
        {
          ruleId: 'completeness.empty-target',
          severity: 'error',
          projectCode: '315-0105-JBN-2D9U',
          indicatorIndex: 5,
          field: 'indicators.target',
          message: '项目 315-0105-JBN-2D9U 第 5 行「受援群众满意度」的指标值为空。',
          suggestion: '填写可衡量的指标值，如"≥95%"、"≥15张"，或分级的定性值，如"达到预期"。',
          source: '财预〔2015〕88号 完整性审核',
        },
      ]);
    }
  });
});
