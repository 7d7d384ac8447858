/**
 * The target-value grammar: reads a 指标值 cell the way people write it.
 *
 *   quantitative  [relation] number [unit] [以上|以下|以内|内]   ≥95%  >95  100  ≤3天  不低于95%  15张以上
 *                 number [unit] (- ~ ～ 至 到) number [unit]     90-100  90%～100%
 *   qualitative   a recognised grade (./grades.ts)               好  达到预期  明显改善  是  12月底前
 *
 * Relations: ≥ ＞ ≧ >= 不低于 不少于 大于等于 至少 达到 → ≥;  > 高于 大于 超过 多于 → >;
 * ≤ ≦ <= 不高于 不超过 小于等于 至多 控制在 → ≤;  < 低于 小于 少于 → <;  = 等于 为 → =.
 * 以上 counts the number itself (≥), as do 以下 and 以内 (≤) — the reading of Chinese law
 * (民法典 第一千二百五十九条). A bare number is `=` (exact); see Direction.
 * Any short trailing token without digits or punctuation is the unit.
 *
 * Never throws: an empty cell is `empty`, anything else unreadable is `unreadable`.
 */
import type { DecimalText } from '../model/document.ts';
import { recogniseGrade } from './grades.ts';
import type { Direction, Operator, TargetValue } from './target-value.ts';

// Full-width ASCII (！ to ～, which holds ＞＜＝％０-９．) to half-width, and the other ways
// documents write ≥ ≤ and range dashes.
const FULL_WIDTH = /[\uff01-\uff5e]/g;
const SPACES = /[\s\u3000]+/g;
const GE = />=|=>|≧|⩾|≥=/g;
const LE = /<=|=<|≦|⩽|≤=/g;
const TRAILING_STOP = /[。．.；;，,]+$/;
/** Most cells are already in the grammar's spelling ("≥95%"); only the others pay for normalising. */
const NEEDS_NORMALISING = /[\uff01-\uff5e\s\u3000=≧≦⩾⩽]|[。．.；;，,]$/;
const LEADING_ZEROS = /^(-?)0+(?=\d)/;
const DIGIT = /\d/;
const DATE_WORD = /[年月季]/;

/** A cell that only says "nothing here". */
const BLANK = /^[-—–―/／\\]*$/;

const RELATION_WORDS: Readonly<Record<string, Operator>> = {
  '≥': '≥',
  不低于: '≥',
  不少于: '≥',
  不小于: '≥',
  大于等于: '≥',
  大于或等于: '≥',
  至少: '≥',
  达到: '≥',
  '>': '>',
  高于: '>',
  大于: '>',
  超过: '>',
  多于: '>',
  '≤': '≤',
  不高于: '≤',
  不超过: '≤',
  不大于: '≤',
  不多于: '≤',
  小于等于: '≤',
  小于或等于: '≤',
  至多: '≤',
  最多: '≤',
  控制在: '≤',
  '<': '<',
  低于: '<',
  小于: '<',
  少于: '<',
  '=': '=',
  等于: '=',
  为: '=',
};
const SUFFIX_WORDS: Readonly<Record<string, Operator>> = {
  以上: '≥',
  及以上: '≥',
  以下: '≤',
  及以下: '≤',
  以内: '≤',
  之内: '≤',
  内: '≤',
};

const alternation = (words: readonly string[]) =>
  [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[<>=]/g, '\\$&')).join('|');

const NUMBER = '-?\\d+(?:,\\d{3})*(?:\\.\\d+)?';
// A unit: a short token with no digits, relations, range marks or sentence punctuation.
const UNIT = '[^\\d≥≤<>=~\\-–—―〜至到，,。；;、：:（）()]{0,8}?';
const SEPARATOR = '[-~–—―〜]|至|到';

const QUANTITATIVE = new RegExp(
  `^(${alternation(Object.keys(RELATION_WORDS))})?(${NUMBER})(${UNIT})` +
    `(?:(${SEPARATOR})(${NUMBER})(${UNIT}))?(${alternation(Object.keys(SUFFIX_WORDS))})?$`,
);

const DIRECTION: Readonly<Record<Operator, Direction>> = {
  '≥': 'higher',
  '>': 'higher',
  '≤': 'lower',
  '<': 'lower',
  '=': 'exact',
  range: 'exact',
};

/** A number the grammar matched, as DecimalText: no thousands separators, no leading zeros. */
function canonical(n: string): DecimalText {
  const s = n.includes(',') ? n.replaceAll(',', '') : n;
  const first = s.charCodeAt(0) === 45 ? 1 : 0; // after a minus sign
  return s.charCodeAt(first) === 48 && s.length > first + 1 && s[first + 1] !== '.' ? s.replace(LEADING_ZEROS, '$1') : s;
}

/** The cell as the grammar sees it: half-width, no spaces, one spelling per relation. */
export function normaliseTargetText(text: string): string {
  if (!NEEDS_NORMALISING.test(text)) return text;
  return text
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(SPACES, '')
    .replace(GE, '≥')
    .replace(LE, '≤')
    .replace(TRAILING_STOP, '');
}

export function parseTargetValue(text: string): TargetValue {
  const s = normaliseTargetText(text);
  if (BLANK.test(s)) return { kind: 'empty', text };

  // Grades are words; the only ones with digits are dates (12月底前). Numbers skip the grade lookup.
  if (!DIGIT.test(s) || DATE_WORD.test(s)) {
    const grade = recogniseGrade(s);
    if (grade) return { kind: 'qualitative', text, grade: s, scale: grade.scale, rank: grade.rank, direction: 'higher' };
  }

  const m = QUANTITATIVE.exec(s);
  if (!m) return { kind: 'unreadable', text };
  const [, relation, a, unitA = '', separator, b, unitB = '', suffix] = m;
  const value = canonical(a!);

  if (separator !== undefined) {
    const upper = canonical(b!);
    if (relation !== undefined || suffix !== undefined) return { kind: 'unreadable', text };
    if (unitA !== '' && unitB !== '' && unitA !== unitB) return { kind: 'unreadable', text };
    return { kind: 'quantitative', text, operator: 'range', value, upper, unit: unitB || unitA, direction: 'exact' };
  }

  const fromRelation = relation === undefined ? undefined : RELATION_WORDS[relation];
  const fromSuffix = suffix === undefined ? undefined : SUFFIX_WORDS[suffix];
  // "≥95%以上" says the same thing twice; "≤3天以上" contradicts itself.
  if (fromRelation && fromSuffix && fromRelation !== '=' && DIRECTION[fromRelation] !== DIRECTION[fromSuffix])
    return { kind: 'unreadable', text };
  const operator: Operator =
    fromRelation === undefined || (fromRelation === '=' && fromSuffix) ? (fromSuffix ?? '=') : fromRelation;
  return { kind: 'quantitative', text, operator, value, upper: null, unit: unitA, direction: DIRECTION[operator] };
}
