/**
 * What a 指标值 cell says, read by the target-value grammar (./parse.ts).
 * The original text is always kept: `text` is what the user wrote and what is published.
 */
import type { DecimalText } from '../model/document.ts';

/** ≥ > ≤ < =, or a range "90-100". */
export type Operator = '≥' | '>' | '≤' | '<' | '=' | 'range';

/**
 * 正向 (higher is better: ≥ >), 反向 (lower is better: ≤ <), exact (=), or a grade.
 * Scoring and monitoring depend on it.
 */
export type Direction = 'higher' | 'lower' | 'exact';

export type TargetValue =
  | {
      kind: 'quantitative';
      text: string;
      operator: Operator;
      /** The number, or the lower bound of a range. */
      value: DecimalText;
      /** The upper bound of a range; null otherwise. */
      upper: DecimalText | null;
      /** "%", "张", "次", "天", "万元" …; "" when none was written. */
      unit: string;
      direction: Direction;
    }
  | {
      kind: 'qualitative';
      text: string;
      /** The recognised grade as written, e.g. "好", "达到预期", "是". */
      grade: string;
      direction: 'higher';
    }
  | { kind: 'empty'; text: string }
  | { kind: 'unreadable'; text: string };
