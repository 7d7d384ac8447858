/**
 * The target-value grammar: reads a 指标值 cell the way people write it.
 *
 *   quantitative  [relation] number [unit] [以上|以下|以内|内]   ≥95%  >95  100  ≤3天  不低于95%  15张以上
 *                 number [unit] (- ~ ～ 至 到) number [unit]     90-100  90%～100%
 *                 ± number [unit] [以内|内]                      ±3%以内  (the range -3%…3%)
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
import { toHalfWidth } from '../text/half-width.ts';
import { recogniseGrade } from './grades.ts';
import { OPERATOR_DIRECTION, type Operator, type TargetValue } from './target-value.ts';

// Full-width ASCII (！ to ～, which holds ＞＜＝％０-９．) to half-width (toHalfWidth), and the other ways
// documents write ≥ ≤ and range dashes.
const SPACES = /[\s\u3000]+/g;
const GE = />=|=>|≧|⩾|≥=/g;
const LE = /<=|=<|≦|⩽|≤=/g;
const TRAILING_STOP = /[。．.；;，,]+$/;
/** Most cells are already in the grammar's spelling ("≥95%"); only the others pay for normalising. */
const NEEDS_NORMALISING = /[\uff01-\uff5e\s\u3000=≧≦⩾⩽]|[。．.；;，,]$/;
const LEADING_ZEROS = /^(-?)0+(?=\d)/;

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

// The scanner below looks words up by character code: it runs on every target of every review.
/** Relation words by the code of their first character, longest first: "大于等于" before "大于". */
const RELATIONS_BY_FIRST = new Map<number, Array<readonly [string, Operator]>>();
for (const [word, op] of Object.entries(RELATION_WORDS).sort(([a], [b]) => b.length - a.length)) {
  const list = RELATIONS_BY_FIRST.get(word.charCodeAt(0)) ?? [];
  list.push([word, op]);
  RELATIONS_BY_FIRST.set(word.charCodeAt(0), list);
}
/** Suffix words by the code of their last character (上, 下, 内), longest first. */
const SUFFIXES_BY_LAST = new Map<number, Array<readonly [string, Operator]>>();
for (const [word, op] of Object.entries(SUFFIX_WORDS).sort(([a], [b]) => b.length - a.length)) {
  const list = SUFFIXES_BY_LAST.get(word.charCodeAt(word.length - 1)) ?? [];
  list.push([word, op]);
  SUFFIXES_BY_LAST.set(word.charCodeAt(word.length - 1), list);
}
/** Character classes by code: 1 blank mark, 2 not in a unit, 4 a range separator, 8 a date word. */
const CLASS = new Uint8Array(0x10000);
const BLANK = 1;
const NOT_IN_UNIT = 2;
const SEPARATOR = 4;
const DATE = 8;
for (const c of '-—–―/／\\') CLASS[c.charCodeAt(0)]! |= BLANK;
// Digits, relations, range marks and sentence punctuation end a unit (brackets may be in one: 台（套）).
for (const c of '0123456789≥≤<>=~-–—―〜至到，,。；;、：:') CLASS[c.charCodeAt(0)]! |= NOT_IN_UNIT;
for (const c of '-~–—―〜至到') CLASS[c.charCodeAt(0)]! |= SEPARATOR;
for (const c of '年月季') CLASS[c.charCodeAt(0)]! |= DATE;

const UNIT_LENGTH = 8;

const isDigit = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/** Whether a cell may name a grade: no digits (grades are words), or a date (12月底前). */
function mayBeGrade(s: string): boolean {
  let digits = false;
  for (let i = 0; i < s.length; i++) {
    if (CLASS[s.charCodeAt(i)]! & DATE) return true;
    if (isDigit(s, i)) digits = true;
  }
  return !digits;
}

/** "", or only dashes and slashes: a cell that says "nothing here". */
function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if ((CLASS[s.charCodeAt(i)]! & BLANK) === 0) return false;
  return true;
}

/** The word of `words` that `s` starts (or ends) with, longest first. */
function wordAt(s: string, words: Array<readonly [string, Operator]> | undefined, atEnd: boolean) {
  if (words === undefined) return undefined;
  for (let k = 0; k < words.length; k++) {
    const entry = words[k]!;
    if (atEnd ? s.endsWith(entry[0]) : s.startsWith(entry[0])) return entry;
  }
  return undefined;
}

/** The end of a number -?\d+(,\d{3})*(\.\d+)? starting at i, or -1. */
function numberEnd(s: string, i: number): number {
  if (s[i] === '-') i++;
  if (!isDigit(s, i)) return -1;
  while (isDigit(s, i)) i++;
  while (s[i] === ',' && isDigit(s, i + 1) && isDigit(s, i + 2) && isDigit(s, i + 3) && !isDigit(s, i + 4)) i += 4;
  if (s[i] === '.' && isDigit(s, i + 1)) {
    i++;
    while (isDigit(s, i)) i++;
  }
  return i;
}

/** The end of the unit starting at i: the first character a unit cannot hold, or the end. */
function unitEnd(s: string, i: number): number {
  while (i < s.length && (CLASS[s.charCodeAt(i)]! & NOT_IN_UNIT) === 0) i++;
  return i;
}

