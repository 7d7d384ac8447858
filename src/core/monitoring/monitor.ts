/**
 * In-year monitoring (绩效运行监控, 财预〔2019〕136号): on a date, each project's budget execution
 * against its spending plan, each indicator's progress against its target, the unit's explanations,
 * and a traffic light by the bureau's deviation rules (./settings.ts). Pure: the 监控表 exports, the
 * CLI, the API and the dashboards all render this result.
 */
import { actualsLookup, type Actuals, type ProjectActuals } from '../actuals/actuals.ts';
import { explanationAsOf, spendingAsOf, valueAsOf, type MonitoringExplanation } from '../actuals/as-of.ts';
import { annualBudget, inWan } from '../actuals/budget.ts';
import { yearElapsed, yearOf, type IsoDate } from '../actuals/calendar.ts';
import { completionOf, completionView, type Completion, type CompletionView } from '../actuals/completion.ts';
import { level2KindOf } from '../framework/framework.ts';
import type { Finding } from '../review/finding.ts';
import { Decimal, fixed } from '../model/decimal.ts';
import type { DecimalText, Indicator, Project, TargetDocument, Unit } from '../model/document.ts';
import { parseTargetValue } from '../target-value/parse.ts';
import { isPercentage, type TargetValue } from '../target-value/target-value.ts';
import { messages, messagesFor, type Locale, type Messages } from '../../i18n/index.ts';
import { checkpointPassed, datedPlan, type DatedCheckpoint } from './checkpoint.ts';
import {
  DEFAULT_MONITORING_SETTINGS,
  checkMonitoringSettings,
  worseLight,
  type IndicatorLight,
  type Light,
  type MonitoringSettings,
} from './settings.ts';

export interface MonitoringOptions {
  settings?: MonitoringSettings;
  /** Language of findings; the process-wide one when absent. */
  locale?: Locale;
}

/** Budget execution on the monitoring date. Amounts in 万元, rates in percent, all with 2 decimals. */
export interface ExecutionStatus {
  /** 全年预算数; null when the table has none. */
  budget: DecimalText | null;
  /** Cumulative spending recorded last on or before the date ("0.00" when none was). */
  spent: DecimalText;
  spentAsOf: IsoDate | null;
  /** 执行率 = spent / budget; null without a budget. */
  rate: DecimalText | null;
  /** The 其中：财政资金 line of the 监控表. */
  fiscal: FiscalExecution;
  /** The plan's last checkpoint passed; null before the first. */
  checkpoint: { label: string; date: IsoDate; percent: DecimalText } | null;
  /** Planned cumulative percent on the date (0 before the first checkpoint). */
  planned: DecimalText;
  /** planned − rate in percentage points: positive means behind the plan; null without a rate. */
  shortfall: DecimalText | null;
  light: Light;
}

/**
 * Spending is recorded for the project, not per source: the fiscal money's spending and rate are known
 * only when the project has no other funds (then the fiscal money is all of it, the 全年预算数 too).
 * Otherwise only the target table's 财政资金 is known. Amounts in 万元 with 2 decimals.
 */
export interface FiscalExecution {
  budget: DecimalText | null;
  spent: DecimalText | null;
  rate: DecimalText | null;
}

/**
 * A cumulative count measured against the share of the year's target due by the date: the plan's
 * cumulative percent at its last checkpoint passed (the calendar's share of the year when the plan
 * names no date). Percentages in percent, with 2 decimals.
 */
export interface IndicatorPace {
  /** Share of the target due by the date. */
  expected: DecimalText;
  basis: 'plan' | 'calendar';
  /** expected − progress: positive means behind. */
  shortfall: DecimalText;
  light: Light;
}

/** One row of the 监控表. */
export interface IndicatorProgress {
  /** 1-based row in the project's table. */
  index: number;
  level1: string;
  level2: string;
  level3: string;
  description: string;
  /** 年度指标值 as written. */
  target: string;
  /** 执行至今完成值: the value recorded last on or before the date. */
  actual: { value: string; date: IsoDate; note: string } | null;
  completion: CompletionView;
  /** Completion in percent (uncapped), e.g. "40.00" for 6 of ≥15张; null where it cannot be computed. */
  progress: DecimalText | null;
  /** 偏差原因, 完成可能性, 纠偏措施, 全年预计完成值. */
  explanation: MonitoringExplanation;
  /** Null unless the row is a cumulative count with an actual value (see `isCumulative`). */
  pace: IndicatorPace | null;
  /**
   * True when the pace is behind but the unit explained why the target will still be met (cause,
   * measure and 完成可能性 recorded): the light is then the unit's judgement, not the pace's.
   */
  judgement: boolean;
  /** `noData` (未填报): no actual value recorded by the date, and no judgement that makes a light. */
  light: IndicatorLight;
}

