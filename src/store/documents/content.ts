/**
 * A document's content as rows: 部门整体绩效目标 (department_items), projects and their fund
 * sources, spending plan, goals and indicators. Writes are set-based bulk inserts (a province's
 * import has thousands of projects); reads assemble the core model back, in order, with ids.
 */
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import { level1KindOf, level2KindOf } from '../../core/framework/framework.ts';
import { familyKey } from '../../core/library/family-key.ts';
import { halfWidthIndicator } from '../../core/model/half-width-indicator.ts';
import type { DepartmentGoals, Indicator, NumberedItem, Project, TargetDocument } from '../../core/model/document.ts';
import { parseTargetValue } from '../../core/target-value/parse.ts';
import type { Database, IndicatorColumns, NewIndicator } from '../schema.ts';
import {
  provincialIndicatorColumns,
  provincialIndicatorFields,
  provincialProjectColumns,
  provincialProjectFields,
} from './model-columns.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Rows per INSERT of department items (a multi-row VALUES list: well under PostgreSQL's 65,535 bind parameters). */
const CHUNK = 1000;
/** Rows per bulk INSERT: one JSON parameter each, so only memory bounds it. */
const BULK_CHUNK = 5000;

function* chunks<T>(items: readonly T[], size = CHUNK): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * A lone UTF-16 surrogate, which JSON.stringify writes as a \uD8xx escape that PostgreSQL's JSON
 * parser refuses. Bound as a text parameter it became U+FFFD (UTF-8 encoding), and still does.
 */
const LONE_SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;
const wellFormed = (_key: string, value: unknown) => (typeof value === 'string' ? Buffer.from(value).toString() : value);

/** The rows as one JSON text for json_populate_recordset. */
export function rowsJson(rows: readonly object[]): string {
  const json = JSON.stringify(rows);
  // Rare (only text that holds such an escape or a lone surrogate): the slower path then.
  return LONE_SURROGATE_ESCAPE.test(json) ? JSON.stringify(rows, wellFormed) : json;
}

/**
 * Inserts rows with one JSON parameter per statement, expanded by the database into the table's
 * own row type (json_populate_recordset), instead of a VALUES list of thousands of bind
 * parameters: PGlite and PostgreSQL parse, bind and plan one parameter far faster, and the
 * driver and query builder do per-row work once instead of per value. Every row names the same
 * columns (those of the first row); a column left out takes its default.
 */
export async function insertRows<T extends keyof Database>(db: Db, table: T, rows: ReadonlyArray<Insertable<Database[T]>>): Promise<void> {
  await insertRowsReturning(db, table, rows, []);
}

export async function insertRowsReturning<T extends keyof Database, R>(
  db: Db,
  table: T,
  rows: ReadonlyArray<Insertable<Database[T]>>,
  returning: readonly string[],
): Promise<R[]> {
  if (rows.length === 0) return [];
  const columns = sql.join(Object.keys(rows[0]!).map((c) => sql.ref(c)));
  const out: R[] = [];
  for (const chunk of chunks(rows, BULK_CHUNK)) {
    const result = await sql<R>`INSERT INTO ${sql.table(table)} (${columns})
      SELECT ${columns} FROM json_populate_recordset(NULL::${sql.table(table)}, ${rowsJson(chunk)}::json)
      ${returning.length > 0 ? sql`RETURNING ${sql.join(returning.map((c) => sql.ref(c)))}` : sql``}`.execute(db);
    out.push(...result.rows);
  }
  return out;
}

export interface StoredIndicator extends Indicator {
  id: number;
}
export interface StoredProject extends Omit<Project, 'indicators'> {
  id: number;
  indicators: StoredIndicator[];
  findingCounts: FindingCounts;
}
export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
}

/** An indicator as the model has it, from its row (a provincial column left null is no property). */
export const indicatorOf = (r: IndicatorColumns): Indicator => ({
  term: r.term,
  level1: r.level1,
  level2: r.level2,
  level3: r.level3,
  description: r.description,
  target: r.target,
  basis: r.basis,
  remark: r.remark,
  ...provincialIndicatorFields(r),
});

