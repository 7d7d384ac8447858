/**
 * A cell still holding the template's stand-in — 三级 "指标1", a goal "目标1", "XXX", "……" — was
 * never filled in, however complete the table looks.
 */
import { PLACEHOLDER, PLACEHOLDER_RUN } from '../terms.ts';
import { PLACEHOLDER_LENGTH, suspectTexts } from '../texts.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'completeness.placeholder',
  family: 'completeness',
  severity: 'error',
  source: { regulation: 'caiyu-2015-88', clause: 'completeness' },
  scope: 'document',
  check(context, report) {
    for (const { at, field, part, text: cell } of suspectTexts(context)) {
      const text = cell.trim();
      if ((text.length <= PLACEHOLDER_LENGTH && PLACEHOLDER.test(text)) || PLACEHOLDER_RUN.test(text)) report(at, field, { part, text });
    }
  },
});
