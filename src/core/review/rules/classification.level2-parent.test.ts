import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withRow } from '../testing.ts';

describe('classification.level2-parent', () => {
  it('is silent when each 二级 sits under its 一级, 成本 under 产出 in the older form included', () => {
    expect(findingsOf('classification.level2-parent', aDocument())).toEqual([]);
    const cost = { level2: '成本指标', description: '专线费用', target: '≤3万元' };
    expect(findingsOf('classification.level2-parent', withRow(cost))).toEqual([]);
  });

  it('reports a 二级 under another 一级', () => {
    const found = findingsOf('classification.level2-parent', withRow({ level2: '社会效益指标' }));
    expect(found.map((f) => [f.message, f.suggestion])).toEqual([
      [
        '项目 315-0105-JBN-2D9U 第 1 行「办理法律援助案件数量」的二级指标"社会效益指标"在2015年版表样中不属于"产出指标"。',
        '把"社会效益指标"放在"效果指标"之下。',
      ],
    ]);
  });

  it('reports 成本 as a 二级 of 产出 in the 2021 form', () => {
    const doc = { ...withRow({ level2: '成本指标', description: '专线费用', target: '≤3万元' }), year: 2022 };
    expect(findingsOf('classification.level2-parent', doc).map((f) => f.suggestion)).toEqual(['改用本年度表样中的二级指标。']);
  });
});
