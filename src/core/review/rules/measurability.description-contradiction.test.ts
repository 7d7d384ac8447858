import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withRow } from '../testing.ts';

describe('measurability.description-contradiction', () => {
  it('is silent when the description agrees with the target or states nothing in its unit', () => {
    expect(findingsOf('measurability.description-contradiction', aDocument())).toEqual([]);
    for (const [description, target] of [
      ['每年制作展板50张', '≥50张'],
      ['开展培训2次，每次50人', '≥2次'],
      ['结案率达到95％', '≥95%'],
      ['覆盖全县18个乡镇', '≥95%'],
      ['办理案件100件左右', '90-110件'],
    ])
      expect(findingsOf('measurability.description-contradiction', withRow({ description, target }))).toEqual([]);
  });

  it('reports a number in the description that contradicts the target', () => {
    const description = '制作宣传展板，人口密集地方悬挂摆放宣传标语、宣传横幅，每年达到制作展板50张';
    const found = findingsOf('measurability.description-contradiction', withRow({ description, target: '≥15张' }));
    expect(found.map((f) => f.message)).toEqual([
      '项目 315-0105-JBN-2D9U 第 1 行「制作宣传展板，人口密集地方悬挂摆放宣传标语、宣传…」的描述写的是 50张，指标值却是"≥15张"。',
    ]);
  });
});
