/**
 * An indicator names something measurable. "最大限度降低重新犯罪" is an aim: it leans on words such
 * as 最大限度/降低/进一步/有效 and names nothing to count or compare. A unit on the target or a
 * graded qualitative value supplies the measure, and then the wording is fine.
 */
import { MEASURE, VAGUE } from '../terms.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'measurability.vague-description',
  family: 'measurability',
  severity: 'warning',
  source: { regulation: 'caiyu-2015-88', clause: 'quantified' },
  scope: 'row',
  check(context, report) {
    const t = context.target;
    if ((t.kind === 'quantitative' && t.unit !== '') || (t.kind === 'qualitative' && t.scale !== 'trend')) return;
    if (MEASURE.test(context.wording)) return;
    const words = context.wording.match(VAGUE);
    if (words) report(context, 'indicators.description', { words: [...new Set(words)].join('、') });
  },
});
