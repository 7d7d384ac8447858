/** 项目编码 follows the coding rule: the province's where its form profile gives one, else the bureau's (ReviewSettings.projectCodePattern). */
import { defineRule } from '../rule.ts';
import { projectCodeRegExp } from '../settings.ts';

export default defineRule({
  id: 'consistency.project-code-format',
  family: 'consistency',
  severity: 'warning',
  source: { regulation: 'bureau', clause: 'coding' },
  scope: 'project',
  check(context, report) {
    const code = context.project.code.trim();
    const { profile, settings } = context.document;
    const pattern = profile.projectCodePattern === undefined ? settings.projectCodePattern : profile.projectCodePattern;
    if (code !== '' && pattern !== null && !projectCodeRegExp(pattern).test(code)) report(context, 'code', { code });
  },
});
