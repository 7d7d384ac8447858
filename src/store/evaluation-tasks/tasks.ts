/**
 * 自评任务: a bureau assigns the year's self-evaluation to the units it reaches — all under it, all
 * under one of its sub-bureaus, or the units of chosen projects (the assignment then names those
 * projects) — with a deadline. One INSERT … SELECT makes the assignments, whatever the number of
 * units; tracking counts are one GROUP BY over the (task_id, state) index; lists page by keyset.
 */
import { sql, type Kysely } from 'kysely';
import { OPEN_STATES, type AssignmentState } from '../../core/evaluation-tasks/state.ts';
import type { Grade } from '../../core/evaluation/settings.ts';
import { recordAudit, type Actor } from '../audit.ts';
import { NotFoundError } from '../errors.ts';
import { firstPageTotal, keysetQuery, pageOf, type KeysetOrder, type Page, type PageRequest, type Total } from '../keyset.ts';
import type { Database, Db } from '../schema.ts';
import { TaskError } from './errors.ts';

export type TaskScope = { kind: 'all' } | { kind: 'bureau'; bureauId: number } | { kind: 'projects'; projectIds: number[] };

export interface NewTask {
  year: number;
  title: string;
  deadline: string;
  scope: TaskScope;
}

export interface Task {
  id: number;
  bureauId: number;
  year: number;
  title: string;
  deadline: string;
  scope: TaskScope;
  assigned: number;
  version: number;
  createdAt: Date;
  createdByName: string;
}

export type TaskCounts = Record<AssignmentState | 'late', number>;

export interface Assignment {
  id: number;
  taskId: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  projectCodes: string[] | null;
  state: AssignmentState;
  documentId: number | null;
  selfScore: string | null;
  selfGrade: Grade | null;
  submittedAt: Date | null;
  reviewComment: string;
  reviewedByName: string | null;
  reviewedAt: Date | null;
  version: number;
}

/** An assignment as the unit sees it: with its task's title, year and deadline. */
export interface UnitAssignment extends Assignment {
  title: string;
  year: number;
  deadline: string;
}

