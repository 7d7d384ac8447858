import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withRow } from '../testing.ts';

describe('classification.cost', () => {
  it('is silent for costs under 成本 and for counts', () => {
    expect(findingsOf('classification.cost', aDocument())).toEqual([]);
    const cost = { level2: '成本指标', description: '专线费用', target: '≤3万元' };
    expect(findingsOf('classification.cost', withRow(cost))).toEqual([]);
  });

  it('reports a fee filed under 数量 (older form)', () => {
    const found = findingsOf('classification.cost', withRow({ description: '社区矫正指纹报到系统服务器专线费用', target: '100' }));
    expect(found.map((f) => [f.message, f.suggestion])).toEqual([
      [
        '项目 315-0105-JBN-2D9U 第 1 行「社区矫正指纹报到系统服务器专线费用」衡量的是费用或成本，却放在"数量指标"下。',
        '移到产出指标—成本指标下，写明金额上限，如"≤3万元"。',
      ],
    ]);
  });

  it('reads a money unit as a cost and points to the 2021 成本 一级', () => {
    const doc = { ...withRow({ description: '发放设备补助', target: '≤20万元' }), year: 2021 };
    expect(findingsOf('classification.cost', doc).map((f) => f.suggestion)).toEqual([
      '移到成本指标—经济成本指标下，写明金额上限，如"≤3万元"。',
    ]);
  });
});
