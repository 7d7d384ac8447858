/**
 * The review engine (审核): runs the rule catalog over a document and reports findings in a
 * stable order — the document's own first, then project by project, each project's own before its
 * rows, rows in table order, and for one place the rules in catalog order.
 *
 * Linear in the rows: each row is read once (./context.ts), each rule is a cheap test on it.
 */
import { messagesFor, type Locale, type Messages } from '../../i18n/index.ts';
import type { FormProfile } from '../forms/profile.ts';
import { defaultProfileFor } from '../forms/profiles.ts';
import type { PeerRange } from '../library/peer-range.ts';
import type { ExAnteContext } from '../ex-ante/required.ts';
import type { TargetDocument } from '../model/document.ts';
import { documentContext, type HistoryEntry } from './context.ts';
import type { Finding, FindingField, Severity } from './finding.ts';
import { regulations, type RegulationId } from './regulations.ts';
import type { Place, Rule, RuleFamily, RuleId } from './rule.ts';
import { rules } from './rules/index.ts';
import { DEFAULT_REVIEW_SETTINGS, projectCodeRegExp, type ReviewSettings } from './settings.ts';

export { rules };

export interface ReviewOptions {
  /** The language of messages and suggestions; Chinese by default. */
  locale?: Locale;
  /** The bureau's settings; anything left out takes DEFAULT_REVIEW_SETTINGS. */
  settings?: Partial<ReviewSettings>;
  /** Last year's actual values; without them the rule comparing targets with history is silent. */
  history?: readonly HistoryEntry[];
  /**
   * The targets peers wrote for the document's indicator families (../library/peer-range.ts); without them the
   * rule comparing a target with its family is silent.
   */
  peers?: ReadonlyMap<string, PeerRange>;
  /** The form profile the document follows (its bureau's pick); the default for its year when left out. */
  profile?: FormProfile;
  /** The stored 事前绩效评估 and last year's projects; without them the rule asking for an assessment is silent. */
  exAnte?: ExAnteContext;
}

/** A rule as the UI lists it. */
export interface RuleInfo {
  id: RuleId;
  family: RuleFamily;
  familyName: string;
  severity: Severity;
  title: string;
  regulation: RegulationId;
  /** The regulation's title, e.g. 《中央部门预算绩效目标管理办法》. */
  regulationTitle: string;
  /** The citation as findings carry it, e.g. "财预〔2015〕88号 完整性审核". */
  source: string;
}

const LABEL_LENGTH = 24;

type ReviewMessages = Messages['review'];

const citation = (m: ReviewMessages, rule: Rule): string =>
  m.source(regulations[rule.source.regulation].number, m.clause[rule.source.clause]);

function placeText(m: ReviewMessages, at: Place): string {
  if (at.kind === 'document') return m.place.document;
  const table = at.kind === 'project' ? at : at.table;
  const name =
    table.kind === 'department'
      ? m.place.departmentTable
      : m.place.project(table.project.code.trim(), table.ordinal, table.project.name.trim());
  if (at.kind === 'project') return name;
  const label = at.label.length > LABEL_LENGTH ? at.label.slice(0, LABEL_LENGTH) + m.place.ellipsis : at.label;
  return m.place.row(name, at.row, label);
}

interface Ordered {
  finding: Finding;
  project: number;
  row: number;
  rule: number;
}

type ReportFn = (at: Place, field: FindingField, params: object) => void;

/** One rule ready to run: its check and a report bound to its id, severity and messages. */
interface Step {
  rule: { check(context: unknown, report: ReportFn): void };
  report: ReportFn;
}

/**
 * The rules a review runs for one language and one set of bureau settings, prepared once and
 * reused for every document reviewed with them (a county's or a province's documents in a row).
 * Reports go to `found`, which reviewDocument swaps in for each document (reviews are synchronous).
 */
interface Plan {
  settings: ReviewSettings;
  document: Step[];
  project: Step[];
  row: Step[];
  found: Ordered[];
}

