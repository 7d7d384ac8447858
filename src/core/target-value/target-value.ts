/**
 * What a 指标值 cell says, read by the target-value grammar (./parse.ts).
 * The original text is always kept: `text` is what the user wrote and what is published.
 */
import type { DecimalText } from '../model/document.ts';

/** ≥ > ≤ < =, or a range "90-100". */
export type Operator = '≥' | '>' | '≤' | '<' | '=' | 'range';

/**
 * 正向 (higher is better: ≥ >), 反向 (lower is better: ≤ <), exact (= and ranges), or a grade.
 * Scoring and monitoring depend on it.
 *
 * A bare number ("100") is read as `=` / exact: reviewers read a bare 100 on a rate as
 * "exactly 100", and a unit that means "at least" should write ≥.
 */
export type Direction = 'higher' | 'lower' | 'exact';

export const OPERATOR_DIRECTION: Readonly<Record<Operator, Direction>> = {
  '≥': 'higher',
  '>': 'higher',
  '≤': 'lower',
  '<': 'lower',
  '=': 'exact',
  range: 'exact',
};

/**
 * The family a qualitative grade belongs to (./grades.ts lists each family's grades, best first).
 * `trend` is a bare direction word (提高, 降低) with no grade; `deadline` is a date to meet
 * (2020年12月底前); `yesNo` has no order.
 */
export type GradeScale =
  | 'quality' // 好 / 较好 / 一般 / 较差 / 差
  | 'rating' // 优 / 良 / 中 / 差
  | 'merit' // 优秀 / 良好 / 合格 / 不合格
  | 'expectation' // 超出预期 / 达到预期 / 基本达到预期 / 部分达到预期 / 未达到预期
  | 'improvement' // 显著提升 / 明显提升 / 有所提升, 明显改善 / 有效改善 / 逐步改善 …
  | 'reduction' // 显著降低 / 明显降低 / 有所降低 …
  | 'completion' // 按时完成 / 基本完成 / 未完成
  | 'compliance' // 达标 / 不达标, 符合要求 / 不符合要求
  | 'yesNo' // 是 / 否, 有 / 无
  | 'trend' // 提高 / 降低 / 增加 / 减少 (no grade)
  | 'deadline'; // 2020年12月底前, 年底前完成

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
      /** The recognised grade as written (without spaces), e.g. "好", "达到预期", "是". */
      grade: string;
      scale: GradeScale;
      /**
       * The grade's place in its scale, higher is better (the worst grade is 0);
       * null where the scale has no order (是/否, a bare trend, a deadline).
       */
      rank: number | null;
      direction: 'higher';
    }
  | { kind: 'empty'; text: string }
  | { kind: 'unreadable'; text: string };

/** A target read as a share: its unit is % or ‰. */
export const isPercentage = (t: TargetValue): boolean => t.kind === 'quantitative' && (t.unit === '%' || t.unit === '‰');