/** Why a project is not green. */
export type LightReason =
  | { kind: 'execution'; light: Light; shortfall: DecimalText }
  | { kind: 'likelihood'; light: Light; index: number }
  | { kind: 'pace'; light: Light; index: number; shortfall: DecimalText };

export interface ProjectMonitoring {
  projectCode: string;
  projectName: string;
  unit: Unit;
  date: IsoDate;
  execution: ExecutionStatus;
  indicators: IndicatorProgress[];
  /** The unit's explanation for the project's execution. */
  explanation: MonitoringExplanation;
  light: Light;
  reasons: LightReason[];
  /** Indicator rows with nothing recorded by the date (未填报). */
  unreported: number;
  findings: Finding[];
}

export interface UnitMonitoring {
  unit: Unit;
  year: number;
  date: IsoDate;
  projects: ProjectMonitoring[];
  lights: Record<Light, number>;
  /** Indicator rows of all projects with nothing recorded by the date (未填报). */
  unreported: number;
  findings: Finding[];
}

const HUNDRED = new Decimal(100);
const orNull = (d: Decimal | null): DecimalText | null => (d === null ? null : fixed(d));
/** Reasons a recorded actual cannot be compared with its target: the unit should correct the value. */
const BAD_ACTUAL = new Set(['actualNotNumber', 'actualNotGrade', 'unitMismatch']);

export function monitorDocument(
  document: TargetDocument,
  actuals: Actuals,
  date: IsoDate,
  options: MonitoringOptions = {},
): UnitMonitoring {
  const lookup = actualsLookup(actuals);
  const year = document.year ?? yearOf(date);
  const projects = document.projects.map((p) => monitorProject(p, lookup(p.code), date, year, options));
  const lights: Record<Light, number> = { green: 0, yellow: 0, red: 0 };
  for (const p of projects) lights[p.light]++;
  const unreported = projects.reduce((n, p) => n + p.unreported, 0);
  return { unit: document.unit, year, date, projects, lights, unreported, findings: projects.flatMap((p) => p.findings) };
}

export function monitorProject(
  project: Project,
  actuals: ProjectActuals,
  date: IsoDate,
  year: number,
  options: MonitoringOptions = {},
): ProjectMonitoring {
  const settings = checkMonitoringSettings(options.settings ?? DEFAULT_MONITORING_SETTINGS);
  const m = (options.locale ? messagesFor(options.locale) : messages()).monitoring;
  const findings: Finding[] = [];
  const finding: AddFinding = (ruleId, severity, indicatorIndex, field, message, suggestion) =>
    findings.push({ ruleId, severity, projectCode: project.code, indicatorIndex, field, message, suggestion, source: m.source });

  const plan = datedPlan(project.spendingPlan, year);
  const execution = executionOf(project, plan, actuals, date, settings, m, finding);
  const explanation = explanationAsOf(actuals, null, date);
  const due = dueShare(plan, date);
  const indicators = project.indicators.map((indicator, i) => progressOf(indicator, i + 1, actuals, date, due, settings, m, finding));

  const reasons: LightReason[] = [];
  if (execution.light !== 'green') reasons.push({ kind: 'execution', light: execution.light, shortfall: execution.shortfall! });
  for (const row of indicators) {
    if (row.light === 'green' || row.light === 'noData') continue;
    const byPace = row.pace !== null && !row.judgement && row.pace.light === row.light;
    reasons.push(
      byPace
        ? { kind: 'pace', light: row.light, index: row.index, shortfall: row.pace!.shortfall }
        : { kind: 'likelihood', light: row.light, index: row.index },
    );
  }
  const light = reasons.reduce<Light>((worst, r) => worseLight(worst, r.light), 'green');

  if (settings.explanationRequired.includes(execution.light)) {
    const missing = missingParts(explanation, m);
    if (missing.length > 0)
      finding(
        'monitoring.missingExplanation',
        'error',
        null,
        'monitoring.explanation',
        m.findings.executionUnexplained(project.code, execution.shortfall!, m.lights[execution.light], missing),
        m.findings.explainSuggestion,
      );
  }
  for (const row of indicators) {
    if (row.light === 'noData' || !settings.explanationRequired.includes(row.light)) continue;
    const missing = missingParts(row.explanation, m);
    const why = row.pace !== null && row.pace.light === row.light ? m.findings.behindPace(row.pace.shortfall) : m.findings.judgedImpossible;
    if (missing.length > 0)
      finding(
        'monitoring.missingExplanation',
        'error',
        row.index,
        'monitoring.explanation',
        m.findings.indicatorUnexplained(project.code, row.index, why, m.lights[row.light], missing),
        m.findings.explainSuggestion,
      );
  }

  return {
    projectCode: project.code,
    projectName: project.name,
    unit: project.unit,
    date,
    execution,
    indicators,
    explanation,
    light,
    reasons,
    unreported: indicators.filter((r) => r.light === 'noData').length,
    findings,
  };
}

