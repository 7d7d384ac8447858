/**
 * Importing actuals (a file of payments and values, read by src/formats/actuals) into a document:
 * first a plan — what the file adds, what it changes, what it repeats — then the commit, all of it
 * in one transaction or none of it.
 *
 * A record of the file at a place (project or row, and date) that already holds a stored record
 * changes that record: its figure, and each note field the file fills in (an empty cell keeps what
 * was stored; 不适用 can be set, not cleared). The preview lists every such change with the value it
 * replaces, and the audit entry of the commit keeps them all.
 */
import type { Kysely } from 'kysely';
import type { Actuals, EvaluationNote, MonitoringNote } from '../../core/actuals/actuals.ts';
import { sameAmount } from '../../core/model/decimal.ts';
import { recordAudit, type Actor } from '../audit.ts';
import { documentMeta, readDocument } from '../documents/read.ts';
import { InvalidStateError, NotFoundError } from '../errors.ts';
import type { Database, Db } from '../schema.ts';
import type { LiveProject } from './anchors.ts';
import { MONITORED } from './derived.ts';
import { ActualsError } from './errors.ts';
import { documentRecords, monitoringNoteColumns, TABLE_OF, type ActualsKind, type ActualsTable, type DocumentRecords } from './records.ts';
import { checkAmount, checkDate, closeRecording, indicatorAt, notApplicableColumns, openForRecording, type KindColumns } from './write.ts';

/**
 * The columns of a record of any kind, each with its column's type: an import builds them per
 * kind, then compares, merges and writes them alike.
 */
type Columns = Partial<KindColumns<'spending'> & KindColumns<'values'> & KindColumns<'monitoringNotes'> & KindColumns<'evaluationNotes'>>;

/** A stored record the import changes, with what it was and what it becomes (the record's fields). */
export interface ImportChange {
  kind: ActualsKind;
  projectCode: string;
  index: number | null;
  date: string | null;
  before: DocumentRecords[ActualsKind][number];
  after: Record<string, unknown>;
}

/** Column names as the API names the record's fields. */
function fieldsOf(columns: Columns): Record<string, unknown> {
  const { cause_category, cause_text, expected_year_end, not_applicable, not_applicable_reason, grade_percent, adjusted_budget, ...rest } =
    columns;
  const out: Record<string, unknown> = { ...rest };
  if ('cause_category' in columns) out.cause = cause_category === null ? null : { category: cause_category, text: cause_text };
  if ('expected_year_end' in columns) out.expectedYearEnd = expected_year_end;
  if ('not_applicable' in columns) out.notApplicable = not_applicable;
  if ('not_applicable_reason' in columns) out.notApplicableReason = not_applicable_reason;
  if ('grade_percent' in columns) out.gradePercent = grade_percent;
  if ('adjusted_budget' in columns) out.adjustedBudget = adjusted_budget;
  return out;
}

export interface ImportPlan {
  /** Records the file holds, per kind (notes at the same place and date merged). */
  counts: Record<ActualsKind, number>;
  created: number;
  changed: ImportChange[];
  unchanged: number;
}

interface Operation {
  kind: ActualsKind;
  insert?: Columns & { project_id: number; project_code: string };
  update?: { id: number; version: number; set: Columns };
}

const invalid = ActualsError.invalid;
const where = (code: string, index: number | null) => (index === null ? code : `${code} #${index}`);

/** Fills `base` with the fields of `over` that say something: non-empty text, non-null values, a true flag. */
function overlay(base: Columns, over: Columns): Columns {
  const said = Object.entries(over).filter(([, v]) => v !== null && v !== '' && v !== false);
  return { ...base, ...Object.fromEntries(said) };
}

/** Amounts compare as numbers: "5" repeats "5.00". */
const AMOUNTS = new Set(['cumulative', 'points', 'grade_percent', 'adjusted_budget']);

const sameColumns = (a: Columns, b: Columns) =>
  Object.entries(b).every(([k, y]) => {
    const x: unknown = Object.entries(a).find(([key]) => key === k)?.[1];
    return AMOUNTS.has(k) && typeof x === 'string' && typeof y === 'string' ? sameAmount(x, y) : x === y;
  });

