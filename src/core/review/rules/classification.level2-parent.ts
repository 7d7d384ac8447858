/**
 * A 二级 sits under its own 一级 in the year's form: 社会效益 under 效益, not 产出; in the 2021 form
 * 成本 is a 一级 of its own (经济/社会/生态环境成本), no longer a 二级 of 产出.
 */
import { frameworkOf, level1Name, type FrameworkForm, type Level1Kind, type Level2Kind } from '../../framework/framework.ts';
import { defineRule } from '../rule.ts';

/** Each form's 二级 → 一级, looked up once per row. */
const PARENTS: Record<FrameworkForm, ReadonlyMap<Level2Kind, Level1Kind>> = {
  '2015': new Map(frameworkOf('2015').flatMap((l1) => l1.level2.map((l2) => [l2.kind, l1.kind] as const))),
  '2021': new Map(frameworkOf('2021').flatMap((l1) => l1.level2.map((l2) => [l2.kind, l1.kind] as const))),
};

export default defineRule({
  id: 'classification.level2-parent',
  family: 'classification',
  severity: 'warning',
  source: { regulation: 'caiyu-2021-101', clause: 'indicators' },
  scope: 'row',
  check(context, report) {
    if (context.level1 === null || context.level2 === null) return;
    const form = context.table.document.form;
    const parent = PARENTS[form].get(context.level2) ?? null;
    if (parent !== context.level1)
      report(context, 'indicators.level2', {
        level1: context.indicator.level1.trim(),
        level2: context.indicator.level2.trim(),
        form,
        expected: parent === null ? null : level1Name(parent, form),
      });
  },
});
