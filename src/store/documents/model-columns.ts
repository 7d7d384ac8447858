/**
 * Where the model's optional fields — the columns only some provinces' forms print — are stored:
 * one database column each, named after the model property (measureUnit → measure_unit). The
 * indicator's come from the column descriptor (core/model/indicator-columns.ts), so a column added
 * there needs only its migration here. A null column reads back as an absent property: a document
 * whose form has no such column reads back exactly as it was written. An empty text is stored as
 * null, as every table format reads an empty cell of such a column.
 */
import type { Indicator, Project } from '../../core/model/document.ts';
import { PROVINCIAL_INDICATOR_COLUMNS } from '../../core/model/indicator-columns.ts';
import { PROVINCIAL_PROJECT_FIELDS, type ProvincialProjectFieldId } from '../../core/model/project-fields.ts';
import { type SnakeCase as Snake, snakeCase as snake } from '../../core/text/snake-case.ts';

type OptionalKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? K : never }[keyof T];

/** The properties of an indicator row only some forms print. */
export type ProvincialIndicatorId = OptionalKeys<Indicator>;

/** The database columns they are stored in, as the store's schema types them. */
export type ProvincialIndicatorColumns = { [K in ProvincialIndicatorId as Snake<K>]: string | null };
export type ProvincialProjectColumns = { [K in ProvincialProjectFieldId as Snake<K>]: string | null };

const INDICATOR_MAP = PROVINCIAL_INDICATOR_COLUMNS.map(
  (c) => [c.id as ProvincialIndicatorId, snake(c.id as ProvincialIndicatorId)] as const,
);
const PROJECT_MAP = PROVINCIAL_PROJECT_FIELDS.map((id) => [id, snake(id)] as const);

/** The row's provincial columns (null where the model has none). */
export const provincialIndicatorColumns = (i: Indicator): ProvincialIndicatorColumns =>
  Object.fromEntries(INDICATOR_MAP.map(([id, column]) => [column, i[id] || null])) as ProvincialIndicatorColumns;

/** The model's provincial properties of a row read back: only those stored. */
export function provincialIndicatorFields(row: ProvincialIndicatorColumns): Pick<Indicator, ProvincialIndicatorId> {
  const out: Partial<Record<ProvincialIndicatorId, string>> = {};
  for (const [id, column] of INDICATOR_MAP) if (row[column] !== null) out[id] = row[column];
  return out;
}

export const provincialProjectColumns = (p: Project): ProvincialProjectColumns & { budget_medium_term: string | null } => ({
  ...(Object.fromEntries(PROJECT_MAP.map(([id, column]) => [column, p[id] || null])) as ProvincialProjectColumns),
  budget_medium_term: p.budget.mediumTerm ?? null,
});

export function provincialProjectFields(row: ProvincialProjectColumns): Pick<Project, ProvincialProjectFieldId> {
  const out: Partial<Record<ProvincialProjectFieldId, string>> = {};
  for (const [id, column] of PROJECT_MAP) if (row[column] !== null) out[id] = row[column];
  return out;
}
