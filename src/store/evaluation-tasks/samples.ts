/**
 * 抽评: one draw per task from the self-evaluations accepted at that moment (the population, by
 * assignment id), with its seed and size recorded beside it, so that anyone can draw it again
 * (core/evaluation-tasks/sample.ts) and get the same assignments. Each drawn assignment gets a
 * re-check row where the bureau records its own score (its grade by the bureau's bands) and findings,
 * read beside the unit's submitted score and grade.
 */
import type { Kysely } from 'kysely';
import { drawSample, newSeed, SampleSizeError, sampleCount, type SampleSize } from '../../core/evaluation-tasks/sample.ts';
import { gradeOf, type Grade } from '../../core/evaluation/settings.ts';
import { ActualsError } from '../actuals/errors.ts';
import { recordAudit, type Actor } from '../audit.ts';
import { NotFoundError } from '../errors.ts';
import { firstPageTotal, keysetQuery, pageOf, type KeysetOrder, type Page, type PageRequest, type Total } from '../keyset.ts';
import type { Database, Db } from '../schema.ts';
import { effectiveSettings } from '../settings.ts';
import { TaskError } from './errors.ts';

export interface Sample {
  taskId: number;
  seed: string;
  size: SampleSize;
  population: number[];
  drawn: number;
  drawnAt: Date;
  drawnByName: string;
}

export interface Recheck {
  id: number;
  position: number;
  assignmentId: number;
  unitCode: string;
  unitName: string;
  documentId: number | null;
  selfScore: string | null;
  selfGrade: Grade | null;
  score: string | null;
  grade: Grade | null;
  findings: string;
  recheckedByName: string | null;
  recheckedAt: Date | null;
  version: number;
}

const MAX_SEED = 100;

/** Draws the task's sample; the caller has checked the reviewer. `expected` is the task's version (a stale one is 409). */
export async function drawTaskSample(
  db: Kysely<Database>,
  actor: Actor,
  taskId: number,
  expected: number,
  size: SampleSize,
  seed: string | undefined,
): Promise<Sample> {
  const chosen = seed?.trim() || newSeed();
  if (chosen.length > MAX_SEED) throw new TaskError(422, 'invalid_sample', (m) => m.errors.seed, { field: 'seed' });
  return db.transaction().execute(async (trx) => {
    const task = await trx.selectFrom('evaluation_tasks').select(['id', 'version']).where('id', '=', taskId).forUpdate().executeTakeFirst();
    if (!task) throw new NotFoundError('evaluationTask', taskId);
    if (task.version !== expected) throw ActualsError.stale('evaluationTask', taskId, task.version, expected);
    if (await trx.selectFrom('evaluation_samples').select('task_id').where('task_id', '=', taskId).executeTakeFirst())
      throw new TaskError(409, 'sample_exists', (m) => m.errors.sampleExists);
    const population = (
      await trx
        .selectFrom('evaluation_assignments')
        .select('id')
        .where('task_id', '=', taskId)
        .where('state', '=', 'accepted')
        .orderBy('id')
        .execute()
    ).map((r) => r.id);
    if (population.length === 0) throw new TaskError(422, 'empty_population', (m) => m.errors.emptyPopulation);
    let count: number;
    try {
      count = sampleCount(population.length, size);
    } catch (e) {
      if (!(e instanceof SampleSizeError)) throw e;
      const field = e.message;
      throw new TaskError(422, 'invalid_sample', (m) => m.errors.sampleSize(field), { field });
    }
    const drawn = drawSample(population, chosen, count);
    const drawnAt = new Date();
    await trx
      .insertInto('evaluation_samples')
      .values({
        task_id: taskId,
        seed: chosen,
        size: JSON.stringify(size),
        population: JSON.stringify(population),
        drawn_at: drawnAt,
        drawn_by_name: actor.name,
      })
      .execute();
    await trx
      .insertInto('evaluation_rechecks')
      .values(drawn.map((assignmentId, i) => ({ task_id: taskId, assignment_id: assignmentId, position: i + 1 })))
      .execute();
    await trx
      .updateTable('evaluation_tasks')
      .set({ version: task.version + 1 })
      .where('id', '=', taskId)
      .execute();
    const sample: Sample = { taskId, seed: chosen, size, population, drawn: drawn.length, drawnAt, drawnByName: actor.name };
    await recordAudit(trx, actor, {
      action: 'drawSample',
      entity: 'evaluationTask',
      entityId: taskId,
      before: { version: task.version },
      after: { seed: chosen, size, population: population.length, drawn },
    });
    return sample;
  });
}

