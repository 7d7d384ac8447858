/**
 * Which projects need a 事前绩效评估 before their budget is asked for (中发〔2018〕34号: 评估结果作为
 * 申请预算的必备要件): new projects whose budget reaches the bureau's amount (ReviewSettings.exAnteThreshold).
 *
 * A project is new where its 项目属性 says 新增, or — when the unit's previous-year document is in
 * jixiao — where no project of that document has its code or, as codes get renumbered, its name
 * (compared without spaces and punctuation). Without a previous-year document only 新增 tells.
 */
import { inWan } from '../actuals/budget.ts';
import { dec } from '../model/decimal.ts';
import type { Project } from '../model/document.ts';
import { comparable } from '../review/terms.ts';
import type { AssessmentState } from './assessment.ts';

/** The unit's previous-year projects, as the review needs them. */
export interface PreviousProjects {
  codes: string[];
  names: string[];
}

/** What the review needs to know about a document's assessments (fed like history: src/store/ex-ante/context.ts). */
export interface ExAnteContext {
  /** The unit's previous-year projects; null when that document is not in jixiao. */
  previous: PreviousProjects | null;
  /** The stored assessments by project code. */
  assessments: Record<string, AssessmentState>;
}

/** A previous-year index built once per document. */
export interface PreviousIndex {
  codes: ReadonlySet<string>;
  names: ReadonlySet<string>;
}

export const previousIndex = (previous: PreviousProjects | null): PreviousIndex | null =>
  previous === null
    ? null
    : { codes: new Set(previous.codes.map((c) => c.trim())), names: new Set(previous.names.map((n) => comparable(n.trim()))) };

export function isNewProject(project: Project, previous: PreviousIndex | null): boolean {
  if (project.attribute === '新增') return true;
  if (previous === null || project.attribute === '延续') return false;
  const code = project.code.trim();
  const name = comparable(project.name.trim());
  return !(code !== '' && previous.codes.has(code)) && !(name !== '' && previous.names.has(name));
}

/**
 * Whether the project needs an assessment under `threshold` (万元; "0" switches the requirement off):
 * new, and its 预算数 at or above the threshold. A project without a 预算数 is not judged (the
 * completeness rule reports the missing amount).
 */
export function needsAssessment(project: Project, previous: PreviousIndex | null, threshold: string): boolean {
  if (dec(threshold).isZero()) return false;
  const total = inWan(project.budget.total, project.amountUnit);
  return total?.greaterThanOrEqualTo(threshold) === true && isNewProject(project, previous);
}