type AddFinding = (
  ruleId: string,
  severity: Finding['severity'],
  indicatorIndex: number | null,
  field: string,
  message: string,
  suggestion: string,
) => void;

type MonitoringMessages = Messages['monitoring'];

function missingParts(e: MonitoringExplanation, m: MonitoringMessages): string[] {
  const missing: string[] = [];
  if (e.cause === null || e.cause.text.trim() === '') missing.push(m.fields.cause);
  if (e.measure.trim() === '') missing.push(m.fields.measure);
  return missing;
}

function executionOf(
  project: Project,
  plan: readonly DatedCheckpoint[],
  actuals: ProjectActuals,
  date: IsoDate,
  settings: MonitoringSettings,
  m: MonitoringMessages,
  finding: AddFinding,
): ExecutionStatus {
  for (const c of plan)
    if (c.date === null)
      finding(
        'monitoring.checkpointUnreadable',
        'warning',
        null,
        'spendingPlan',
        m.findings.checkpointUnreadable(project.code, c.label),
        m.findings.checkpointSuggestion,
      );

  const { adjusted: budget } = annualBudget(project, actuals);
  const entry = spendingAsOf(actuals, date);
  const spent = new Decimal(entry?.cumulative ?? 0);
  const passed = checkpointPassed(plan, date);
  const planned = passed?.percent ?? new Decimal(0);

  const earlier = actuals.spending.filter((s) => s.date <= date).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (let i = 1; i < earlier.length; i++)
    if (new Decimal(earlier[i]!.cumulative).lt(earlier[i - 1]!.cumulative))
      finding(
        'monitoring.spendingDecreases',
        'warning',
        null,
        'actuals.spending',
        m.findings.spendingDecreases(project.code, earlier[i - 1]!.date, earlier[i]!.date),
        m.findings.spendingDecreasesSuggestion,
      );

  let rate: Decimal | null = null;
  if (budget === null || budget.isZero())
    finding('monitoring.noBudget', 'warning', null, 'budget.total', m.findings.noBudget(project.code), m.findings.noBudgetSuggestion);
  else {
    rate = spent.div(budget).times(HUNDRED);
    if (spent.gt(budget))
      finding(
        'monitoring.overspent',
        'warning',
        null,
        'actuals.spending',
        m.findings.overspent(project.code, fixed(spent), fixed(budget)),
        m.findings.overspentSuggestion,
      );
  }
  const shortfall = rate === null ? null : planned.minus(rate);
  const light: Light = shortfall === null ? 'green' : shortfallLight(shortfall, settings);
  const other = inWan(project.budget.other, project.amountUnit);
  const fiscal: FiscalExecution =
    other === null || other.isZero()
      ? { budget: budget === null ? null : fixed(budget), spent: fixed(spent), rate: rate === null ? null : fixed(rate) }
      : { budget: orNull(inWan(project.budget.fiscal, project.amountUnit)), spent: null, rate: null };

  return {
    budget: budget === null ? null : fixed(budget),
    spent: fixed(spent),
    spentAsOf: entry?.date ?? null,
    rate: rate === null ? null : fixed(rate),
    fiscal,
    checkpoint: passed === null ? null : { label: passed.label, date: passed.date!, percent: fixed(passed.percent!) },
    planned: fixed(planned),
    shortfall: shortfall === null ? null : fixed(shortfall),
    light,
  };
}

