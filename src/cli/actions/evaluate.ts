/**
 * `jixiao evaluate TARGETS... --actuals A`: the year-end self-evaluation of target documents against
 * an actuals file, printed as Chinese tables (per project the execution rate and its score, each
 * indicator's points and score, the total and the grade; the 部门整体 summary) or as JSON (the core's
 * DepartmentEvaluation per unit with the file it came from; decimals as strings, see
 * docs/self-evaluation.md). `--to xlsx|docx -o OUT` also writes the 自评表 and the summary, or with
 * `--profile` each 自评表 as that province prints it.
 *
 * Exit code: 2 when a file cannot be read; 1 when a finding is an error (a missing actual or
 * spending record, an unmet indicator without its 偏差原因分析及改进措施 …); else 0.
 */
import { evaluateDocument, type DepartmentEvaluation } from '../../core/evaluation/department.ts';
import type { ProjectEvaluation } from '../../core/evaluation/evaluate.ts';
import { profileById } from '../../core/forms/profiles.ts';
import { fixed, sum } from '../../core/model/decimal.ts';
import { GRADES } from '../../core/evaluation/settings.ts';
import type { IsoDate } from '../../core/actuals/calendar.ts';
import { writeEvaluationDocx, writeEvaluationXlsx } from '../../formats/evaluation-report/write.ts';
import { messages } from '../../i18n/index.ts';
import { findingsTable, percent, reportYear, textTable, unitLabel, type YearOptions } from './monitor.ts';

export interface EvaluateOptions extends YearOptions {
  at?: IsoDate;
  /** The 自评表 profile the forms are printed in (the command checked it is one); absent: jixiao's own. */
  profile?: string;
}

export async function runEvaluate(paths: string[], options: EvaluateOptions): Promise<number> {
  const printed = options.profile === undefined ? {} : { profile: profileById(options.profile)! };
  return reportYear(paths, options, {
    // Scored as the form each document was read as; --profile says only how the forms are printed.
    judge: (document, actuals, profile) =>
      evaluateDocument(document, actuals, { ...(options.at === undefined ? {} : { asOf: options.at }), ...(profile ? { profile } : {}) }),
    tables: unitTables,
    write: { xlsx: (units) => writeEvaluationXlsx(units, printed), docx: (units) => writeEvaluationDocx(units, printed) },
  });
}

function unitTables(d: DepartmentEvaluation): string {
  const e = messages().evaluation;
  const t = e.table;
  const out = [e.cli.unitHeading(unitLabel(d.unit), d.year === null ? messages().cli.check.noYear : String(d.year))];
  out.push(
    textTable(
      [t.projectCode, t.projectName, t.budget, t.spent, t.rate, t.budgetScore, t.indicatorScore, t.total, t.grade],
      [20, 28, 12, 12, 10, 10, 10, 9, 6],
      d.projects.map((p) => [
        p.projectCode,
        p.projectName,
        p.budget.adjusted ?? '—',
        p.budget.spent ?? '—',
        percent(p.budget.rate),
        p.budget.scored ? p.budget.score : t.notApplicable,
        indicatorScore(p),
        p.total,
        p.grade,
      ]),
    ),
  );
  out.push(
    textTable(
      [t.projectCode, t.index, t.indicator, t.target, t.actual, t.points, t.score, t.explanation],
      [20, 6, 26, 9, 12, 8, 8, 34],
      d.projects.flatMap((p) =>
        p.indicators.map((i) => [
          p.projectCode,
          String(i.index),
          i.level3 || i.description,
          i.target,
          i.actual?.value ?? '—',
          i.status === 'scored' ? i.points : t.notApplicable,
          i.status === 'scored' ? i.score : t.notApplicable,
          i.explanation,
        ]),
      ),
    ),
  );
  out.push(t.department(d.projects.length, d.score ?? '—', d.grade ?? '—'));
  out.push(t.gradeCounts(GRADES.map((g) => e.report.gradeCount(g, d.gradeCounts[g])).join('，')));
  out.push(t.findings, d.findings.length === 0 ? t.noFindings : findingsTable(d.findings), '');
  return out.join('\n');
}

/** The indicators' share of the total: every family but 预算执行率. */
const indicatorScore = (p: ProjectEvaluation) => fixed(sum(p.families.filter((f) => f.family !== 'budgetExecution').map((f) => f.score)));
