/**
 * A row's 一级 is one the profile's form has: 成本指标 is no 一级 of the older form (成本 is a 二级
 * under 产出 there), and a 2021 form has no 效果 … but the same 一级 under another of its names
 * (效果 for 效益) is the profile's. Names the framework does not know are classification.unknown-level's.
 */
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'classification.level1-profile',
  family: 'classification',
  severity: 'warning',
  source: { regulation: 'caiyu-2021-101', clause: 'indicators' },
  scope: 'row',
  check(context, report) {
    const kind = context.level1;
    const profile = context.table.document.profile;
    if (kind === null || profile.level1.some((l) => l.kind === kind)) return;
    report(context, 'indicators.level1', {
      level1: context.indicator.level1.trim(),
      profile: profile.title,
      allowed: profile.level1.map((l) => l.name).join('、'),
    });
  },
});
