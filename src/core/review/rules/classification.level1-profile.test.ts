import { describe, expect, it } from 'vitest';
import { mof2021 } from '../../forms/profiles/mof-2021.ts';
import { aDocument, findingsOf, withRow } from '../testing.ts';

describe('classification.level1-profile', () => {
  it('is silent where every 一级 is the profile’s, under any of its names', () => {
    expect(findingsOf('classification.level1-profile', aDocument())).toEqual([]);
    expect(findingsOf('classification.level1-profile', withRow({ level1: '效益指标' }, 3))).toEqual([]);
  });

  it('reports 成本指标 as a 一级 of the older form', () => {
    expect(
      findingsOf('classification.level1-profile', withRow({ level1: '成本指标', level2: '经济成本指标' }, 0)).map((f) => f.message),
    ).toEqual([
      '项目 315-0105-JBN-2D9U 第 1 行「办理法律援助案件数量」的一级指标"成本指标"不是本单位所用项目绩效目标表的一级指标（产出指标、效果指标、满意度指标）。',
    ]);
  });

  it('follows the bureau’s profile rather than the year', () => {
    const doc = withRow({ level1: '成本指标', level2: '经济成本指标' }, 0);
    expect(findingsOf('classification.level1-profile', doc, { profile: mof2021 })).toEqual([]);
  });
});
