/**
 * 数量 counts what is delivered (件, 人, 次); a rate — 结案率, 核查率, 覆盖率, 合格率 — says how well,
 * and belongs under 质量. Timeliness rates, costs and satisfaction have rules of their own.
 */
import { level2Name } from '../../framework/framework.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'classification.rate-under-quantity',
  family: 'classification',
  severity: 'warning',
  source: { regulation: 'caiyu-2015-88', clause: 'indicators' },
  scope: 'row',
  check(context, report) {
    if (context.level1 !== 'output' || context.level2 !== 'quantity' || !context.percentLike) return;
    if (context.timeliness || context.cost || context.satisfaction) return;
    report(context, 'indicators.level2', { suggested: level2Name('quality', context.table.document.form) });
  },
});