/** The stored columns of a record, in the shape of `after`, for comparison. */
function storedColumns(kind: ActualsKind, r: DocumentRecords[ActualsKind][number]): Columns {
  switch (kind) {
    case 'spending': {
      const s = r as DocumentRecords['spending'][number];
      return { cumulative: s.cumulative, note: s.note };
    }
    case 'values': {
      const v = r as DocumentRecords['values'][number];
      return { value: v.value, note: v.note };
    }
    case 'monitoringNotes': {
      return monitoringNoteColumns(r as DocumentRecords['monitoringNotes'][number]);
    }
    default: {
      const e = r as DocumentRecords['evaluationNotes'][number];
      return {
        ...notApplicableColumns(e, ''),
        analysis: e.analysis,
        points: e.points,
        grade_percent: e.gradePercent,
        adjusted_budget: e.adjustedBudget,
        results: e.results,
      };
    }
  }
}

/**
 * Checks an import against the document as it is now and works out what it does. Throws an
 * ActualsError naming the project, row and date of the first thing that does not fit.
 */
async function plan(db: Db, documentId: number, year: number, projects: readonly LiveProject[], actuals: Actuals) {
  const stored = await documentRecords(db, documentId, projects);
  const byCode = new Map<string, LiveProject | null>();
  for (const p of projects) byCode.set(p.code, byCode.has(p.code) ? null : p);

  /** Incoming records by place, merged; each with where it goes. */
  const incoming = new Map<
    string,
    { kind: ActualsKind; project: LiveProject; index: number | null; date: string | null; columns: Columns }
  >();
  const add = (kind: ActualsKind, project: LiveProject, index: number | null, date: string | null, columns: Columns, merge: boolean) => {
    const key = `${kind}\u0001${project.id}\u0001${index ?? ''}\u0001${date ?? ''}`;
    const earlier = incoming.get(key);
    if (earlier && !merge) throw invalid('duplicate', (m) => m.duplicate(where(project.code, index), date ?? ''));
    if (earlier) earlier.columns = overlay(earlier.columns, columns);
    else incoming.set(key, { kind, project, index, date, columns });
  };
  const anchor = (project: LiveProject, index: number | null) => {
    if (index === null) return { indicator_index: null };
    const indicator = indicatorAt(project, index);
    return {
      indicator_id: indicator.id,
      indicator_index: index,
      indicator_description: indicator.description,
      indicator_target: indicator.target,
    };
  };

  for (const pa of actuals.projects) {
    const project = byCode.get(pa.projectCode);
    if (project === undefined) throw invalid('unknown_project', (m) => m.unknownProject(pa.projectCode));
    if (project === null) throw invalid('ambiguous_project', (m) => m.ambiguousProject(pa.projectCode));
    for (const s of pa.spending) {
      checkDate(s.date, year, project.code);
      add('spending', project, null, s.date, { cumulative: checkAmount(s.cumulative, project.code, 'cumulative'), note: s.note }, false);
    }
    for (const v of pa.values) {
      checkDate(v.date, year, where(project.code, v.index));
      if (v.value.trim() === '') throw invalid('nothing_recorded', (m) => m.nothingRecorded(where(project.code, v.index)));
      add('values', project, v.index, v.date, { ...anchor(project, v.index), value: v.value.trim(), note: v.note }, false);
    }
    for (const n of pa.monitoring as MonitoringNote[]) {
      checkDate(n.date, year, where(project.code, n.index));
      add(
        'monitoringNotes',
        project,
        n.index,
        n.date,
        {
          ...anchor(project, n.index),
          cause_category: n.cause?.category ?? null,
          cause_text: n.cause?.text ?? '',
          likelihood: n.likelihood,
          measure: n.measure,
          expected_year_end: n.expectedYearEnd,
        },
        true,
      );
    }
    const evaluation: EvaluationNote[] = [...pa.evaluation];
    if (pa.adjustedBudget !== null || pa.results.trim() !== '')
      evaluation.push({ index: null, notApplicable: false, notApplicableReason: '', analysis: '', points: null, gradePercent: null });
    for (const e of evaluation) {
      const at = where(project.code, e.index);
      add(
        'evaluationNotes',
        project,
        e.index,
        null,
        {
          ...anchor(project, e.index),
          ...notApplicableColumns(e, at),
          analysis: e.analysis,
          points: e.points === null ? null : checkAmount(e.points, at, 'points'),
          grade_percent: e.gradePercent === null ? null : checkAmount(e.gradePercent, at, 'gradePercent', 100),
          ...(e.index === null
            ? {
                adjusted_budget: pa.adjustedBudget === null ? null : checkAmount(pa.adjustedBudget, at, 'adjustedBudget'),
                results: pa.results,
              }
            : {}),
        },
        true,
      );
    }
  }

  // Stored records by the same keys (orphans have no place, so an import never touches them).
  const storedAt = new Map<string, DocumentRecords[ActualsKind][number]>();
  for (const kind of ['spending', 'values', 'monitoringNotes', 'evaluationNotes'] as const)
    for (const r of stored[kind] as Array<DocumentRecords[ActualsKind][number] & { index?: number | null; date?: string }>)
      if (!r.orphaned) storedAt.set(`${kind}\u0001${r.projectId}\u0001${r.index ?? ''}\u0001${r.date ?? ''}`, r);

  const result: ImportPlan = {
    counts: { spending: 0, values: 0, monitoringNotes: 0, evaluationNotes: 0 },
    created: 0,
    changed: [],
    unchanged: 0,
  };
  const operations: Operation[] = [];
  for (const [key, x] of incoming) {
    result.counts[x.kind]++;
    const before = storedAt.get(key);
    if (!before) {
      result.created++;
      operations.push({
        kind: x.kind,
        insert: { project_id: x.project.id, project_code: x.project.code, ...(x.date === null ? {} : { date: x.date }), ...x.columns },
      });
      continue;
    }
    const current = storedColumns(x.kind, before);
    const { indicator_id: _i, indicator_index: _x, indicator_description: _d, indicator_target: _t, ...fields } = x.columns;
    const after = overlay(current, fields);
    if (sameColumns(current, after)) result.unchanged++;
    else {
      result.changed.push({ kind: x.kind, projectCode: x.project.code, index: x.index, date: x.date, before, after: fieldsOf(after) });
      operations.push({ kind: x.kind, update: { id: before.id, version: before.version, set: after } });
    }
  }
  return { result, operations };
}

