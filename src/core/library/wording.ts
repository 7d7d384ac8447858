/**
 * An indicator's wording reduced to what it measures, so that the same measure written by different
 * units and in different years compares equal (families) or close (history matching).
 *
 * Each step is there because real documents differ in it without meaning anything else:
 * - full-width and half-width forms (NFKC): 结案率（％） and 结案率(%);
 * - spaces and punctuation: "提升宣传效果、群众知晓率。";
 * - numbers and what they count: a year ("2020年"), a quantity ("每年达到制作展板50张"), which
 *   belong to the target, not the measure;
 * - 满意率 for 满意度: the published 怀来县司法局 2020 targets write 服务对象满意率 where the corrected
 *   copy of the same table writes 服务对象满意度 (samples/), and 满意度 is the framework's own word
 *   (服务对象满意度指标). No other variant is folded: 率 and 比例 are left apart until real documents
 *   show them standing for one measure;
 * - words that name no measure: 项目, 工作, and the 全年/年度/本年/当年/每年 that only restate the term.
 */
import { STATED_QUANTITY } from '../review/terms.ts';

const YEAR = /(?:19|20)\d{2}(?:年度|年)?/g;
const NUMBER = /\d+(?:\.\d+)?/g;
/** Letters, digits and CJK kept; everything else (spaces, punctuation, symbols) is dropped. */
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
const VARIANTS: ReadonlyArray<readonly [RegExp, string]> = [[/满意率/g, '满意度']];
const STOP_WORDS = /项目|工作|全年|年度|本年|当年|每年/g;

/** The wording of an indicator as it compares: see the module's comment for what is removed and why. */
export function normaliseWording(wording: string): string {
  let s = wording.normalize('NFKC').toLowerCase();
  s = s.replace(YEAR, '').replace(STATED_QUANTITY, '').replace(NUMBER, '');
  for (const [variant, word] of VARIANTS) s = s.replace(variant, word);
  return s.replace(STOP_WORDS, '').replace(NOT_WORD, '');
}

/** The character pairs of a text, counted (a multiset): "案件结案" → 案件, 件结, 结案. */
function bigrams(s: string): Map<string, number> {
  const pairs = new Map<string, number>();
  if (s.length === 1) pairs.set(s, 1);
  for (let i = 0; i + 1 < s.length; i++) {
    const pair = s.slice(i, i + 2);
    pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
  }
  return pairs;
}

/**
 * How alike two normalised wordings are, from 0 to 1: the Dice coefficient of their character pairs.
 * Pairs, not words: Chinese has no spaces, and a reworded indicator keeps most of its two-character
 * words (矫正对象定位全覆盖 → 社区矫正对象定位覆盖率 keeps 矫正, 对象, 定位, 覆盖).
 */
export function wordingSimilarity(a: string, b: string): number {
  if (a === b) return a === '' ? 0 : 1;
  const pa = bigrams(a);
  const pb = bigrams(b);
  let shared = 0;
  let total = 0;
  for (const [pair, n] of pa) {
    shared += Math.min(n, pb.get(pair) ?? 0);
    total += n;
  }
  for (const n of pb.values()) total += n;
  return total === 0 ? 0 : (2 * shared) / total;
}
