/**
 * 指标值确定依据 names a standard (财预〔2015〕88号 绩效标准: 计划标准, 行业标准, 历史标准), not the
 * indicator itself: "结案率" for a 结案率 row, "满意度" for a satisfaction row, "交付额" — no basis.
 */
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'basis.restates-indicator',
  family: 'basis',
  severity: 'warning',
  source: { regulation: 'caiyu-2015-88', clause: 'standards' },
  scope: 'row',
  check(context, report) {
    if (context.basis === 'restatement') report(context, 'indicators.basis', { basis: context.indicator.basis.trim() });
  },
});