/** The row an indicator is stored as, kept in half-width (≥９５％ is stored ≥95%), with its derived, queryable reading. */
export function indicatorColumns(typed: Indicator): Insertable<IndicatorColumns> {
  const i = halfWidthIndicator(typed);
  const target = parseTargetValue(i.target);
  return {
    term: i.term,
    level1: i.level1,
    level2: i.level2,
    level3: i.level3,
    description: i.description,
    target: i.target,
    basis: i.basis,
    remark: i.remark,
    ...provincialIndicatorColumns(i),
    level1_kind: level1KindOf(i.level1),
    level2_kind: level2KindOf(i.level2),
    target_kind: target.kind,
    target_operator: target.kind === 'quantitative' ? target.operator : null,
    target_value: target.kind === 'quantitative' ? target.value : null,
    target_unit: target.kind === 'quantitative' ? target.unit : null,
    family_key: familyKey(i, target),
  };
}

export const indicatorRow = (projectId: number, position: number, typed: Indicator): NewIndicator => ({
  project_id: projectId,
  position,
  ...indicatorColumns(typed),
});

export async function insertIndicators(db: Db, rows: NewIndicator[]): Promise<void> {
  await insertRows(db, 'indicators', rows);
}

const NO_FINDINGS: FindingCounts = { error: 0, warning: 0, info: 0 };

/** A project's own columns (not its position, owner or finding counts). */
export const projectColumns = (p: Project) => ({
  code: p.code,
  name: p.name,
  unit_code_as_written: p.unit.code,
  unit_name_as_written: p.unit.name,
  amount_unit: p.amountUnit,
  budget_total: p.budget.total,
  budget_fiscal: p.budget.fiscal,
  budget_other: p.budget.other,
  use_of_funds: p.useOfFunds,
  department: p.department,
  attribute: p.attribute,
  period: p.period,
  ...provincialProjectColumns(p),
  indicator_count: p.indicators.length,
});

/**
 * Inserts projects at the given positions, with all their parts; returns their ids in order.
 * `findingCounts[i]`, when given, are the review's counts for `projects[i]`, stored with the row
 * (an import reviews first, so nothing is updated after).
 */
export async function insertProjects(
  db: Db,
  documentId: number,
  projects: readonly Project[],
  firstPosition = 0,
  findingCounts?: readonly FindingCounts[],
): Promise<number[]> {
  return insertPlacedProjects(
    db,
    projects.map((project, i) => ({ documentId, position: firstPosition + i, project, counts: findingCounts?.[i] ?? NO_FINDINGS })),
  );
}

/** A project to insert, where it goes, and its review's counts. */
export interface PlacedProject {
  documentId: number;
  position: number;
  project: Project;
  counts: FindingCounts;
}

/** Inserts projects of one document or of many (a bulk load), with all their parts; returns their ids in order. */
export async function insertPlacedProjects(db: Db, placed: readonly PlacedProject[]): Promise<number[]> {
  const inserted = await insertRowsReturning<'projects', { id: number; document_id: number; position: number }>(
    db,
    'projects',
    placed.map(({ documentId, position, project, counts }) => ({
      document_id: documentId,
      position,
      ...projectColumns(project),
      error_count: counts.error,
      warning_count: counts.warning,
      info_count: counts.info,
    })),
    ['id', 'document_id', 'position'],
  );
  const idOf = new Map(inserted.map((r) => [`${r.document_id}/${r.position}`, r.id]));
  const ids = placed.map((p) => idOf.get(`${p.documentId}/${p.position}`)!);
  await insertProjectParts(
    db,
    placed.map((p) => p.project),
    ids,
  );
  return ids;
}

/** The parts of each project (fund sources, plan, goals, indicators), for projects whose rows exist. */
export async function insertProjectParts(db: Db, projects: readonly Project[], ids: readonly number[]): Promise<void> {
  const sources = projects.flatMap((p, k) =>
    p.budget.sources.map((s, position) => ({ project_id: ids[k]!, position, name: s.name, amount: s.amount })),
  );
  const plan = projects.flatMap((p, k) =>
    p.spendingPlan.map((s, position) => ({
      project_id: ids[k]!,
      position,
      checkpoint: s.checkpoint,
      percent: s.percent,
    })),
  );
  const goals = projects.flatMap((p, k) => p.goals.map((g, position) => ({ project_id: ids[k]!, position, term: g.term, text: g.text })));
  await insertRows(db, 'fund_sources', sources);
  await insertRows(db, 'spending_checkpoints', plan);
  await insertRows(db, 'goals', goals);
  await insertIndicators(
    db,
    projects.flatMap((p, k) => p.indicators.map((i, position) => indicatorRow(ids[k]!, position, i))),
  );
}

