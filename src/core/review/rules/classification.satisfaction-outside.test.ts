import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withRow } from '../testing.ts';

describe('classification.satisfaction-outside', () => {
  it('is silent for satisfaction under 满意度', () => {
    expect(findingsOf('classification.satisfaction-outside', aDocument())).toEqual([]);
  });

  it('reports satisfaction under 效果', () => {
    const found = findingsOf('classification.satisfaction-outside', withRow({ description: '群众满意率', target: '≥90%' }, 3));
    expect(found.map((f) => [f.field, f.message, f.suggestion])).toEqual([
      ['indicators.level1', '项目 315-0105-JBN-2D9U 第 4 行「群众满意率」衡量的是满意程度，却放在"效果指标"下。', '移到满意度指标下。'],
    ]);
  });
});
