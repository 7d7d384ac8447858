/**
 * A 目标值 of "1" where the 指标解释 or 指标值确定依据 names a percentage standard ("90%(计划标准)",
 * 宁德 2019) is a ratio written for a percent: scored as 1 against 90 %, or read as 1 %.
 */
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'consistency.percent-standard',
  family: 'consistency',
  severity: 'warning',
  source: { regulation: 'caiyu-2015-88', clause: 'standards' },
  scope: 'row',
  check(context, report) {
    const standard = context.percentStandard;
    if (standard === null || standard.kind !== 'quantitative') return;
    report(context, 'indicators.target', { target: context.target.text.trim(), standard: `${standard.value}${standard.unit}` });
  },
});
