/**
 * A number the description states in the target's unit agrees with the target: a description
 * "每年达到制作展板50张" with a target "≥15张" says two different things.
 */
import { compareDecimal } from '../compare.ts';
import { STATED_QUANTITY } from '../terms.ts';
import { defineRule } from '../rule.ts';

const DIGIT = /\d/;

export default defineRule({
  id: 'measurability.description-contradiction',
  family: 'measurability',
  severity: 'warning',
  source: { regulation: 'caiyu-2015-88', clause: 'completeness' },
  scope: 'row',
  check(context, report) {
    const t = context.target;
    if (t.kind !== 'quantitative' || t.unit === '' || !DIGIT.test(context.wording)) return;
    const stated: string[] = [];
    let agrees = false;
    for (const [, number, unit] of context.wording.matchAll(STATED_QUANTITY)) {
      if (unit!.replace('％', '%') !== t.unit) continue;
      const n = number!;
      stated.push(`${number}${t.unit}`);
      if (t.upper === null ? compareDecimal(n, t.value) === 0 : compareDecimal(n, t.value) >= 0 && compareDecimal(n, t.upper) <= 0)
        agrees = true;
    }
    if (stated.length > 0 && !agrees) report(context, 'indicators.description', { stated: stated.join('、'), target: t.text });
  },
});
