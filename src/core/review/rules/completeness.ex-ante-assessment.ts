/**
 * A new project whose budget reaches the bureau's amount has a complete 事前绩效评估 before its
 * budget is asked for: 中发〔2018〕34号 makes the assessment's result 申请预算的必备要件, and local
 * 办法 add that a project the assessment did not pass gets no budget. Silent without the stored
 * assessments (the store and the editor feed them: ReviewOptions.exAnte) and while the bureau's
 * amount is 0.
 */
import { needsAssessment } from '../../ex-ante/required.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'completeness.ex-ante-assessment',
  family: 'completeness',
  severity: 'error',
  source: { regulation: 'zhongfa-2018-34', clause: 'exAnte' },
  scope: 'project',
  check(context, report) {
    const { exAnte, settings } = context.document;
    const threshold = settings.exAnteThreshold ?? '0';
    if (exAnte === null || !needsAssessment(context.project, exAnte.index, threshold)) return;
    const state = exAnte.assessments[context.project.code] ?? 'missing';
    if (state !== 'complete') report(context, 'exAnte', { state, threshold });
  },
});