/** Removes a project's parts (not the project row), before they are written anew. */
export async function deleteProjectParts(db: Db, projectId: number): Promise<void> {
  await db.deleteFrom('fund_sources').where('project_id', '=', projectId).execute();
  await db.deleteFrom('spending_checkpoints').where('project_id', '=', projectId).execute();
  await db.deleteFrom('goals').where('project_id', '=', projectId).execute();
  await db.deleteFrom('indicators').where('project_id', '=', projectId).execute();
}

/** The columns of a document's row that hold 部门整体绩效目标's own fields (the rest is in rows of their own). */
export function departmentColumns(department: DepartmentGoals | null) {
  const funds = department?.funds ?? null;
  return {
    has_department: department !== null,
    overall_goal: department?.overallGoal ?? '',
    funds_amount_unit: funds?.amountUnit ?? null,
    funds_total: funds?.total ?? null,
    funds_project: funds?.project ?? null,
    funds_basic: funds?.basic ?? null,
  };
}

/** Writes 部门整体绩效目标 (replacing what was there). */
export async function writeDepartment(db: Db, documentId: number, department: DepartmentGoals | null): Promise<void> {
  await db.deleteFrom('department_items').where('document_id', '=', documentId).execute();
  await db.deleteFrom('department_duties').where('document_id', '=', documentId).execute();
  await db.deleteFrom('department_indicators').where('document_id', '=', documentId).execute();
  await db.updateTable('documents').set(departmentColumns(department)).where('id', '=', documentId).execute();
  await insertDepartments(db, [{ documentId, department }]);
}

/** Inserts the rows of 部门整体绩效目标 of documents that have none yet (one document's, or a bulk load's many). */
export async function insertDepartments(
  db: Db,
  entries: ReadonlyArray<{ documentId: number; department: DepartmentGoals | null }>,
): Promise<void> {
  const present = entries.filter((e): e is { documentId: number; department: DepartmentGoals } => e.department !== null);
  await insertRows(
    db,
    'department_duties',
    present.flatMap(({ documentId, department }) =>
      (department.duties ?? []).map((d, position) => ({
        document_id: documentId,
        position,
        duty: d.duty,
        task: d.task,
        project_name: d.projectName,
        amount: d.amount,
      })),
    ),
  );
  await insertRows(
    db,
    'department_indicators',
    present.flatMap(({ documentId, department }) =>
      (department.indicators ?? []).map((i, position) => ({ document_id: documentId, position, ...indicatorColumns(i) })),
    ),
  );
  for (const section of ['subGoals', 'safeguards'] as const) {
    // One INSERT per nesting level; children find their parent's id by (document, parent, position).
    let level: Array<{ documentId: number; item: NumberedItem; parentId: number | null; position: number }> = present.flatMap(
      ({ documentId, department }) => department[section].map((item, position) => ({ documentId, item, parentId: null, position })),
    );
    while (level.length > 0) {
      const next: typeof level = [];
      for (const chunk of chunks(level)) {
        const rows = await db
          .insertInto('department_items')
          .values(
            chunk.map((l) => ({
              document_id: l.documentId,
              section,
              parent_id: l.parentId,
              position: l.position,
              label: l.item.label,
              text: l.item.text,
            })),
          )
          .returning(['id', 'document_id', 'parent_id', 'position'])
          .execute();
        const idOf = new Map(rows.map((r) => [`${r.document_id}/${r.parent_id}/${r.position}`, r.id]));
        for (const l of chunk) {
          const id = idOf.get(`${l.documentId}/${l.parentId}/${l.position}`)!;
          l.item.children.forEach((child, position) => next.push({ documentId: l.documentId, item: child, parentId: id, position }));
        }
      }
      level = next;
    }
  }
}