const shortfallLight = (shortfall: Decimal, settings: MonitoringSettings): Light =>
  shortfall.gte(settings.redShortfall) ? 'red' : shortfall.gte(settings.yellowShortfall) ? 'yellow' : 'green';

/**
 * The share of a year's target due by the date: the spending plan's, as execution reads it (0 before
 * its first checkpoint); the calendar's share of the year when no checkpoint names a date.
 */
function dueShare(plan: readonly DatedCheckpoint[], date: IsoDate): { percent: Decimal; basis: IndicatorPace['basis'] } {
  if (plan.some((c) => c.date !== null && c.percent !== null))
    return { percent: checkpointPassed(plan, date)?.percent ?? new Decimal(0), basis: 'plan' };
  const { days, of } = yearElapsed(date);
  return { percent: new Decimal(days).div(of).times(HUNDRED), basis: 'calendar' };
}

/**
 * A row whose actual accumulates over the year, so part of it is due at each date: a 数量指标
 * counted in a unit of its own (≥15张, ≥2次). Rates, grades, deadlines and bare numbers (which the
 * published forms also use for rates: 结案率 ≥95) are not: they are not due in parts.
 */
export const isCumulative = (indicator: Indicator, target: TargetValue): boolean =>
  level2KindOf(indicator.level2) === 'quantity' &&
  target.kind === 'quantitative' &&
  target.direction === 'higher' &&
  target.operator !== 'range' &&
  target.unit !== '' &&
  !isPercentage(target);

function paceOf(completion: Completion, due: ReturnType<typeof dueShare>, settings: MonitoringSettings): IndicatorPace | null {
  if (completion.kind !== 'quantitative' || completion.ratio === null) return null;
  const shortfall = due.percent.minus(completion.ratio.times(HUNDRED));
  return { expected: fixed(due.percent), basis: due.basis, shortfall: fixed(shortfall), light: shortfallLight(shortfall, settings) };
}

function progressOf(
  indicator: Indicator,
  index: number,
  actuals: ProjectActuals,
  date: IsoDate,
  due: ReturnType<typeof dueShare>,
  settings: MonitoringSettings,
  m: MonitoringMessages,
  finding: AddFinding,
): IndicatorProgress {
  const value = valueAsOf(actuals, index, date);
  const target = parseTargetValue(indicator.target);
  // In the year, an `=` target not yet reached is progress, not a miss: show the plain ratio.
  const completion = completionOf(target, value?.value ?? null, { exactPartialCredit: 'proportional' });
  if (value !== null && completion.kind === 'notComparable' && BAD_ACTUAL.has(completion.reason))
    finding(
      'monitoring.actualNotComparable',
      'warning',
      index,
      'actuals.value',
      m.findings.actualNotComparable(actuals.projectCode, index, value.value, indicator.target),
      m.findings.actualNotComparableSuggestion,
    );
  const explanation = explanationAsOf(actuals, index, date);
  // Progress is a percentage of a quantitative target; a qualitative one shows its band instead.
  const progress =
    completion.kind !== 'quantitative'
      ? null
      : completion.ratio !== null
        ? fixed(completion.ratio.times(HUNDRED))
        : completion.met
          ? '100.00'
          : '0.00';
  const judged = explanation.likelihood === null ? null : settings.likelihoodLight[explanation.likelihood];
  const pace = value !== null && isCumulative(indicator, target) ? paceOf(completion, due, settings) : null;
  // Behind pace, the unit's judgement stands once it has said why and what it does about it.
  const judgement = pace !== null && pace.light !== 'green' && judged !== null && missingParts(explanation, m).length === 0;
  let light: IndicatorLight;
  if (judgement) light = judged!;
  else if (value === null) light = judged === null || judged === 'green' ? 'noData' : judged;
  else light = worseLight(pace?.light ?? 'green', judged ?? 'green');
  return {
    index,
    level1: indicator.level1,
    level2: indicator.level2,
    level3: indicator.level3,
    description: indicator.description,
    target: indicator.target,
    actual: value === null ? null : { value: value.value, date: value.date, note: value.note },
    completion: completionView(completion),
    progress,
    explanation,
    pace,
    judgement,
    light,
  };
}
