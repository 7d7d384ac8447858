/**
 * Each project has the 一级 indicators of its year's form: 产出, 效果/效益 and 满意度; from the
 * 2021 form on (财预〔2021〕101号) also 成本. A 2015-style 成本 二级 counts as cost.
 */
import { frameworkOf, level1Name } from '../../framework/framework.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'completeness.missing-level1',
  family: 'completeness',
  severity: 'error',
  source: { regulation: 'caiyu-2015-88', clause: 'indicators' },
  scope: 'project',
  check(context, report) {
    const form = context.document.form;
    for (const l1 of frameworkOf(form))
      if (!context.level1s.has(l1.kind)) report(context, 'indicators.level1', { level1: level1Name(l1.kind, form), form });
  },
});
