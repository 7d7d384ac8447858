/**
 * A fee, price or sum of money (专线费用, 单价, …万元) is a cost, not an output: 成本指标 under 产出
 * in the older form, the 成本 一级 (经济成本指标) in the 2021 form.
 */
import { level1Name, level2Name } from '../../framework/framework.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'classification.cost',
  family: 'classification',
  severity: 'warning',
  source: { regulation: 'caiyu-2015-88', clause: 'indicators' },
  scope: 'row',
  check(context, report) {
    if (context.level1 !== 'output' || !context.cost || context.timeliness || context.satisfaction) return;
    if (context.level2 !== 'quantity' && context.level2 !== 'quality' && context.level2 !== 'timeliness') return;
    const form = context.table.document.form;
    const suggested =
      form === '2015'
        ? `${level1Name('output', form)}—${level2Name('cost', form)}`
        : `${level1Name('cost', form)}—${level2Name('economicCost', form)}`;
    report(context, 'indicators.level2', { level2: context.indicator.level2.trim(), suggested });
  },
});
