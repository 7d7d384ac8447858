import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withRow } from '../testing.ts';

describe('measurability.direction', () => {
  it('is silent when the relation points the way the measure improves', () => {
    expect(findingsOf('measurability.direction', aDocument())).toEqual([]);
    for (const [description, target] of [
      ['重新犯罪率', '≤1%'],
      ['投诉处理满意率', '≥90%'],
      ['安全事故发生次数', '=0次'],
    ])
      expect(findingsOf('measurability.direction', withRow({ description, target }, 3))).toEqual([]);
  });

  it('reports ≤ on a rate where more is better, and ≥ on one where less is', () => {
    expect(findingsOf('measurability.direction', withRow({ target: '≤90%' }, 4)).map((f) => f.message)).toEqual([
      '项目 315-0105-JBN-2D9U 第 5 行「受援群众满意度」应当越高越好（正向，≥），指标值"≤90%"的方向相反。',
    ]);
    const found = findingsOf('measurability.direction', withRow({ description: '群众投诉件数', target: '≥3件' }, 3));
    expect(found.map((f) => f.suggestion)).toEqual(['使用"≤"或"<"。']);
  });
});