function makePlan(locale: Locale, settings: ReviewSettings): Plan {
  projectCodeRegExp(settings.projectCodePattern); // an invalid bureau pattern fails here, before any rule runs
  const m = messagesFor(locale).review;
  const disabledRules = new Set(settings.disabledRules);
  const disabledSeverities = new Set(settings.disabledSeverities);
  const plan: Plan = { settings, document: [], project: [], row: [], found: [] };
  rules.forEach((rule, order) => {
    const severity = settings.severityOverrides[rule.id] ?? rule.severity;
    if (disabledRules.has(rule.id) || disabledSeverities.has(severity)) return;
    // Each rule reports the parameters of its own messages; the rule catalog's types check that per rule.
    const texts = m.rules[rule.id] as { message: (p: object) => string; suggestion: (p: object) => string };
    const source = citation(m, rule);
    const report: ReportFn = (at, field, params) => {
      const p = { ...params, at: placeText(m, at) };
      const table = at.kind === 'document' ? null : at.kind === 'project' ? at : at.table;
      const project = table?.kind === 'project' ? table : null;
      plan.found.push({
        finding: {
          ruleId: rule.id,
          severity,
          projectCode: project === null ? null : project.project.code,
          indicatorIndex: at.kind === 'row' ? at.row : null,
          // A department-wide row's field is under the department part: "department.indicators.target".
          field: table?.kind === 'department' ? `department.${field}` : field,
          message: texts.message(p),
          suggestion: texts.suggestion(p),
          source,
        },
        project: project === null ? 0 : project.ordinal,
        row: at.kind === 'row' ? at.row : 0,
        rule: order,
      });
    };
    const step: Step = { rule: rule as Step['rule'], report };
    plan[rule.scope].push(step);
  });
  return plan;
}

const PLAN_CACHE_LIMIT = 64;
const plans = new Map<string, Plan>();

/** The plan for a language and settings, keyed by their content (a caller may reuse or rebuild the object). */
function planFor(locale: Locale, settings: Partial<ReviewSettings> | undefined): Plan {
  const key = settings === undefined ? locale : `${locale}\u0000${JSON.stringify(settings)}`;
  let plan = plans.get(key);
  if (plan === undefined) {
    plan = makePlan(locale, { ...DEFAULT_REVIEW_SETTINGS, ...settings });
    if (plans.size >= PLAN_CACHE_LIMIT) plans.clear();
    plans.set(key, plan);
  }
  return plan;
}

export function reviewDocument(document: TargetDocument, options: ReviewOptions = {}): Finding[] {
  const plan = planFor(options.locale ?? 'zh-CN', options.settings);
  const profile = options.profile ?? defaultProfileFor(document.year, plan.settings.form2021FromYear);
  const context = documentContext(document, plan.settings, options.history, profile, options.peers, options.exAnte);
  const found: Ordered[] = [];
  plan.found = found;
  try {
    for (const step of plan.document) step.rule.check(context, step.report);
    if (context.department !== null)
      for (const row of context.department.rows) for (const step of plan.row) step.rule.check(row, step.report);
    for (const project of context.projects) {
      for (const step of plan.project) step.rule.check(project, step.report);
      for (const row of project.rows) for (const step of plan.row) step.rule.check(row, step.report);
    }
  } finally {
    plan.found = [];
  }
  if (found.length > 1) found.sort((a, b) => a.project - b.project || a.row - b.row || a.rule - b.rule);
  return found.map((o) => o.finding);
}

/** How many findings of each severity. */
export function summarize(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** The rule catalog in a language, for listing and for a bureau choosing what to disable. */
export function ruleCatalog(locale: Locale = 'zh-CN'): RuleInfo[] {
  const m = messagesFor(locale).review;
  return rules.map((rule) => ({
    id: rule.id,
    family: rule.family,
    familyName: m.family[rule.family],
    severity: rule.severity,
    title: m.rules[rule.id].title,
    regulation: rule.source.regulation,
    regulationTitle: m.regulations[rule.source.regulation],
    source: citation(m, rule),
  }));
}
