/**
 * Each project has the 一级 indicators of its profile's form: 产出, 效果/效益 and 满意度 in the older
 * form, also 成本 from the 2021 framework on (财预〔2021〕101号), and what a province's form prints.
 * A 2015-style 成本 二级 counts as cost.
 */
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'completeness.missing-level1',
  family: 'completeness',
  severity: 'error',
  source: { regulation: 'caiyu-2015-88', clause: 'indicators' },
  scope: 'project',
  check(context, report) {
    const { profile, form } = context.document;
    for (const l1 of profile.level1) if (!context.level1s.has(l1.kind)) report(context, 'indicators.level1', { level1: l1.name, form });
  },
});
