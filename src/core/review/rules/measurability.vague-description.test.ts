import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withRow } from '../testing.ts';

describe('measurability.vague-description', () => {
  it('is silent when the wording or the target supplies a measure', () => {
    expect(findingsOf('measurability.vague-description', aDocument())).toEqual([]);
    for (const [description, target] of [
      ['进一步提高案件结案率', '≥95'],
      ['有效降低重新犯罪', '≤2人'],
      ['业务部门办公条件得到改善', '明显改善'],
      ['更新业务部门办公设施', '>50'],
    ])
      expect(findingsOf('measurability.vague-description', withRow({ description, target }, 3))).toEqual([]);
  });

  it('reports an aim that names nothing measurable', () => {
    for (const [description, target, words] of [
      ['最大限度降低重新犯罪', '100', '最大限度、降低'],
      ['业务部门办公条件得到改善', '', '改善'],
      ['进一步加强法治宣传', '提高', '进一步、加强'],
    ]) {
      const found = findingsOf('measurability.vague-description', withRow({ description, target }, 3));
      expect(found.map((f) => f.message)).toEqual([
        `项目 315-0105-JBN-2D9U 第 4 行「${description}」只有"${words}"这样的笼统说法，没有可衡量的内容。`,
      ]);
    }
  });
});
