/**
 * A unit's self-evaluation through its assignment: the unit starts and submits it (the submission
 * records the score and grade the self-evaluation has at that moment, so the bureau reviews and later
 * re-checks what was submitted, not what the actuals say afterwards); a reviewer over the unit
 * accepts it or returns it with a comment. Each write names the assignment's version (409 when
 * stale), checks the state (core/evaluation-tasks/state.ts) and is audited with before and after.
 */
import type { Kysely } from 'kysely';
import { summarizeDepartment, type DepartmentEvaluation } from '../../core/evaluation/department.ts';
import { nextState, type AssignmentAction } from '../../core/evaluation-tasks/state.ts';
import { ActualsError } from '../actuals/errors.ts';
import { evaluateStored, storedActuals } from '../actuals/results.ts';
import { recordAudit, type Actor } from '../audit.ts';
import { NotFoundError } from '../errors.ts';
import type { Database, Trx } from '../schema.ts';
import { TaskError } from './errors.ts';
import { readAssignment, type Assignment } from './tasks.ts';

const SCORED_STATUSES = ['approved', 'published'];

async function locked(trx: Trx, id: number, expected: number, action: AssignmentAction) {
  const row = await trx
    .selectFrom('evaluation_assignments as a')
    .innerJoin('evaluation_tasks as t', 't.id', 'a.task_id')
    .selectAll('a')
    .select('t.year')
    .where('a.id', '=', id)
    .forUpdate('a')
    .executeTakeFirst();
  if (!row) throw new NotFoundError('evaluationAssignment', id);
  if (row.version !== expected) throw ActualsError.stale('evaluationAssignment', id, row.version, expected);
  const next = nextState(row.state, action);
  if (next === null) {
    const state = row.state;
    throw new TaskError(409, 'invalid_state', (m) => m.errors.state(m.states[state], m.errors.actionNames[action]), { state });
  }
  return { row, next };
}

const snapshot = (a: { state: string; self_score: string | null; self_grade: string | null; review_comment: string }) => ({
  state: a.state,
  selfScore: a.self_score,
  selfGrade: a.self_grade,
  reviewComment: a.review_comment,
});

/** The self-evaluation an assignment covers: the whole document's, or that of its chosen projects only. */
function covered(result: DepartmentEvaluation, codes: string[] | null, settings: Parameters<typeof summarizeDepartment>[3]) {
  if (codes === null) return result;
  const projects = result.projects.filter((p) => codes.includes(p.projectCode));
  const summary = summarizeDepartment(result.unit, result.year, projects, settings);
  return { ...summary, findings: result.findings.filter((f) => f.projectCode === null || codes.includes(f.projectCode)) };
}

async function finish(trx: Trx, actor: Actor, id: number, action: string, before: object, documentId: number | null): Promise<Assignment> {
  const after = (await readAssignment(trx, id))!;
  await recordAudit(trx, actor, {
    action,
    entity: 'evaluationAssignment',
    entityId: id,
    documentId,
    before,
    after: { state: after.state, selfScore: after.selfScore, selfGrade: after.selfGrade, reviewComment: after.reviewComment },
  });
  return after;
}

export async function startAssignment(db: Kysely<Database>, actor: Actor, id: number, expected: number): Promise<Assignment> {
  return db.transaction().execute(async (trx) => {
    const { row, next } = await locked(trx, id, expected, 'start');
    await trx
      .updateTable('evaluation_assignments')
      .set({ state: next, version: row.version + 1 })
      .where('id', '=', id)
      .execute();
    return finish(trx, actor, id, 'start', snapshot(row), row.document_id);
  });
}

/** Submits the unit's self-evaluation: refused while it has errors (the findings come back), as its publication is. */
export async function submitAssignment(db: Kysely<Database>, actor: Actor, id: number, expected: number): Promise<Assignment> {
  return db.transaction().execute(async (trx) => {
    const { row, next } = await locked(trx, id, expected, 'submit');
    const doc = await trx
      .selectFrom('documents')
      .select(['id', 'status'])
      .where('unit_id', '=', row.unit_id)
      .where('year', '=', row.year)
      .executeTakeFirst();
    if (!doc) throw new TaskError(422, 'no_document', (m) => m.errors.noDocument(row.year));
    if (!SCORED_STATUSES.includes(doc.status))
      throw new TaskError(422, 'not_approved', (m) => m.errors.notApproved, { status: doc.status });
    const stored = await storedActuals(trx, doc.id);
    const result = covered(evaluateStored(stored, null, 'zh-CN'), (row.project_codes as string[] | null) ?? null, {
      settings: stored.settings.evaluation.settings,
    });
    const errors = result.findings.filter((f) => f.severity === 'error');
    if (errors.length > 0)
      throw new TaskError(422, 'evaluation_errors', (m) => m.errors.evaluationErrors(errors.length), {
        findings: errors,
        documentId: doc.id,
      });
    await trx
      .updateTable('evaluation_assignments')
      .set({
        state: next,
        document_id: doc.id,
        self_score: result.score,
        self_grade: result.grade,
        submitted_at: new Date(),
        version: row.version + 1,
      })
      .where('id', '=', id)
      .execute();
    return finish(trx, actor, id, 'submit', snapshot(row), doc.id);
  });
}

/** Accepts a submitted self-evaluation, or returns it to the unit with a comment (required). */
export async function reviewAssignment(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  expected: number,
  decision: 'accept' | 'return',
  comment: string,
): Promise<Assignment> {
  const text = comment.trim();
  if (decision === 'return' && text === '') throw new TaskError(422, 'comment_required', (m) => m.errors.comment, { field: 'comment' });
  return db.transaction().execute(async (trx) => {
    const { row, next } = await locked(trx, id, expected, decision);
    await trx
      .updateTable('evaluation_assignments')
      .set({ state: next, review_comment: text, reviewed_by_name: actor.name, reviewed_at: new Date(), version: row.version + 1 })
      .where('id', '=', id)
      .execute();
    return finish(trx, actor, id, decision, snapshot(row), row.document_id);
  });
}
