/**
 * In-year monitoring (绩效运行监控, 财预〔2019〕136号): on a date, each project's budget execution
 * against its spending plan, each indicator's progress against its target, the unit's explanations,
 * and a traffic light by the bureau's deviation rules (./settings.ts). Pure: the 监控表 exports, the
 * CLI, the API and the dashboards all render this result.
 */
import { actualsLookup, type Actuals, type ProjectActuals } from '../actuals/actuals.ts';
import { explanationAsOf, spendingAsOf, valueAsOf, type MonitoringExplanation } from '../actuals/as-of.ts';
import { annualBudget } from '../actuals/budget.ts';
import { yearOf, type IsoDate } from '../actuals/calendar.ts';
import { completionOf, completionView, type CompletionView } from '../actuals/completion.ts';
import type { Finding } from '../review/finding.ts';
import { Decimal, fixed } from '../model/decimal.ts';
import type { DecimalText, Indicator, Project, TargetDocument, Unit } from '../model/document.ts';
import { parseTargetValue } from '../target-value/parse.ts';
import { messages, messagesFor, type Locale, type Messages } from '../../i18n/index.ts';
import { checkpointPassed, datedPlan } from './checkpoint.ts';
import {
  DEFAULT_MONITORING_SETTINGS,
  checkMonitoringSettings,
  worseLight,
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
  /** The plan's last checkpoint passed; null before the first. */
  checkpoint: { label: string; date: IsoDate; percent: DecimalText } | null;
  /** Planned cumulative percent on the date (0 before the first checkpoint). */
  planned: DecimalText;
  /** planned − rate in percentage points: positive means behind the plan; null without a rate. */
  shortfall: DecimalText | null;
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
  light: Light;
}

/** Why a project is not green. */
export type LightReason =
  | { kind: 'execution'; light: Light; shortfall: DecimalText }
  | { kind: 'likelihood'; light: Light; index: number };

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
  findings: Finding[];
}

export interface UnitMonitoring {
  unit: Unit;
  year: number;
  date: IsoDate;
  projects: ProjectMonitoring[];
  lights: Record<Light, number>;
  findings: Finding[];
}

const HUNDRED = new Decimal(100);
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
  return { unit: document.unit, year, date, projects, lights, findings: projects.flatMap((p) => p.findings) };
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

  const execution = executionOf(project, actuals, date, year, settings, m, finding);
  const explanation = explanationAsOf(actuals, null, date);
  const indicators = project.indicators.map((indicator, i) => progressOf(indicator, i + 1, actuals, date, settings, m, finding));

  const reasons: LightReason[] = [];
  if (execution.light !== 'green')
    reasons.push({ kind: 'execution', light: execution.light, shortfall: execution.shortfall! });
  for (const row of indicators)
    if (row.light !== 'green') reasons.push({ kind: 'likelihood', light: row.light, index: row.index });
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
    if (!settings.explanationRequired.includes(row.light)) continue;
    const missing = missingParts(row.explanation, m);
    if (missing.length > 0)
      finding(
        'monitoring.missingExplanation',
        'error',
        row.index,
        'monitoring.explanation',
        m.findings.indicatorUnexplained(project.code, row.index, m.lights[row.light], missing),
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
  actuals: ProjectActuals,
  date: IsoDate,
  year: number,
  settings: MonitoringSettings,
  m: MonitoringMessages,
  finding: AddFinding,
): ExecutionStatus {
  const plan = datedPlan(project.spendingPlan, year);
  for (const c of plan)
    if (c.date === null)
      finding('monitoring.checkpointUnreadable', 'warning', null, 'spendingPlan', m.findings.checkpointUnreadable(project.code, c.label), m.findings.checkpointSuggestion);

  const { adjusted: budget } = annualBudget(project, actuals);
  const entry = spendingAsOf(actuals, date);
  const spent = new Decimal(entry?.cumulative ?? 0);
  const passed = checkpointPassed(plan, date);
  const planned = passed?.percent ?? new Decimal(0);

  const earlier = actuals.spending.filter((s) => s.date <= date).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (let i = 1; i < earlier.length; i++)
    if (new Decimal(earlier[i]!.cumulative).lt(earlier[i - 1]!.cumulative))
      finding('monitoring.spendingDecreases', 'warning', null, 'actuals.spending', m.findings.spendingDecreases(project.code, earlier[i - 1]!.date, earlier[i]!.date), m.findings.spendingDecreasesSuggestion);

  let rate: Decimal | null = null;
  if (budget === null || budget.isZero())
    finding('monitoring.noBudget', 'warning', null, 'budget.total', m.findings.noBudget(project.code), m.findings.noBudgetSuggestion);
  else {
    rate = spent.div(budget).times(HUNDRED);
    if (spent.gt(budget))
      finding('monitoring.overspent', 'warning', null, 'actuals.spending', m.findings.overspent(project.code, fixed(spent), fixed(budget)), m.findings.overspentSuggestion);
  }
  const shortfall = rate === null ? null : planned.minus(rate);
  const light: Light =
    shortfall === null ? 'green' : shortfall.gte(settings.redShortfall) ? 'red' : shortfall.gte(settings.yellowShortfall) ? 'yellow' : 'green';

  return {
    budget: budget === null ? null : fixed(budget),
    spent: fixed(spent),
    spentAsOf: entry?.date ?? null,
    rate: rate === null ? null : fixed(rate),
    checkpoint: passed === null ? null : { label: passed.label, date: passed.date!, percent: fixed(passed.percent!) },
    planned: fixed(planned),
    shortfall: shortfall === null ? null : fixed(shortfall),
    light,
  };
}

function progressOf(
  indicator: Indicator,
  index: number,
  actuals: ProjectActuals,
  date: IsoDate,
  settings: MonitoringSettings,
  m: MonitoringMessages,
  finding: AddFinding,
): IndicatorProgress {
  const value = valueAsOf(actuals, index, date);
  // In the year, an `=` target not yet reached is progress, not a miss: show the plain ratio.
  const completion = completionOf(parseTargetValue(indicator.target), value?.value ?? null, { exactPartialCredit: 'proportional' });
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
    light: explanation.likelihood === null ? 'green' : settings.likelihoodLight[explanation.likelihood],
  };
}