export async function readDepartment(db: Db, documentId: number): Promise<DepartmentGoals | null> {
  const doc = await db
    .selectFrom('documents')
    .select(['has_department', 'overall_goal', 'funds_amount_unit', 'funds_total', 'funds_project', 'funds_basic'])
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (!doc?.has_department) return null;
  const [rows, duties, indicators] = await Promise.all([
    db
      .selectFrom('department_items')
      .select(['id', 'section', 'parent_id', 'label', 'text'])
      .where('document_id', '=', documentId)
      .orderBy('section')
      .orderBy('parent_id')
      .orderBy('position')
      .execute(),
    db.selectFrom('department_duties').selectAll().where('document_id', '=', documentId).orderBy('position').execute(),
    db.selectFrom('department_indicators').selectAll().where('document_id', '=', documentId).orderBy('position').execute(),
  ]);
  const items = new Map<number, NumberedItem>();
  for (const r of rows) items.set(r.id, { label: r.label, text: r.text, children: [] });
  const department: DepartmentGoals = { overallGoal: doc.overall_goal, subGoals: [], safeguards: [] };
  for (const r of rows) {
    const item = items.get(r.id)!;
    if (r.parent_id === null) department[r.section].push(item);
    else items.get(r.parent_id)?.children.push(item);
  }
  // The 部门整体支出绩效目标表's parts, where the document has them (none is no property, as for the indicator's columns).
  if (doc.funds_amount_unit !== null)
    department.funds = { amountUnit: doc.funds_amount_unit, total: doc.funds_total, project: doc.funds_project, basic: doc.funds_basic };
  if (duties.length > 0)
    department.duties = duties.map((d) => ({ duty: d.duty, task: d.task, projectName: d.project_name, amount: d.amount }));
  if (indicators.length > 0) department.indicators = indicators.map(indicatorOf);
  return department;
}

/** Projects of a document (or only the given ones), in order, with ids and cached finding counts. */
export async function readProjects(db: Db, documentId: number, onlyIds?: readonly number[]): Promise<StoredProject[]> {
  let query = db.selectFrom('projects').selectAll().where('document_id', '=', documentId);
  if (onlyIds) query = query.where('id', 'in', onlyIds.length > 0 ? [...onlyIds] : [-1]);
  const rows = await query.orderBy('position').execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [sources, plan, goals, indicators] = await Promise.all([
    db
      .selectFrom('fund_sources')
      .select(['project_id', 'name', 'amount'])
      .where('project_id', 'in', ids)
      .orderBy('project_id')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('spending_checkpoints')
      .select(['project_id', 'checkpoint', 'percent'])
      .where('project_id', 'in', ids)
      .orderBy('project_id')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('goals')
      .select(['project_id', 'term', 'text'])
      .where('project_id', 'in', ids)
      .orderBy('project_id')
      .orderBy('position')
      .execute(),
    db.selectFrom('indicators').selectAll().where('project_id', 'in', ids).orderBy('project_id').orderBy('position').execute(),
  ]);
  const group = <R extends { project_id: number }>(list: R[]) => {
    const map = new Map<number, R[]>();
    for (const r of list) map.get(r.project_id)?.push(r) ?? map.set(r.project_id, [r]);
    return (id: number) => map.get(id) ?? [];
  };
  const sourcesOf = group(sources);
  const planOf = group(plan);
  const goalsOf = group(goals);
  const indicatorsOf = group(indicators);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    unit: { code: r.unit_code_as_written, name: r.unit_name_as_written },
    amountUnit: r.amount_unit,
    budget: {
      total: r.budget_total,
      fiscal: r.budget_fiscal,
      other: r.budget_other,
      sources: sourcesOf(r.id).map((s) => ({ name: s.name, amount: s.amount })),
      ...(r.budget_medium_term === null ? {} : { mediumTerm: r.budget_medium_term }),
    },
    useOfFunds: r.use_of_funds,
    spendingPlan: planOf(r.id).map((s) => ({ checkpoint: s.checkpoint, percent: s.percent })),
    goals: goalsOf(r.id).map((g) => ({ term: g.term, text: g.text })),
    indicators: indicatorsOf(r.id).map((i) => ({ id: i.id, ...indicatorOf(i) })),
    department: r.department,
    attribute: r.attribute,
    period: r.period,
    ...provincialProjectFields(r),
    findingCounts: { error: r.error_count, warning: r.warning_count, info: r.info_count },
  }));
}

/** Strips the storage ids: the core model as the review engine and exporters see it. */
export function toModelProject(p: StoredProject): Project {
  const { id: _id, findingCounts: _counts, indicators, ...rest } = p;
  return { ...rest, indicators: indicators.map(({ id: _i, ...indicator }) => indicator) };
}

export function toModelDocument(
  unit: { code: string | null; name: string },
  year: number,
  department: DepartmentGoals | null,
  projects: StoredProject[],
): TargetDocument {
  return { unit, year, department, projects: projects.map(toModelProject) };
}
