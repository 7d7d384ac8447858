/**
 * The template's instructions left in a field ("(200字以内)", "结合自评情况,分析存在的问题及原因。"):
 * the field was not written, whatever its length.
 */
import { TEMPLATE_INSTRUCTION } from '../../text/template-instruction.ts';
import { suspectTexts } from '../texts.ts';
import { defineRule } from '../rule.ts';

const QUOTED = 40;

export default defineRule({
  id: 'completeness.template-text',
  family: 'completeness',
  severity: 'error',
  source: { regulation: 'caiyu-2015-88', clause: 'completeness' },
  scope: 'document',
  check(context, report) {
    for (const { at, field, part, text: cell } of suspectTexts(context)) {
      if (!TEMPLATE_INSTRUCTION.test(cell)) continue;
      const text = cell.trim();
      report(at, field, { part, text: text.length > QUOTED ? `${text.slice(0, QUOTED)}…` : text });
    }
  },
});
