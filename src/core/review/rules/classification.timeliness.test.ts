import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withRow } from '../testing.ts';

describe('classification.timeliness', () => {
  it('is silent for deadlines under 时效 and timely outcomes under 效益', () => {
    expect(findingsOf('classification.timeliness', aDocument())).toEqual([]);
    expect(findingsOf('classification.timeliness', withRow({ description: '及时化解矛盾纠纷', target: '明显改善' }, 3))).toEqual([]);
    // 湘潭: "服务周期内" says over which period air quality is measured, not when something is done.
    expect(findingsOf('classification.timeliness', withRow({ description: '服务周期内空气质量', target: '≥90%' }, 1))).toEqual([]);
  });

  it('reports a time limit, a timeliness rate or a deadline filed under 数量 or 质量', () => {
    for (const [at, changes] of [
      [0, { description: '法律援助申请审查时限', target: '≤7个工作日' }],
      [1, { description: '案件办理及时率', target: '≥95%' }],
      [0, { description: '展板制作', target: '6月底前完成' }],
    ] as const) {
      const found = findingsOf('classification.timeliness', withRow(changes, at));
      expect(found.map((f) => f.suggestion)).toEqual(['移到时效指标下。']);
    }
  });
});
