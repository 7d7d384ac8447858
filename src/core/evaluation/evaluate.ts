/**
 * The year-end self-evaluation of a project (项目支出绩效自评, 财预〔2020〕10号): 预算执行率 and
 * its points, each indicator's completion and points, the total and the grade, and the findings a
 * reviewer of the 自评表 would raise (missing actuals, unexplained deviations). Pure: the 自评表
 * exports, the CLI, the API and the dashboards all render this result.
 *
 *   预算执行率 score = min(全年执行数 / 全年预算数, 1) × its points (10 by default)
 *   indicator score  = credit × its points, credit from ../actuals/completion.ts (0…1), or for a
 *                      qualitative target the band's percent (the evaluator's, or the default)
 *   every score is rounded to the cent (half up); the total is the sum of the printed scores.
 */
import type { DeviationCause, EvaluationStatement, ProjectActuals } from '../actuals/actuals.ts';
import { evaluationNoteOf, explanationAsOf, spendingAsOf, valueAfter, valueAsOf } from '../actuals/as-of.ts';
import { annualBudget, inWan } from '../actuals/budget.ts';
import { endOfMonth, type IsoDate } from '../actuals/calendar.ts';
import { completionOf, completionView, type Completion, type CompletionView } from '../actuals/completion.ts';
import type { FormProfile } from '../forms/profile.ts';
import { formForYear, level1KindOf, level2KindOf, parentOf, type Level1Kind } from '../framework/framework.ts';
import { Decimal, dec, fixed } from '../model/decimal.ts';
import type { DecimalText, Indicator, Project, Unit } from '../model/document.ts';
import type { Finding } from '../review/finding.ts';
import { parseTargetValue } from '../target-value/parse.ts';
import { messages, messagesFor, type Locale } from '../../i18n/index.ts';
import { allocatePoints, formIndicatorPoints, type PointLine } from './points.ts';
import { statementFindings } from './statements.ts';
import {
  DEFAULT_EVALUATION_SETTINGS,
  FAMILIES,
  checkEvaluationSettings,
  gradeOf,
  type EvaluationSettings,
  type Family,
  type Grade,
} from './settings.ts';

export interface EvaluationOptions {
  settings?: EvaluationSettings;
  locale?: Locale;
  /**
   * The evaluation date: actuals recorded after it are not counted. Default: 12月31日 of the
   * budget year (everything recorded when the year is unknown).
   */
  asOf?: IsoDate | null;
  /**
   * The form profile the document follows. Where its form weights each row (权重/分值), the rows'
   * weights are their points, scaled to the form's total; elsewhere the bureau's 一级 split applies.
   */
  profile?: FormProfile;
}

/** The 预算执行率 line. Amounts in 万元 and rates in percent, with 2 decimals. */
export interface BudgetExecutionScore {
  /** 年初预算数. */
  initial: DecimalText | null;
  /** 全年预算数. */
  adjusted: DecimalText | null;
  /** Of the 年初预算数: 财政资金 and 其他资金, as the target table gives them. */
  fiscal: DecimalText | null;
  other: DecimalText | null;
  /** The further fund sources of the 年初预算数 (财政专户管理资金, 单位资金 …), as the target table names them. */
  sources: { name: string; amount: DecimalText | null }[];
  /** 全年执行数; null when no spending was recorded. */
  spent: DecimalText | null;
  /** 执行率 in percent; null without a budget. */
  rate: DecimalText | null;
  /** False when the budget is empty or 0: the line is dropped and its points handed on. */
  scored: boolean;
  points: DecimalText;
  score: DecimalText;
  explanationRequired: boolean;
  /** 偏差原因分析及改进措施. */
  explanation: string;
  /** What the unit said about the spending during monitoring, offered for reuse; null when nothing. */
  monitoring: MonitoringNoteOffered | null;
}

/** The cause and measure last recorded in monitoring (by the evaluation date), for the analysis to reuse. */
export interface MonitoringNoteOffered {
  cause: DeviationCause | null;
  measure: string;
}

/**
 * `scored`: counted in the total; `notApplicable`: dropped as 不适用 (only with a reason: without
 * one the row is scored and the 不适用 is a finding); `unclassified`: its 一级 could not be placed
 * in a family, so it could not be weighted.
 */
export type IndicatorStatus = 'scored' | 'notApplicable' | 'unclassified';

