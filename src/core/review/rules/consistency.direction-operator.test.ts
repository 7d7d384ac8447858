import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withRow } from '../testing.ts';

describe('consistency.direction-operator', () => {
  it('is silent where 指标方向性 and the relation agree, or the relation is = or a range', () => {
    expect(findingsOf('consistency.direction-operator', aDocument())).toEqual([]);
    for (const row of [
      { direction: '正向', target: '≥95%' },
      { direction: '反向', target: '≤3天' },
      // 乌海: 正向 under 指标性质, "=" under 指标方向, a bare number.
      { nature: '正向', direction: '=', target: '24' },
      { nature: '反向', direction: '=', target: '0' },
      { direction: '正向', target: '90%-100%' },
    ])
      expect(findingsOf('consistency.direction-operator', withRow(row, 1)), JSON.stringify(row)).toEqual([]);
  });

  it('reports 正向 with ≤ and 反向 with ≥, the relation written in the target or in 指标性质', () => {
    expect(findingsOf('consistency.direction-operator', withRow({ direction: '正向', target: '≤95%' }, 1)).map((f) => f.message)).toEqual([
      '项目 315-0105-JBN-2D9U 第 2 行「法律援助案件结案率」是正向指标（越高越好（正向，≥）），指标值却用"≤"。',
    ]);
    expect(findingsOf('consistency.direction-operator', withRow({ direction: '反向', nature: '≥', target: '3' }, 2))).toHaveLength(1);
  });
});
