/** A deadline, time limit or timeliness rate (及时率, 时限, 12月底前) belongs under 时效. */
import { level2Name } from '../../framework/framework.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'classification.timeliness',
  family: 'classification',
  severity: 'warning',
  source: { regulation: 'caiyu-2015-88', clause: 'indicators' },
  scope: 'row',
  check(context, report) {
    if (context.level1 !== 'output' || !context.timeliness || context.satisfaction) return;
    if (context.level2 === 'quantity' || context.level2 === 'quality' || context.level2 === 'cost')
      report(context, 'indicators.level2', {
        level2: context.indicator.level2.trim(),
        suggested: level2Name('timeliness', context.table.document.form),
      });
  },
});
