import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withRow } from '../testing.ts';

describe('measurability.missing-unit', () => {
  it('is silent for numbers with units and for rates (their own rule)', () => {
    expect(findingsOf('measurability.missing-unit', aDocument())).toEqual([]);
    expect(findingsOf('measurability.missing-unit', withRow({ target: '≥95' }, 1))).toEqual([]);
  });

  it('reports a bare number, suggesting the unit the row implies', () => {
    const cases = [
      [{ description: '社区矫正指纹报到系统服务器专线费用', target: '100' }, '万元'],
      [{ description: '制作宣传展板', target: '≥15' }, '张'],
      [{ description: '开展法制培训', target: '≥2' }, '次'],
      [{ description: '每年培训3次', target: '≥2' }, '次'],
      [{ description: '群众解决实际问题', target: '≥10', basis: '受益率' }, '%'],
      [{ description: '最大限度降低重新犯罪', target: '100' }, null],
    ] as const;
    for (const [changes, unit] of cases) {
      const found = findingsOf('measurability.missing-unit', withRow(changes));
      expect(found).toHaveLength(1);
      expect(found[0]!.message).toBe(
        `项目 315-0105-JBN-2D9U 第 1 行「${changes.description}」的指标值"${changes.target}"没有单位，看不出衡量的是什么${unit === null ? '' : `（应为${unit}）`}。`,
      );
    }
  });
});
