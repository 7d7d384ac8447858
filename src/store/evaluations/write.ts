/**
 * Every change to an evaluation, each one transaction with its audit entry (before and after), each
 * based on the evaluation's version (a stale one changes nothing) and allowed only in the states the
 * core's steps name (src/core/evaluations/evaluation.ts). Who may make it is the server's to check
 * (src/server/routes/evaluations.ts). Findings and the report are parts of the evaluation: changing
 * one moves its version, so two people recording at once cannot overwrite each other unseen.
 */
import type { EvaluationSettings } from '../../core/evaluation/settings.ts';
import { scored, stateAfter, type EvaluationKind, type EvaluationStep, type FindingSeverity } from '../../core/evaluations/evaluation.ts';
import { recordAudit, type Actor } from '../audit.ts';
import type { Database, Db, Trx } from '../schema.ts';
import type { Kysely, Selectable } from 'kysely';
import type { EvaluationsTable } from '../schema.ts';
import { EvaluationError } from './errors.ts';
import { findingsOf } from './read.ts';

export const EVALUATION_ENTITY = 'evaluation';

export type SubjectInput = { documentId: number; projectCode: string } | { policyName: string };

export interface NewEvaluation {
  bureauId: number;
  year: number;
  kind: EvaluationKind;
  title: string;
  evaluatingBody: string;
  subject: SubjectInput;
  evaluatorIds: number[];
}

/** The row as the audit log records it (the report's bytes never: only its description). */
type Audited = Omit<Selectable<EvaluationsTable>, 'created_at'> & { evaluatorIds: number[] };

async function audited(trx: Db, row: Selectable<EvaluationsTable>): Promise<Audited> {
  const { created_at: _, ...rest } = row;
  return { ...rest, evaluatorIds: await assigneesOf(trx, row.id) };
}

async function assigneesOf(db: Db, id: number): Promise<number[]> {
  const rows = await db.selectFrom('evaluation_assignees').select('user_id').where('evaluation_id', '=', id).orderBy('user_id').execute();
  return rows.map((r) => r.user_id);
}

/**
 * Evaluators an evaluation of `bureauId` may be given: enabled evaluator accounts made by that bureau
 * or one above it (a city's contracted institution may serve a county). An id that is none is refused.
 */
async function assertEvaluators(trx: Trx, bureauId: number, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await trx
    .selectFrom('users')
    .select('id')
    .where('id', 'in', ids)
    .where('role', '=', 'evaluator')
    .where('disabled', '=', false)
    .where('bureau_id', 'in', (eb) => eb.selectFrom('bureau_tree').select('ancestor_id').where('descendant_id', '=', bureauId))
    .execute();
  const ok = new Set(found.map((r) => r.id));
  const bad = ids.find((id) => !ok.has(id));
  if (bad !== undefined) throw EvaluationError.invalid('evaluatorIds', (m) => m.notAnEvaluator(bad));
}

async function setAssignees(trx: Trx, id: number, ids: readonly number[]): Promise<void> {
  await trx.deleteFrom('evaluation_assignees').where('evaluation_id', '=', id).execute();
  const unique = [...new Set(ids)];
  if (unique.length > 0)
    await trx
      .insertInto('evaluation_assignees')
      .values(unique.map((user_id) => ({ evaluation_id: id, user_id })))
      .execute();
}

/** The project subject's columns: the project of that code in a document of a unit under the bureau. */
async function subjectColumns(trx: Trx, bureauId: number, subject: SubjectInput) {
  if ('policyName' in subject) {
    const policyName = subject.policyName.trim();
    if (!policyName) throw EvaluationError.invalid('policyName', (m) => m.subjectRequired);
    return { document_id: null, unit_id: null, project_code: null, project_name: null, policy_name: policyName };
  }
  const project = await trx
    .selectFrom('projects as p')
    .innerJoin('documents as d', 'd.id', 'p.document_id')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select(['p.code', 'p.name', 'd.unit_id'])
    .where('p.document_id', '=', subject.documentId)
    .where('p.code', '=', subject.projectCode)
    .where('u.bureau_id', 'in', (eb) => eb.selectFrom('bureau_tree').select('descendant_id').where('ancestor_id', '=', bureauId))
    .executeTakeFirst();
  if (!project) throw EvaluationError.invalid('subject', (m) => m.noSuchProject(subject.projectCode));
  return {
    document_id: subject.documentId,
    unit_id: project.unit_id,
    project_code: project.code,
    project_name: project.name,
    policy_name: null,
  };
}