async function liveDocument(db: Db, documentId: number) {
  const meta = await documentMeta(db, documentId);
  if (!meta) throw new NotFoundError('document', documentId);
  return { meta, projects: (await readDocument(db, documentId))!.projects };
}

/** What importing `actuals` into the document would do; nothing is written. */
export async function previewImport(db: Kysely<Database>, documentId: number, actuals: Actuals): Promise<ImportPlan> {
  const { meta, projects } = await liveDocument(db, documentId);
  if (!MONITORED.includes(meta.status)) throw new InvalidStateError(documentId, meta.status, 'record');
  const state = await db
    .selectFrom('document_actuals_state')
    .select('evaluation_published_at')
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  if (state?.evaluation_published_at) throw new ActualsError('closed', 'evaluation_published', (m) => m.evaluationPublished);
  return (await plan(db, documentId, meta.year, projects, actuals)).result;
}

/** Imports `actuals` into the document: every record, or (on any error) none. */
export async function commitImport(
  store: Kysely<Database>,
  actor: Actor,
  documentId: number,
  actuals: Actuals,
): Promise<ImportPlan & { revision: number }> {
  return store.transaction().execute(async (trx) => {
    const open = await openForRecording(trx, documentId);
    const { result, operations } = await plan(trx, documentId, open.meta.year, open.projects, actuals);
    for (const op of operations) {
      const table: ActualsTable = TABLE_OF[op.kind];
      if (op.insert)
        await trx
          .insertInto(table)
          .values({ document_id: documentId, recorded_by: actor.id, recorded_by_name: actor.name, ...op.insert })
          .execute();
      else if (op.update)
        await trx
          .updateTable(table)
          .set({ ...op.update.set, version: op.update.version + 1, updated_at: new Date() })
          .where('id', '=', op.update.id)
          .execute();
    }
    await recordAudit(trx, actor, {
      action: 'import',
      entity: 'actuals',
      entityId: documentId,
      documentId,
      after: { counts: result.counts, created: result.created, unchanged: result.unchanged, changed: result.changed },
    });
    return { ...result, revision: await closeRecording(open) };
  });
}
