/**
 * The scoring rules of the year-end self-evaluation (财预〔2020〕10号) as a finance bureau's
 * settings. The defaults are the regulation's; where it leaves a choice open, jixiao's choice is
 * the default and docs/self-evaluation.md explains it.
 */
import Type from 'typebox';
import { NonNegativeDecimalText, type DecimalText } from '../model/document.ts';
import { dec } from '../model/decimal.ts';
import { QualitativeBand } from '../actuals/completion.ts';

/** The lines of the score: 预算执行率 and the 一级 indicator families. */
export const Family = Type.Union([
  Type.Literal('budgetExecution'),
  Type.Literal('output'),
  Type.Literal('outcome'),
  Type.Literal('satisfaction'),
  Type.Literal('cost'),
]);
export type Family = Type.Static<typeof Family>;

export const FAMILIES: readonly Family[] = ['budgetExecution', 'cost', 'output', 'outcome', 'satisfaction'];

/** 评价等级. */
export const Grade = Type.Union([Type.Literal('优'), Type.Literal('良'), Type.Literal('中'), Type.Literal('差')]);
export type Grade = Type.Static<typeof Grade>;

export const GRADES: readonly Grade[] = ['优', '良', '中', '差'];

const Points = NonNegativeDecimalText;
const Band = Type.Object({ min: Points, max: Points, default: Points }, { additionalProperties: false });

export const EvaluationSettings = Type.Object(
  {
    /**
     * `cost` null (the default) scores 成本指标 (2021 form) within 产出's points, as the older form
     * files 成本 under 产出; a number gives 成本 its own weight (the bureau then lowers the others so
     * the total stays 100).
     */
    weights: Type.Object(
      { budgetExecution: Points, output: Points, outcome: Points, satisfaction: Points, cost: Type.Union([Points, Type.Null()]) },
      { additionalProperties: false, description: 'points per family, adding up to 100' },
    ),
    /**
     * Where an absent family's points go: `indicatorFamilies` (default) to the indicator families
     * present, in proportion to their weights, 预算执行率 keeping its 10; `allFamilies` to every family
     * present including 预算执行率; `forfeit` nowhere (the project can then score less than 100).
     */
    absentFamily: Type.Union([Type.Literal('indicatorFamilies'), Type.Literal('allFamilies'), Type.Literal('forfeit')]),
    /**
     * Dropping an indicator that does not apply (不适用): `withinFamily` (default) spreads its family's
     * points over the family's other indicators, so the family weights hold; `acrossAll` rescales every
     * remaining line in proportion so they add up to 100.
     */
    notApplicable: Type.Union([Type.Literal('withinFamily'), Type.Literal('acrossAll')]),
    /** An unmet `=` target (or a value outside a range): `proportional` credit for closeness (default), or `none`. */
    exactPartialCredit: Type.Union([Type.Literal('proportional'), Type.Literal('none')]),
    /** Qualitative bands: the percent of points allowed, and the default when the evaluator picks none. */
    qualitative: Type.Record(QualitativeBand, Band, { additionalProperties: false }),
    /** Lower bounds (inclusive) of 优, 良, 中; below 中 is 差. */
    grades: Type.Object({ 优: Points, 良: Points, 中: Points }, { additionalProperties: false }),
    /**
     * An indicator whose actual exceeds its target by this ratio or more (1.2 = 120 % of a ≥ target,
     * or a ≤ target beaten by that factor) counts as far off and needs an explanation: the target was
     * likely set too low. Null: over-achievement never needs one.
     */
    overAchievementRatio: Type.Union([Points, Type.Null()]),
  },
  { additionalProperties: false },
);
export type EvaluationSettings = Type.Static<typeof EvaluationSettings>;

export const DEFAULT_EVALUATION_SETTINGS: EvaluationSettings = {
  weights: { budgetExecution: '10', output: '50', outcome: '30', satisfaction: '10', cost: null },
  absentFamily: 'indicatorFamilies',
  notApplicable: 'withinFamily',
  exactPartialCredit: 'proportional',
  qualitative: {
    achieved: { min: '80', max: '100', default: '100' },
    partial: { min: '60', max: '80', default: '70' },
    unmet: { min: '0', max: '60', default: '30' },
  },
  grades: { 优: '90', 良: '80', 中: '60' },
  overAchievementRatio: '1.2',
};

const checked = new WeakSet<EvaluationSettings>();

/** Throws a RangeError for settings that cannot score (a bureau's configuration mistake, not user input). */
export function checkEvaluationSettings(s: EvaluationSettings): EvaluationSettings {
  if (checked.has(s)) return s;
  const w = s.weights;
  const total = [w.budgetExecution, w.output, w.outcome, w.satisfaction, w.cost]
    .filter((x): x is string => x !== null)
    .reduce((sum, x) => sum.plus(x), dec(0));
  if (!total.equals(100)) throw new RangeError(`evaluation settings: the weights add up to ${total}, not 100`);
  for (const [band, b] of Object.entries(s.qualitative))
    if (dec(b.min).gt(b.default) || dec(b.default).gt(b.max) || dec(b.min).isNegative() || dec(b.max).gt(100))
      throw new RangeError(`evaluation settings: qualitative band ${band} needs 0 ≤ min ≤ default ≤ max ≤ 100`);
  if (!(dec(s.grades.优).gte(s.grades.良) && dec(s.grades.良).gte(s.grades.中)))
    throw new RangeError('evaluation settings: grade bounds must fall from 优 to 中');
  checked.add(s);
  return s;
}

export function gradeOf(total: DecimalText, settings: EvaluationSettings): Grade {
  const t = dec(total);
  return t.gte(settings.grades.优) ? '优' : t.gte(settings.grades.良) ? '良' : t.gte(settings.grades.中) ? '中' : '差';
}