const toTask = (r: {
  id: number;
  bureau_id: number;
  year: number;
  title: string;
  deadline: string;
  scope: unknown;
  assigned: number;
  version: number;
  created_at: Date;
  created_by_name: string;
}): Task => ({
  id: r.id,
  bureauId: r.bureau_id,
  year: r.year,
  title: r.title,
  deadline: r.deadline,
  scope: r.scope as TaskScope,
  assigned: r.assigned,
  version: r.version,
  createdAt: r.created_at,
  createdByName: r.created_by_name,
});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) => ISO_DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** Creates a task of `bureauId` and its assignments; the caller has checked that `bureauId` is the reviewer's. */
export async function createTask(db: Kysely<Database>, actor: Actor, bureauId: number, t: NewTask): Promise<Task> {
  const title = t.title.trim();
  if (title === '') throw new TaskError(422, 'invalid_task', (m) => m.errors.title, { field: 'title' });
  if (!validDate(t.deadline)) throw new TaskError(422, 'invalid_task', (m) => m.errors.deadline(t.deadline), { field: 'deadline' });
  if (t.year < 2000 || t.year > 2100) throw new TaskError(422, 'invalid_task', (m) => m.errors.year(t.year), { field: 'year' });
  return db.transaction().execute(async (trx) => {
    const under = (root: number) => trx.selectFrom('bureau_tree').select('descendant_id').where('ancestor_id', '=', root);
    if (t.scope.kind === 'bureau') {
      const inside = await under(bureauId).where('descendant_id', '=', t.scope.bureauId).executeTakeFirst();
      if (!inside) throw new TaskError(422, 'invalid_task', (m) => m.errors.bureau, { field: 'scope.bureauId' });
    }
    const { id } = await trx
      .insertInto('evaluation_tasks')
      .values({
        bureau_id: bureauId,
        year: t.year,
        title,
        deadline: t.deadline,
        scope: JSON.stringify(t.scope),
        assigned: 0,
        created_by_name: actor.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (t.scope.kind === 'projects') {
      const ids = [...new Set(t.scope.projectIds)];
      const projects =
        ids.length === 0
          ? []
          : await trx
              .selectFrom('projects as p')
              .innerJoin('documents as d', 'd.id', 'p.document_id')
              .innerJoin('units as u', 'u.id', 'd.unit_id')
              .select(['p.code', 'd.unit_id', 'd.id as document_id'])
              .where('p.id', 'in', ids)
              .where('d.year', '=', t.year)
              .where('u.bureau_id', 'in', under(bureauId))
              .orderBy('p.code')
              .execute();
      if (projects.length === 0 || projects.length !== ids.length)
        throw new TaskError(422, 'invalid_task', (m) => m.errors.projects, { field: 'scope.projectIds' });
      const byUnit = new Map<number, { documentId: number; codes: string[] }>();
      for (const p of projects) {
        const entry = byUnit.get(p.unit_id) ?? { documentId: p.document_id, codes: [] };
        entry.codes.push(p.code);
        byUnit.set(p.unit_id, entry);
      }
      const units = await trx
        .selectFrom('units')
        .select(['id', 'code'])
        .where('id', 'in', [...byUnit.keys()])
        .execute();
      await trx
        .insertInto('evaluation_assignments')
        .values(
          units.map((u) => ({
            task_id: id,
            unit_id: u.id,
            unit_code: u.code,
            document_id: byUnit.get(u.id)!.documentId,
            project_codes: JSON.stringify(byUnit.get(u.id)!.codes),
          })),
        )
        .execute();
    } else {
      const root = t.scope.kind === 'bureau' ? t.scope.bureauId : bureauId;
      await trx
        .insertInto('evaluation_assignments')
        .columns(['task_id', 'unit_id', 'unit_code', 'document_id'])
        .expression((eb) =>
          eb
            .selectFrom('units as u')
            .leftJoin('documents as d', (j) => j.onRef('d.unit_id', '=', 'u.id').on('d.year', '=', t.year))
            .select((e) => [e.val(id).as('task_id'), 'u.id', 'u.code', 'd.id'])
            .where('u.bureau_id', 'in', under(root)),
        )
        .execute();
    }
    const { n } = await trx
      .selectFrom('evaluation_assignments')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('task_id', '=', id)
      .executeTakeFirstOrThrow();
    const assigned = Number(n);
    if (assigned === 0) throw new TaskError(422, 'invalid_task', (m) => m.errors.noUnits, { field: 'scope' });
    const row = await trx.updateTable('evaluation_tasks').set({ assigned }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    const task = toTask(row);
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'evaluationTask',
      entityId: id,
      after: { title, year: t.year, deadline: t.deadline, scope: t.scope, assigned },
    });
    return task;
  });
}

export async function readTask(db: Db, id: number): Promise<Task | undefined> {
  const r = await db.selectFrom('evaluation_tasks').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toTask(r);
}

/** Where each state stands, and how many owe their self-evaluation past the deadline (`today` YYYY-MM-DD). */
export async function taskCounts(db: Db, task: Task, today: string): Promise<TaskCounts> {
  const rows = await db
    .selectFrom('evaluation_assignments')
    .select(['state', (e) => e.fn.countAll<number>().as('n')])
    .where('task_id', '=', task.id)
    .groupBy('state')
    .execute();
  const counts: TaskCounts = { notStarted: 0, inProgress: 0, submitted: 0, returned: 0, accepted: 0, late: 0 };
  for (const r of rows) counts[r.state] = Number(r.n);
  if (task.deadline < today) counts.late = OPEN_STATES.reduce((sum, s) => sum + counts[s], 0);
  return counts;
}

const NEWEST_FIRST: KeysetOrder = { name: 'tasks', keys: [{ column: 't.id', direction: 'desc', type: 'int' }] };

/** The tasks of the bureaus in `bureauIds` (null: all), newest first. */
export async function listTasks(
  db: Db,
  bureauIds: readonly number[] | null,
  page: PageRequest,
): Promise<Page<Task> & { total: Total | null }> {
  let q = db.selectFrom('evaluation_tasks as t').selectAll('t');
  if (bureauIds !== null) q = q.where('t.bureau_id', 'in', bureauIds.length > 0 ? [...bureauIds] : [-1]);
  const [rows, total] = await Promise.all([keysetQuery(q, NEWEST_FIRST, page).execute(), firstPageTotal(db, page, q)]);
  return { ...pageOf(NEWEST_FIRST, page, rows, toTask), total };
}

const BY_UNIT_CODE: KeysetOrder = {
  name: 'assignments',
  keys: [
    { column: 'a.unit_code', direction: 'asc', type: 'text' },
    { column: 'a.id', direction: 'asc', type: 'int' },
  ],
};

const toAssignment = (r: {
  id: number;
  task_id: number;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  project_codes: unknown;
  state: AssignmentState;
  document_id: number | null;
  self_score: string | null;
  self_grade: Grade | null;
  submitted_at: Date | null;
  review_comment: string;
  reviewed_by_name: string | null;
  reviewed_at: Date | null;
  version: number;
}): Assignment => ({
  id: r.id,
  taskId: r.task_id,
  unitId: r.unit_id,
  unitCode: r.unit_code,
  unitName: r.unit_name,
  projectCodes: (r.project_codes as string[] | null) ?? null,
  state: r.state,
  documentId: r.document_id,
  selfScore: r.self_score,
  selfGrade: r.self_grade,
  submittedAt: r.submitted_at,
  reviewComment: r.review_comment,
  reviewedByName: r.reviewed_by_name,
  reviewedAt: r.reviewed_at,
  version: r.version,
});

const assignmentsWithUnits = (db: Db) =>
  db.selectFrom('evaluation_assignments as a').innerJoin('units as u', 'u.id', 'a.unit_id').selectAll('a').select('u.name as unit_name');

/**
 * A task's assignments by unit code, a page at a time: all, those in one state, or (`late`) those
 * still owed after the deadline — each an index range of (task_id, state, unit_code, id).
 */
export async function listAssignments(
  db: Db,
  task: Task,
  filter: { state?: AssignmentState; late?: boolean },
  today: string,
  page: PageRequest,
): Promise<Page<Assignment> & { total: Total | null }> {
  let q = assignmentsWithUnits(db).where('a.task_id', '=', task.id);
  if (filter.state !== undefined) q = q.where('a.state', '=', filter.state);
  if (filter.late) q = task.deadline < today ? q.where('a.state', 'in', [...OPEN_STATES]) : q.where(sql<boolean>`false`);
  const [rows, total] = await Promise.all([keysetQuery(q, BY_UNIT_CODE, page).execute(), firstPageTotal(db, page, q)]);
  return { ...pageOf(BY_UNIT_CODE, page, rows, toAssignment), total };
}

export async function readAssignment(db: Db, id: number): Promise<Assignment | undefined> {
  const r = await assignmentsWithUnits(db).where('a.id', '=', id).executeTakeFirst();
  return r && toAssignment(r);
}

const UNIT_NEWEST_FIRST: KeysetOrder = { name: 'unit-assignments', keys: [{ column: 'a.id', direction: 'desc', type: 'int' }] };

/** A unit's assignments, newest task first, with their tasks. */
export async function unitAssignments(db: Db, unitId: number, page: PageRequest): Promise<Page<UnitAssignment> & { total: Total | null }> {
  const q = assignmentsWithUnits(db)
    .innerJoin('evaluation_tasks as t', 't.id', 'a.task_id')
    .select(['t.title', 't.year', 't.deadline'])
    .where('a.unit_id', '=', unitId);
  const [rows, total] = await Promise.all([keysetQuery(q, UNIT_NEWEST_FIRST, page).execute(), firstPageTotal(db, page, q)]);
  return {
    ...pageOf(UNIT_NEWEST_FIRST, page, rows, (r) => ({ ...toAssignment(r), title: r.title, year: r.year, deadline: r.deadline })),
    total,
  };
}

/** A unit's assignments it still owes (for its reminders), with their tasks: few per unit, by the (unit_id, id) index. */
export async function openUnitAssignments(db: Db, unitId: number): Promise<UnitAssignment[]> {
  const rows = await assignmentsWithUnits(db)
    .innerJoin('evaluation_tasks as t', 't.id', 'a.task_id')
    .select(['t.title', 't.year', 't.deadline'])
    .where('a.unit_id', '=', unitId)
    .where('a.state', 'in', [...OPEN_STATES])
    .orderBy('t.deadline')
    .orderBy('a.id')
    .limit(100)
    .execute();
  return rows.map((r) => ({ ...toAssignment(r), title: r.title, year: r.year, deadline: r.deadline }));
}

export async function taskOr404(db: Db, id: number): Promise<Task> {
  const task = await readTask(db, id);
  if (!task) throw new NotFoundError('evaluationTask', id);
  return task;
}