export interface IndicatorScore {
  /** 1-based row in the project's table. */
  index: number;
  level1: string;
  level2: string;
  level3: string;
  description: string;
  family: Family | null;
  status: IndicatorStatus;
  /** 年度指标值 as written. */
  target: string;
  /** 指标性质 and 度量单位 as the target table printed them beside the value: a form that prints them apart prints them again. */
  nature: string | null;
  measureUnit: string | null;
  /** 实际完成值 as written, with its date; null when none was recorded by the evaluation date. */
  actual: { value: string; date: IsoDate; note: string } | null;
  completion: CompletionView;
  /** Uncapped completion in percent for a quantitative target; null otherwise. */
  completionPercent: DecimalText | null;
  /** The share of the points earned, in percent. */
  creditPercent: DecimalText;
  points: DecimalText;
  score: DecimalText;
  met: boolean;
  explanationRequired: boolean;
  explanation: string;
  /** Why the unit marked the row 不适用 ('' when it did not, or gave no reason). */
  notApplicableReason: string;
  monitoring: MonitoringNoteOffered | null;
}

export interface FamilyScore {
  family: Family;
  points: DecimalText;
  score: DecimalText;
}

export interface ProjectEvaluation {
  projectCode: string;
  projectName: string;
  unit: Unit;
  department: string | null;
  year: number | null;
  asOf: IsoDate | null;
  /** 年度总体目标: the annual goals of the target table. */
  goals: string[];
  /** 实际完成情况, as the unit wrote it. */
  results: string;
  /** The 自评表's prose as the unit wrote it (评价结论, 存在问题, 改进措施 …), instructions left in marked so. */
  statements: EvaluationStatement[];
  budget: BudgetExecutionScore;
  indicators: IndicatorScore[];
  families: FamilyScore[];
  /** The points on offer: 100 unless a family's weight was forfeited. */
  points: DecimalText;
  total: DecimalText;
  grade: Grade;
  /**
   * The score with every row scored, 不适用 or not, kept beside the score for a reviewer to weigh
   * what the 不适用 rows are worth; null when no row is 不适用.
   */
  withoutNotApplicable: { points: DecimalText; total: DecimalText; grade: Grade } | null;
  findings: Finding[];
}

const ZERO = new Decimal(0);
const ONE = new Decimal(1);
const HUNDRED = new Decimal(100);
const cents = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** The family an indicator row is scored in, from its 一级 (or, failing that, its 二级). */
export function familyOf(indicator: Indicator, year: number | null, settings: EvaluationSettings): Family | null {
  let kind: Level1Kind | null = level1KindOf(indicator.level1);
  if (kind === null) {
    const level2 = level2KindOf(indicator.level2);
    kind = level2 === null ? null : parentOf(level2, formForYear(year));
  }
  if (kind === 'cost' && settings.weights.cost === null) return 'output';
  return kind;
}

