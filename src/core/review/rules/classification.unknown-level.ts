/** 一级 and 二级 cells name indicators of the framework (产出/效益/满意度 …, 数量/质量/时效 …). */
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'classification.unknown-level',
  family: 'classification',
  severity: 'warning',
  source: { regulation: 'caiyu-2015-88', clause: 'indicators' },
  scope: 'row',
  check(context, report) {
    const { level1, level2 } = context.indicator;
    if (context.level1 === null) report(context, 'indicators.level1', { level: 1, name: level1.trim() });
    if (context.level2 === null) report(context, 'indicators.level2', { level: 2, name: level2.trim() });
  },
});
