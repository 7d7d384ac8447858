/**
 * Reading a document's actuals: the stored records as the API shows them (each with its id,
 * version, who recorded it, and where it belongs now — see ./anchors.ts), and as the core's
 * `Actuals` that monitoring and self-evaluation compute on (orphans left out).
 */
import type { Actuals, CauseCategory, EvaluationNote, Likelihood, MonitoringNote, ProjectActuals } from '../../core/actuals/actuals.ts';
import { emptyProjectActuals } from '../../core/actuals/actuals.ts';
import { anchorResolver, type LiveProject, type Resolution } from './anchors.ts';
import type { Db } from '../schema.ts';

export type ActualsKind = 'spending' | 'values' | 'monitoringNotes' | 'evaluationNotes';
export const ACTUALS_KINDS: readonly ActualsKind[] = ['spending', 'values', 'monitoringNotes', 'evaluationNotes'];

export const TABLE_OF = {
  spending: 'actual_spending',
  values: 'actual_values',
  monitoringNotes: 'monitoring_notes',
  evaluationNotes: 'evaluation_notes',
} as const satisfies Record<ActualsKind, string>;
/** The table a kind's records are stored in. */
export type TableOf<K extends ActualsKind> = (typeof TABLE_OF)[K];
/**
 * Any kind's table: a statement written once for every kind names its table as this union, while
 * the columns it writes are the kind's own (KindColumns of ./write.ts).
 */
export type ActualsTable = TableOf<ActualsKind>;

/** The audit log's entity name of each kind. */
export const ENTITY_OF: Record<ActualsKind, string> = {
  spending: 'spendingEntry',
  values: 'indicatorValue',
  monitoringNotes: 'monitoringNote',
  evaluationNotes: 'evaluationNote',
};

interface RecordBase {
  id: number;
  /** Send it back in If-Match to change or delete the record. */
  version: number;
  /** The project it belongs to now; null when that project no longer exists. */
  projectId: number | null;
  projectCode: string;
  /** True when its project or indicator row no longer exists: kept, shown, not counted. */
  orphaned: boolean;
  recordedBy: string;
  recordedAt: Date;
  updatedAt: Date;
}
interface IndicatorRef {
  /** 1-based row of the project now (as recorded, for an orphan); null for the project itself. */
  index: number | null;
  indicatorId: number | null;
  /** The row's description (as recorded, for an orphan). */
  indicatorDescription: string;
}

export interface SpendingRecord extends RecordBase {
  date: string;
  /** Cumulative 万元 spent by the date. */
  cumulative: string;
  note: string;
}
export interface ValueRecord extends RecordBase, IndicatorRef {
  index: number;
  date: string;
  value: string;
  note: string;
}
export interface MonitoringNoteRecord extends RecordBase, IndicatorRef {
  date: string;
  cause: { category: CauseCategory; text: string } | null;
  likelihood: Likelihood | null;
  measure: string;
  expectedYearEnd: string;
}
/** The stored columns of a monitoring note's own fields. */
export const monitoringNoteColumns = (n: Pick<MonitoringNoteRecord, 'cause' | 'likelihood' | 'measure' | 'expectedYearEnd'>) => ({
  cause_category: n.cause?.category ?? null,
  cause_text: n.cause?.text ?? '',
  likelihood: n.likelihood,
  measure: n.measure,
  expected_year_end: n.expectedYearEnd,
});

export interface EvaluationNoteRecord extends RecordBase, IndicatorRef {
  notApplicable: boolean;
  notApplicableReason: string;
  analysis: string;
  points: string | null;
  gradePercent: string | null;
  /** 全年预算数 (project line only). */
  adjustedBudget: string | null;
  /** 实际完成情况 (project line only). */
  results: string;
}

export interface DocumentRecords {
  spending: SpendingRecord[];
  values: ValueRecord[];
  monitoringNotes: MonitoringNoteRecord[];
  evaluationNotes: EvaluationNoteRecord[];
}

type Row = Record<string, unknown> & {
  id: number;
  version: number;
  project_id: number;
  project_code: string;
  indicator_id?: number | null;
  indicator_index?: number | null;
  indicator_description?: string;
  recorded_by_name: string;
  recorded_at: Date;
  updated_at: Date;
};

function base(row: Row, r: Resolution): RecordBase {
  return {
    id: row.id,
    version: row.version,
    projectId: r.orphaned ? (r.project?.id ?? null) : r.project.id,
    projectCode: r.project?.code ?? row.project_code,
    orphaned: r.orphaned,
    recordedBy: row.recorded_by_name,
    recordedAt: row.recorded_at,
    updatedAt: row.updated_at,
  };
}

