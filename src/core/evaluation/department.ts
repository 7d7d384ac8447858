/**
 * The 部门整体 self-evaluation summary: a unit's projects together. The unit's score is the
 * average of its projects' totals weighted by their 全年预算数 (a 5 万元 project moves it less than
 * a 39 万元 one); when no project has a budget, the plain average.
 */
import { actualsLookup, type Actuals } from '../actuals/actuals.ts';
import { Decimal, fixed } from '../model/decimal.ts';
import type { DecimalText, TargetDocument, Unit } from '../model/document.ts';
import type { Finding } from '../review/finding.ts';
import { evaluateProject, type EvaluationOptions, type ProjectEvaluation } from './evaluate.ts';
import { DEFAULT_EVALUATION_SETTINGS, GRADES, gradeOf, type Grade } from './settings.ts';

export interface DepartmentEvaluation {
  unit: Unit;
  year: number | null;
  projects: ProjectEvaluation[];
  /** Σ 全年预算数, Σ 全年执行数 (万元) and the execution rate (%) over all projects. */
  budget: DecimalText;
  spent: DecimalText;
  rate: DecimalText | null;
  /** Budget-weighted average of the projects' totals; null without projects. */
  score: DecimalText | null;
  grade: Grade | null;
  /** The score and grade with every row scored, 不适用 or not; null when no row is 不适用. */
  withoutNotApplicable: { score: DecimalText; grade: Grade } | null;
  gradeCounts: Record<Grade, number>;
  findings: Finding[];
}

const ZERO = new Decimal(0);

export function evaluateDocument(document: TargetDocument, actuals: Actuals, options: EvaluationOptions = {}): DepartmentEvaluation {
  const lookup = actualsLookup(actuals);
  const projects = document.projects.map((p) => evaluateProject(p, lookup(p.code), document.year, options));
  return summarizeDepartment(document.unit, document.year, projects, options);
}

export function summarizeDepartment(
  unit: Unit,
  year: number | null,
  projects: ProjectEvaluation[],
  options: EvaluationOptions = {},
): DepartmentEvaluation {
  const settings = options.settings ?? DEFAULT_EVALUATION_SETTINGS;
  let budget = ZERO;
  let spent = ZERO;
  let weighted = ZERO;
  let plain = ZERO;
  let weightedAll = ZERO;
  let plainAll = ZERO;
  const gradeCounts = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
  for (const p of projects) {
    const b = new Decimal(p.budget.adjusted ?? 0);
    budget = budget.plus(b);
    spent = spent.plus(p.budget.spent ?? 0);
    weighted = weighted.plus(b.times(p.total));
    plain = plain.plus(p.total);
    const all = p.withoutNotApplicable?.total ?? p.total;
    weightedAll = weightedAll.plus(b.times(all));
    plainAll = plainAll.plus(all);
    gradeCounts[p.grade]++;
  }
  const average = (w: Decimal, p: Decimal) => fixed(budget.isZero() ? p.div(projects.length) : w.div(budget));
  const score = projects.length === 0 ? null : average(weighted, plain);
  const scoreAll = projects.some((p) => p.withoutNotApplicable !== null) ? average(weightedAll, plainAll) : null;
  return {
    unit,
    year,
    projects,
    budget: fixed(budget),
    spent: fixed(spent),
    rate: budget.isZero() ? null : fixed(spent.div(budget).times(100)),
    score,
    grade: score === null ? null : gradeOf(score, settings),
    withoutNotApplicable: scoreAll === null ? null : { score: scoreAll, grade: gradeOf(scoreAll, settings) },
    gradeCounts,
    findings: projects.flatMap((p) => p.findings),
  };
}