/** A number the grammar matched, as DecimalText: no thousands separators, no leading zeros. */
function canonical(n: string): DecimalText {
  const s = n.includes(',') ? n.replaceAll(',', '') : n;
  const first = s.charCodeAt(0) === 45 ? 1 : 0; // after a minus sign
  return s.charCodeAt(first) === 48 && s.length > first + 1 && s[first + 1] !== '.' ? s.replace(LEADING_ZEROS, '$1') : s;
}

/** The cell as the grammar sees it: half-width, no spaces, one spelling per relation. */
export function normaliseTargetText(text: string): string {
  if (!NEEDS_NORMALISING.test(text)) return text;
  return toHalfWidth(text).replace(SPACES, '').replace(GE, '≥').replace(LE, '≤').replace(TRAILING_STOP, '');
}

export function parseTargetValue(text: string): TargetValue {
  const s = normaliseTargetText(text);
  if (isBlank(s)) return { kind: 'empty', text };

  // Grades are words; the only ones with digits are dates (12月底前). Numbers skip the grade lookup.
  if (mayBeGrade(s)) {
    const grade = recogniseGrade(s);
    if (grade) return { kind: 'qualitative', text, grade: s, scale: grade.scale, rank: grade.rank, direction: 'higher' };
  }

  const tolerance = s.charCodeAt(0) === 0xb1 ? 1 : s.startsWith('正负') ? 2 : 0;
  if (tolerance > 0) return toleranceRange(s.slice(tolerance), text);

  // [relation] number unit [separator number unit] [suffix], scanned left to right.
  const relationWord = wordAt(s, RELATIONS_BY_FIRST.get(s.charCodeAt(0)), false);
  const relation = relationWord?.[1];
  const i = relationWord?.[0].length ?? 0;
  const aEnd = numberEnd(s, i);
  if (aEnd < 0) return { kind: 'unreadable', text };
  const value = canonical(s.slice(i, aEnd));
  const uEnd = unitEnd(s, aEnd);
  let unit = s.slice(aEnd, uEnd);
  let upper: DecimalText | null = null;
  if (uEnd < s.length) {
    if ((CLASS[s.charCodeAt(uEnd)]! & SEPARATOR) === 0) return { kind: 'unreadable', text };
    const bEnd = numberEnd(s, uEnd + 1);
    if (bEnd < 0) return { kind: 'unreadable', text };
    upper = canonical(s.slice(uEnd + 1, bEnd));
    const end = unitEnd(s, bEnd);
    if (end < s.length) return { kind: 'unreadable', text };
    const unitB = s.slice(bEnd, end);
    if (unit !== '' && unitB !== '' && unit !== unitB) return { kind: 'unreadable', text };
    unit = unitB || unit;
  }
  const suffixWord = unit === '' ? undefined : wordAt(unit, SUFFIXES_BY_LAST.get(unit.charCodeAt(unit.length - 1)), true);
  const fromSuffix = suffixWord?.[1];
  if (suffixWord !== undefined) unit = unit.slice(0, -suffixWord[0].length);
  if (unit.length > UNIT_LENGTH) return { kind: 'unreadable', text };

  if (upper !== null) {
    if (relation !== undefined || fromSuffix !== undefined) return { kind: 'unreadable', text };
    return { kind: 'quantitative', text, operator: 'range', value, upper, unit, direction: 'exact' };
  }

  // "≥95%以上" says the same thing twice; "≤3天以上" contradicts itself.
  if (relation && fromSuffix && relation !== '=' && OPERATOR_DIRECTION[relation] !== OPERATOR_DIRECTION[fromSuffix])
    return { kind: 'unreadable', text };
  const operator: Operator = relation === undefined || (relation === '=' && fromSuffix) ? (fromSuffix ?? '=') : relation;
  return { kind: 'quantitative', text, operator, value, upper: null, unit, direction: OPERATOR_DIRECTION[operator] };
}

/**
 * A tolerance, "±3%以内" (a 误差率 within 3% either way): the range from -3% to 3%, so a deviation
 * either side is scored as one. A relation after ± ("±≥3%") is no tolerance.
 */
function toleranceRange(rest: string, text: string): TargetValue {
  const size = parseTargetValue(rest);
  if (size.kind !== 'quantitative' || size.upper !== null || size.value.startsWith('-') || (size.operator !== '=' && size.operator !== '≤'))
    return { kind: 'unreadable', text };
  if (size.operator === '=' && rest !== `${size.value}${size.unit}`) return { kind: 'unreadable', text };
  return {
    kind: 'quantitative',
    text,
    operator: 'range',
    value: size.value === '0' ? '0' : `-${size.value}`,
    upper: size.value,
    unit: size.unit,
    direction: 'exact',
  };
}

/**
 * A cell that holds only the relation, as the 指标性质 (or 指标方向) column of some forms does ("≥",
 * "=", "不低于", "以上"); undefined for anything else ("正向", "定性", "≥95%").
 */
export function parseRelation(text: string): Operator | undefined {
  const s = normaliseTargetText(text);
  return Object.hasOwn(RELATION_WORDS, s) ? RELATION_WORDS[s] : Object.hasOwn(SUFFIX_WORDS, s) ? SUFFIX_WORDS[s] : undefined;
}