function indicatorRef(row: Row, r: Resolution): IndicatorRef {
  if (r.orphaned || r.index === null)
    return { index: row.indicator_index ?? null, indicatorId: null, indicatorDescription: row.indicator_description ?? '' };
  return { index: r.index, indicatorId: r.indicatorId, indicatorDescription: r.project.indicators[r.index - 1]!.description };
}

/** Turns stored rows of a kind into records, resolved against the document's projects as they are now. */
function recordsOf<K extends ActualsKind>(kind: K, rows: readonly Row[], resolve: (row: Row) => Resolution): DocumentRecords[K] {
  return rows.map((row) => {
    const r = resolve(row);
    const b = base(row, r);
    switch (kind) {
      case 'spending':
        return { ...b, date: row.date as string, cumulative: row.cumulative as string, note: row.note as string } satisfies SpendingRecord;
      case 'values':
        return { ...b, ...indicatorRef(row, r), date: row.date, value: row.value, note: row.note } as ValueRecord;
      case 'monitoringNotes':
        return {
          ...b,
          ...indicatorRef(row, r),
          date: row.date as string,
          cause: row.cause_category === null ? null : { category: row.cause_category as CauseCategory, text: row.cause_text as string },
          likelihood: row.likelihood as Likelihood | null,
          measure: row.measure as string,
          expectedYearEnd: row.expected_year_end as string,
        } satisfies MonitoringNoteRecord;
      default:
        return {
          ...b,
          ...indicatorRef(row, r),
          notApplicable: row.not_applicable as boolean,
          notApplicableReason: row.not_applicable_reason as string,
          analysis: row.analysis as string,
          points: row.points as string | null,
          gradePercent: row.grade_percent as string | null,
          adjustedBudget: row.adjusted_budget as string | null,
          results: row.results as string,
        } satisfies EvaluationNoteRecord;
    }
  }) as DocumentRecords[K];
}

/** Stored rows of one kind for a document (optionally a page of them), in a stable order. */
function rowsQuery(db: Db, kind: ActualsKind, documentId: number) {
  const table = TABLE_OF[kind];
  let q = db
    .selectFrom(table as 'actual_values')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('project_code');
  if (kind !== 'spending') q = q.orderBy('indicator_index', (o) => o.nullsFirst());
  if (kind !== 'evaluationNotes') q = q.orderBy('date');
  return q.orderBy('id');
}

/** Every record of a document, resolved against its projects as they are now. */
export async function documentRecords(db: Db, documentId: number, projects: readonly LiveProject[]): Promise<DocumentRecords> {
  const [spending, values, monitoringNotes, evaluationNotes] = await Promise.all(
    ACTUALS_KINDS.map((kind) => rowsQuery(db, kind, documentId).execute() as Promise<Row[]>),
  );
  const resolve = anchorResolver(projects, [...spending!, ...values!, ...monitoringNotes!, ...evaluationNotes!]);
  return {
    spending: recordsOf('spending', spending!, resolve),
    values: recordsOf('values', values!, resolve),
    monitoringNotes: recordsOf('monitoringNotes', monitoringNotes!, resolve),
    evaluationNotes: recordsOf('evaluationNotes', evaluationNotes!, resolve),
  };
}

export const orphanCount = (r: DocumentRecords): number =>
  ACTUALS_KINDS.reduce((n, kind) => n + (r[kind] as Array<{ orphaned: boolean }>).filter((x) => x.orphaned).length, 0);

/** The records as the core computes on: per project code, orphans left out. */
export function coreActuals(records: DocumentRecords): Actuals {
  const projects = new Map<string, ProjectActuals>();
  const of = (code: string) => {
    let p = projects.get(code);
    if (!p) projects.set(code, (p = emptyProjectActuals(code)));
    return p;
  };
  for (const s of records.spending)
    if (!s.orphaned) of(s.projectCode).spending.push({ date: s.date, cumulative: s.cumulative, note: s.note });
  for (const v of records.values)
    if (!v.orphaned) of(v.projectCode).values.push({ index: v.index, date: v.date, value: v.value, note: v.note });
  for (const n of records.monitoringNotes) {
    if (n.orphaned) continue;
    const note: MonitoringNote = {
      index: n.index,
      date: n.date,
      cause: n.cause,
      likelihood: n.likelihood,
      measure: n.measure,
      expectedYearEnd: n.expectedYearEnd,
    };
    of(n.projectCode).monitoring.push(note);
  }
  for (const e of records.evaluationNotes) {
    if (e.orphaned) continue;
    const p = of(e.projectCode);
    const note: EvaluationNote = {
      index: e.index,
      notApplicable: e.notApplicable,
      notApplicableReason: e.notApplicableReason,
      analysis: e.analysis,
      points: e.points,
      gradePercent: e.gradePercent,
    };
    p.evaluation.push(note);
    if (e.index === null) {
      p.adjustedBudget = e.adjustedBudget;
      p.results = e.results;
    }
  }
  return { projects: [...projects.values()] };
}
