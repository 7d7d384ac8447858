/** 项目编码 follows the bureau's coding rule (ReviewSettings.projectCodePattern). */
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
    if (code !== '' && !projectCodeRegExp(context.document.settings.projectCodePattern).test(code)) report(context, 'code', { code });
  },
});