export function evaluateProject(
  project: Project,
  actuals: ProjectActuals,
  year: number | null,
  options: EvaluationOptions = {},
): ProjectEvaluation {
  const settings = checkEvaluationSettings(options.settings ?? DEFAULT_EVALUATION_SETTINGS);
  const catalog = options.locale ? messagesFor(options.locale) : messages();
  const m = catalog.evaluation;
  const asOf = options.asOf !== undefined ? options.asOf : year === null ? null : endOfMonth(year, 12);
  const findings: Finding[] = [];
  const finding = (
    ruleId: string,
    severity: Finding['severity'],
    index: number | null,
    field: string,
    message: string,
    suggestion: string,
  ) => findings.push({ ruleId, severity, projectCode: project.code, indicatorIndex: index, field, message, suggestion, source: m.source });

  // The budget line.
  const { initial, adjusted } = annualBudget(project, actuals);
  const spending = spendingAsOf(actuals, asOf);
  const budgetScored = adjusted !== null && !adjusted.isZero();
  if (!budgetScored)
    finding('evaluation.noBudget', 'warning', null, 'budget.total', m.findings.noBudget(project.code), m.findings.noBudgetSuggestion);
  else if (spending === null)
    finding(
      'evaluation.noSpending',
      'error',
      null,
      'actuals.spending',
      m.findings.noSpending(project.code),
      m.findings.noSpendingSuggestion,
    );
  const spent = spending === null ? null : dec(spending.cumulative);
  const rate = budgetScored ? (spent ?? ZERO).div(adjusted) : null;

  findings.push(...statementFindings(project.code, actuals.statements, options.locale));

  const formPoints = formIndicatorPoints(options.profile, settings);
  const formWeights = formPoints !== undefined;

  // The indicator rows: family, applicability, completion.
  const rows = project.indicators.map((indicator, i) => {
    const index = i + 1;
    const note = evaluationNoteOf(actuals, index);
    const family = familyOf(indicator, year, settings);
    const value = valueAsOf(actuals, index, asOf);
    const reason = note.notApplicable ? note.notApplicableReason.trim() : '';
    if (note.notApplicable && reason === '')
      finding(
        'evaluation.notApplicableWithoutReason',
        'error',
        index,
        'evaluation.notApplicable',
        m.findings.notApplicableWithoutReason(project.code, index),
        m.findings.notApplicableWithoutReasonSuggestion,
      );
    const notApplicable = reason !== '';
    if (notApplicable)
      // A reviewer sees every row taken out of the score, and above all one whose actual was recorded.
      finding(
        'evaluation.notApplicable',
        'warning',
        index,
        'evaluation.notApplicable',
        !value?.value.trim()
          ? m.findings.notApplicable(project.code, index, reason)
          : m.findings.notApplicableWithActual(project.code, index, reason, value.value),
        m.findings.notApplicableSuggestion,
      );
    if (family === null && !notApplicable)
      finding(
        'evaluation.unknownFamily',
        'error',
        index,
        'indicators.level1',
        m.findings.unknownFamily(project.code, index, indicator.level1),
        m.findings.unknownFamilySuggestion,
      );
    const completion = completionOf(parseTargetValue(indicator.target), value?.value ?? null, settings);
    const status: IndicatorStatus = notApplicable ? 'notApplicable' : family === null ? 'unclassified' : 'scored';
    return { indicator, index, note, family, value, completion, status };
  });

  const lines: PointLine[] = [
    ...(budgetScored ? [{ index: null, family: 'budgetExecution' as const, applicable: true, explicit: null }] : []),
    ...rows
      .filter((r) => r.family !== null)
      .map((r) => ({
        index: r.index,
        family: r.family!,
        applicable: r.status === 'scored',
        explicit: r.note.points !== null ? dec(r.note.points) : formWeights && r.indicator.weight ? dec(r.indicator.weight) : null,
      })),
  ];
  const allocation = allocatePoints(lines, settings, formPoints);
  if (allocation.explicitIgnored)
    finding(
      'evaluation.pointsIncomplete',
      'error',
      null,
      'evaluation.points',
      m.findings.pointsIncomplete(project.code),
      m.findings.pointsIncompleteSuggestion,
    );
  if (!rows.some((r) => r.status === 'scored'))
    finding(
      'evaluation.noIndicators',
      'error',
      null,
      'indicators',
      m.findings.noIndicators(project.code),
      m.findings.noIndicatorsSuggestion,
    );

  const budgetPoints = allocation.points.get(null) ?? ZERO;
  const budgetScore = rate === null ? ZERO : cents(Decimal.min(rate, ONE).times(budgetPoints));
  const budgetNote = evaluationNoteOf(actuals, null);
  const budgetExplanationRequired = rate !== null && spending !== null && !rate.equals(ONE);
  const ratePercent = rate === null ? null : fixed(rate.times(HUNDRED));
  if (budgetExplanationRequired && budgetNote.analysis.trim() === '')
    finding(
      'evaluation.missingExplanation',
      'error',
      null,
      'evaluation.analysis',
      m.findings.missingBudgetExplanation(
        project.code,
        rate!.gt(ONE) ? m.findings.overspent(ratePercent!) : m.findings.executionShort(ratePercent!),
      ),
      m.findings.missingExplanationSuggestion,
    );
  const budget: BudgetExecutionScore = {
    initial: initial === null ? null : fixed(initial),
    adjusted: adjusted === null ? null : fixed(adjusted),
    fiscal: orNull(inWan(project.budget.fiscal, project.amountUnit)),
    other: orNull(inWan(project.budget.other, project.amountUnit)),
    sources: project.budget.sources.map((s) => ({ name: s.name, amount: orNull(inWan(s.amount, project.amountUnit)) })),
    spent: spent === null ? null : fixed(spent),
    rate: ratePercent,
    scored: budgetScored,
    points: fixed(budgetPoints),
    score: fixed(budgetScore),
    explanationRequired: budgetExplanationRequired,
    explanation: budgetNote.analysis,
    monitoring: monitoringOffered(null),
  };

  const indicators = rows.map((r): IndicatorScore => {
    const points = allocation.points.get(r.index) ?? ZERO;
    const scored = r.status === 'scored';
    const credit = scored ? creditOf(r.completion, r.note.gradePercent, r.index) : ZERO;
    const c = r.completion;
    if (scored && c.kind === 'notComparable') {
      if (c.reason === 'targetEmpty' || c.reason === 'targetUnreadable')
        finding(
          'evaluation.targetUnscorable',
          'warning',
          r.index,
          'indicators.target',
          m.findings.targetUnscorable(project.code, r.index, r.indicator.target),
          m.findings.targetUnscorableSuggestion,
        );
      else if (c.reason === 'noActual') {
        const later = asOf !== null && valueAfter(actuals, r.index, asOf);
        finding(
          'evaluation.missingActual',
          'error',
          r.index,
          'actuals.value',
          later ? m.findings.actualAfterDate(project.code, r.index, asOf!) : m.findings.missingActual(project.code, r.index),
          later ? m.findings.actualAfterDateSuggestion : m.findings.missingActualSuggestion,
        );
      } else
        finding(
          'evaluation.actualNotComparable',
          'error',
          r.index,
          'actuals.value',
          m.findings.actualNotComparable(project.code, r.index, r.value!.value, r.indicator.target),
          m.findings.actualNotComparableSuggestion,
        );
    }
    const met = c.kind !== 'notComparable' && c.met;
    const overAchieved =
      settings.overAchievementRatio !== null &&
      c.kind === 'quantitative' &&
      (c.method === 'higher' || c.method === 'lower') &&
      c.ratio !== null &&
      c.ratio.gte(settings.overAchievementRatio);
    const explanationRequired = scored && c.kind !== 'notComparable' && (!met || overAchieved);
    const completionPercent = c.kind === 'quantitative' && c.ratio !== null ? fixed(c.ratio.times(HUNDRED)) : null;
    if (explanationRequired && r.note.analysis.trim() === '')
      finding(
        'evaluation.missingExplanation',
        'error',
        r.index,
        'evaluation.analysis',
        m.findings.missingExplanation(project.code, r.index, met ? m.findings.overAchieved(completionPercent!) : m.findings.unmet),
        m.findings.missingExplanationSuggestion,
      );
    return {
      index: r.index,
      level1: r.indicator.level1,
      level2: r.indicator.level2,
      level3: r.indicator.level3,
      description: r.indicator.description,
      family: r.family,
      status: r.status,
      target: r.indicator.target,
      nature: r.indicator.nature ?? null,
      measureUnit: r.indicator.measureUnit ?? null,
      actual: r.value === null ? null : { value: r.value.value, date: r.value.date, note: r.value.note },
      completion: completionView(c),
      completionPercent,
      creditPercent: fixed(credit.times(HUNDRED)),
      points: fixed(points),
      score: fixed(cents(credit.times(points))),
      met,
      explanationRequired,
      explanation: r.note.analysis,
      notApplicableReason: r.status === 'notApplicable' ? r.note.notApplicableReason.trim() : '',
      monitoring: monitoringOffered(r.index),
    };
  });

  const families: FamilyScore[] = FAMILIES.flatMap((family) => {
    const parts =
      family === 'budgetExecution'
        ? budget.scored
          ? [{ points: budget.points, score: budget.score }]
          : []
        : indicators.filter((i) => i.status === 'scored' && i.family === family);
    if (parts.length === 0) return [];
    return [{ family, points: fixed(sumOf(parts.map((p) => p.points))), score: fixed(sumOf(parts.map((p) => p.score))) }];
  });
  const total = fixed(sumOf(families.map((f) => f.score)));
  const points = fixed(sumOf(families.map((f) => f.points)));

  return {
    projectCode: project.code,
    projectName: project.name,
    unit: project.unit,
    department: project.department,
    year,
    asOf,
    goals: project.goals.filter((g) => g.term === 'annual').map((g) => g.text),
    results: actuals.results,
    statements: actuals.statements ?? [],
    budget,
    indicators,
    families,
    points,
    total,
    grade: gradeOf(total, settings),
    withoutNotApplicable: indicators.some((i) => i.status === 'notApplicable') ? allRowsScored() : null,
    findings,
  };

  function allRowsScored(): NonNullable<ProjectEvaluation['withoutNotApplicable']> {
    const all = { ...actuals, evaluation: actuals.evaluation.map((n) => ({ ...n, notApplicable: false })) };
    const e = evaluateProject(project, all, year, options);
    return { points: e.points, total: e.total, grade: e.grade };
  }

  function monitoringOffered(index: number | null): MonitoringNoteOffered | null {
    const e = explanationAsOf(actuals, index, asOf);
    return e.cause === null && e.measure.trim() === '' ? null : { cause: e.cause, measure: e.measure };
  }

  function creditOf(c: Completion, gradePercent: DecimalText | null, index: number): Decimal {
    if (c.kind === 'quantitative') return c.credit;
    if (c.kind === 'notComparable') return ZERO;
    const band = settings.qualitative[c.band];
    if (gradePercent === null) return dec(band.default).div(HUNDRED);
    const chosen = dec(gradePercent);
    const clamped = Decimal.min(dec(band.max), Decimal.max(dec(band.min), chosen));
    if (!clamped.equals(chosen))
      finding(
        'evaluation.gradePercentOutOfBand',
        'warning',
        index,
        'evaluation.gradePercent',
        m.findings.gradePercentOutOfBand(project.code, index, gradePercent, catalog.monitoring.bands[c.band], band.min, band.max),
        m.findings.gradePercentOutOfBandSuggestion,
      );
    return clamped.div(HUNDRED);
  }
}

const orNull = (d: Decimal | null) => (d === null ? null : fixed(d));
const sumOf = (texts: readonly DecimalText[]) => texts.reduce((s, t) => s.plus(t), ZERO);