export async function createEvaluation(db: Kysely<Database>, actor: Actor, e: NewEvaluation): Promise<number> {
  const title = e.title.trim();
  const body = e.evaluatingBody.trim();
  if (!title) throw EvaluationError.invalid('title', (m) => m.titleRequired);
  if (!body) throw EvaluationError.invalid('evaluatingBody', (m) => m.bodyRequired);
  return db.transaction().execute(async (trx) => {
    await assertEvaluators(trx, e.bureauId, e.evaluatorIds);
    const row = await trx
      .insertInto('evaluations')
      .values({
        bureau_id: e.bureauId,
        year: e.year,
        kind: e.kind,
        title,
        evaluating_body: body,
        ...(await subjectColumns(trx, e.bureauId, e.subject)),
        state: 'planned',
        created_by_name: actor.name,
        updated_at: new Date(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await setAssignees(trx, row.id, e.evaluatorIds);
    await recordAudit(trx, actor, { action: 'create', entity: EVALUATION_ENTITY, entityId: row.id, after: await audited(trx, row) });
    return row.id;
  });
}

/**
 * Locks the evaluation, checks its version and that `step` is allowed, runs `change` and moves the
 * version on (and the state, as the step says), logging the whole before and after.
 */
async function step(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  expected: number,
  name: EvaluationStep,
  action: string,
  change: (trx: Trx, row: Selectable<EvaluationsTable>) => Promise<Partial<Selectable<EvaluationsTable>> | void>,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('evaluations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw EvaluationError.notFound('evaluation', id);
    if (row.version !== expected) throw EvaluationError.stale(id, row.version, expected);
    const next = stateAfter(row.state, name);
    if (next === null) throw EvaluationError.state(id, row.state, name);
    const before = { ...(await audited(trx, row)), findings: await findingsOf(trx, id) };
    const columns = (await change(trx, row)) ?? {};
    const after = await trx
      .updateTable('evaluations')
      .set({ ...columns, state: next, version: row.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action,
      entity: EVALUATION_ENTITY,
      entityId: id,
      before,
      after: { ...(await audited(trx, after)), findings: await findingsOf(trx, id) },
    });
    return after.version;
  });
}

export interface PlanChanges {
  title?: string;
  evaluatingBody?: string;
  evaluatorIds?: number[];
}

/** The bureau changes the plan (title, evaluating body, assigned evaluators) until the result is handed in. */
export function updatePlan(db: Kysely<Database>, actor: Actor, id: number, expected: number, c: PlanChanges): Promise<number> {
  return step(db, actor, id, expected, 'plan', 'update', async (trx, row) => {
    if (c.title !== undefined && !c.title.trim()) throw EvaluationError.invalid('title', (m) => m.titleRequired);
    if (c.evaluatingBody !== undefined && !c.evaluatingBody.trim()) throw EvaluationError.invalid('evaluatingBody', (m) => m.bodyRequired);
    if (c.evaluatorIds) {
      await assertEvaluators(trx, row.bureau_id, c.evaluatorIds);
      await setAssignees(trx, id, c.evaluatorIds);
    }
    return {
      ...(c.title !== undefined ? { title: c.title.trim() } : {}),
      ...(c.evaluatingBody !== undefined ? { evaluating_body: c.evaluatingBody.trim() } : {}),
    };
  });
}

/** The evaluator records the score (its grade follows from the bureau's bands) and the summary. */
export function recordResult(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  expected: number,
  result: { score: string | null; summary: string },
  settings: EvaluationSettings,
): Promise<number> {
  return step(db, actor, id, expected, 'record', 'record', async () => {
    const graded = result.score === null ? { score: null, grade: null } : scored(result.score, settings);
    return { score: graded.score, grade: graded.grade, summary: result.summary.trim() };
  });
}

export interface FindingInput {
  text: string;
  severity: FindingSeverity;
  concerns?: string | null;
}

const findingColumns = (f: FindingInput) => {
  const text = f.text.trim();
  if (!text) throw EvaluationError.invalid('text', (m) => m.findingTextRequired);
  return { text, severity: f.severity, concerns: f.concerns?.trim() || null };
};

/** Adds a finding; answers the evaluation's new version and the finding's id. */
export async function addFinding(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  expected: number,
  f: FindingInput,
): Promise<{ version: number; findingId: number }> {
  let findingId = 0;
  const version = await step(db, actor, id, expected, 'record', 'addFinding', async (trx) => {
    const r = await trx
      .insertInto('evaluation_findings')
      .values({ evaluation_id: id, ...findingColumns(f) })
      .returning('id')
      .executeTakeFirstOrThrow();
    findingId = r.id;
  });
  return { version, findingId };
}

async function assertFinding(trx: Trx, id: number, findingId: number): Promise<void> {
  const r = await trx
    .selectFrom('evaluation_findings')
    .select('id')
    .where('id', '=', findingId)
    .where('evaluation_id', '=', id)
    .executeTakeFirst();
  if (!r) throw EvaluationError.notFound('evaluationFinding', findingId);
}

/** Rewords a finding; its id stays. */
export function editFinding(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  expected: number,
  findingId: number,
  f: FindingInput,
): Promise<number> {
  return step(db, actor, id, expected, 'record', 'editFinding', async (trx) => {
    await assertFinding(trx, id, findingId);
    await trx.updateTable('evaluation_findings').set(findingColumns(f)).where('id', '=', findingId).execute();
  });
}

/** Removes a finding, while the evaluation is still being recorded (an accepted one's findings stay for good). */
export function deleteFinding(db: Kysely<Database>, actor: Actor, id: number, expected: number, findingId: number): Promise<number> {
  return step(db, actor, id, expected, 'record', 'deleteFinding', async (trx) => {
    await assertFinding(trx, id, findingId);
    await trx.deleteFrom('evaluation_findings').where('id', '=', findingId).execute();
  });
}

/** Keeps the report file (replacing an earlier one). */
export function saveReport(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  expected: number,
  file: { fileName: string; contentType: string; bytes: Uint8Array },
): Promise<number> {
  return step(db, actor, id, expected, 'record', 'uploadReport', async (trx) => {
    const values = {
      file_name: file.fileName,
      content_type: file.contentType,
      size: file.bytes.byteLength,
      content_base64: Buffer.from(file.bytes).toString('base64'),
      uploaded_by_name: actor.name,
      uploaded_at: new Date(),
    };
    await trx
      .insertInto('evaluation_reports')
      .values({ evaluation_id: id, ...values })
      .onConflict((oc) => oc.column('evaluation_id').doUpdateSet(values))
      .execute();
    await recordAudit(trx, actor, {
      action: 'upload',
      entity: 'evaluationReport',
      entityId: id,
      after: { fileName: values.file_name, contentType: values.content_type, size: values.size },
    });
  });
}

/** Hands the result in: a score is needed. */
export function submitEvaluation(db: Kysely<Database>, actor: Actor, id: number, expected: number): Promise<number> {
  return step(db, actor, id, expected, 'submit', 'submit', async (_trx, row) => {
    if (row.score === null) throw EvaluationError.invalid('score', (m) => m.scoreRequired);
    return { return_comment: null };
  });
}

export function acceptEvaluation(db: Kysely<Database>, actor: Actor, id: number, expected: number): Promise<number> {
  return step(db, actor, id, expected, 'accept', 'accept', async () => ({ accepted_at: new Date() }));
}

/** The bureau sends the result back with its reasons; the evaluator carries on recording. */
export function returnEvaluation(db: Kysely<Database>, actor: Actor, id: number, expected: number, comment: string): Promise<number> {
  return step(db, actor, id, expected, 'return', 'return', async () => {
    if (!comment.trim()) throw EvaluationError.invalid('comment', (m) => m.returnNeedsComment);
    return { return_comment: comment.trim() };
  });
}