export async function readSample(db: Db, taskId: number): Promise<Sample | null> {
  const r = await db.selectFrom('evaluation_samples').selectAll().where('task_id', '=', taskId).executeTakeFirst();
  if (!r) return null;
  const { n } = await db
    .selectFrom('evaluation_rechecks')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('task_id', '=', taskId)
    .executeTakeFirstOrThrow();
  return {
    taskId,
    seed: r.seed,
    size: r.size as SampleSize,
    population: r.population as number[],
    drawn: Number(n),
    drawnAt: r.drawn_at,
    drawnByName: r.drawn_by_name,
  };
}

const IN_DRAW_ORDER: KeysetOrder = {
  name: 'rechecks',
  keys: [
    { column: 'r.task_id', direction: 'asc', type: 'int' },
    { column: 'r.position', direction: 'asc', type: 'int' },
  ],
};

const rechecks = (db: Db) =>
  db
    .selectFrom('evaluation_rechecks as r')
    .innerJoin('evaluation_assignments as a', 'a.id', 'r.assignment_id')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .selectAll('r')
    .select(['a.unit_code', 'u.name as unit_name', 'a.document_id', 'a.self_score', 'a.self_grade']);

type RecheckRow = Awaited<ReturnType<ReturnType<typeof rechecks>['executeTakeFirstOrThrow']>>;
const toRecheck = (r: RecheckRow): Recheck => ({
  id: r.id,
  position: r.position,
  assignmentId: r.assignment_id,
  unitCode: r.unit_code,
  unitName: r.unit_name,
  documentId: r.document_id,
  selfScore: r.self_score,
  selfGrade: r.self_grade,
  score: r.score,
  grade: r.grade,
  findings: r.findings,
  recheckedByName: r.rechecked_by_name,
  recheckedAt: r.rechecked_at,
  version: r.version,
});

/** The drawn self-evaluations in the order drawn, with their re-checks, a page at a time. */
export async function listRechecks(db: Db, taskId: number, page: PageRequest): Promise<Page<Recheck> & { total: Total | null }> {
  const q = rechecks(db).where('r.task_id', '=', taskId);
  const [rows, total] = await Promise.all([keysetQuery(q, IN_DRAW_ORDER, page).execute(), firstPageTotal(db, page, q)]);
  return { ...pageOf(IN_DRAW_ORDER, page, rows, toRecheck), total };
}

export async function readRecheck(db: Db, id: number): Promise<(Recheck & { taskId: number }) | undefined> {
  const r = await rechecks(db).where('r.id', '=', id).executeTakeFirst();
  return r && { ...toRecheck(r), taskId: r.task_id };
}

const SCORE = /^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/;

/** Records the bureau's re-check of a drawn self-evaluation: its score (graded by the task bureau's bands) and findings. */
export async function saveRecheck(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  expected: number,
  recheck: { score: string; findings: string },
): Promise<Recheck> {
  const score = recheck.score.trim();
  if (!SCORE.test(score)) throw new TaskError(422, 'invalid_recheck', (m) => m.errors.score(score), { field: 'score' });
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('evaluation_rechecks as r')
      .innerJoin('evaluation_tasks as t', 't.id', 'r.task_id')
      .selectAll('r')
      .select('t.bureau_id')
      .where('r.id', '=', id)
      .forUpdate('r')
      .executeTakeFirst();
    if (!before) throw new NotFoundError('evaluationRecheck', id);
    if (before.version !== expected) throw ActualsError.stale('evaluationRecheck', id, before.version, expected);
    const settings = await effectiveSettings(trx, before.bureau_id);
    const grade = gradeOf(score, settings.evaluation.settings);
    const findings = recheck.findings.trim();
    await trx
      .updateTable('evaluation_rechecks')
      .set({ score, grade, findings, rechecked_by_name: actor.name, rechecked_at: new Date(), version: before.version + 1 })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'recheck',
      entity: 'evaluationRecheck',
      entityId: id,
      before: { score: before.score, grade: before.grade, findings: before.findings },
      after: { score: Number(score).toFixed(2), grade, findings },
    });
    return toRecheck((await rechecks(trx).where('r.id', '=', id).executeTakeFirstOrThrow()) as RecheckRow);
  });
}
