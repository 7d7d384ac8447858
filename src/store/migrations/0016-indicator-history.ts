/**
 * What issue 15's history and suggestions read, kept on write so that neither reads a whole table
 * of a province's ≥ 3 million indicator rows (../library/refresh.ts keeps them):
 *
 * - `family_key` on every indicator row (and department row): the core's family of its measure
 *   (core/library/family-key.ts), computed by the store on every write and backfilled here;
 * - `library_documents`: the approved and published documents history is made of, with the version
 *   and status they were taken in at, so a write that changes neither costs one lookup;
 * - `library_projects` and `library_project_pairs`: their projects, and an inverted index of the
 *   character pairs of the projects' names (core pairsOf), newest year first within a pair, which
 *   a suggestion's candidates are read from, a bounded number per pair;
 * - `library_document_values`: each document's targets per family, counted by value and relation;
 * - `library_family_values`, `library_family_units`, `library_families`: the same summed over all
 *   (scope 'all': approved and published) and over published documents only (scope 'published',
 *   the public portal's), with the units using each family, so a review's peer range per family
 *   and the portal's comparison read a few dozen rows.
 */
import { sql, type Kysely } from 'kysely';
import { familyKey } from '../../core/library/family-key.ts';
import type { Indicator } from '../../core/model/document.ts';
import { parseTargetValue } from '../../core/target-value/parse.ts';
import { rebuildLibrary } from '../library/refresh.ts';
import type { Database } from '../schema.ts';

const statements = [
  sql`ALTER TABLE indicators ADD COLUMN family_key text`,
  sql`ALTER TABLE department_indicators ADD COLUMN family_key text`,

  sql`CREATE TABLE library_documents (
    document_id bigint PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    unit_id bigint NOT NULL,
    status text NOT NULL,
    version integer NOT NULL
  )`,
  sql`CREATE TABLE library_projects (
    project_id bigint PRIMARY KEY,
    document_id bigint NOT NULL REFERENCES library_documents (document_id) ON DELETE CASCADE,
    unit_id bigint NOT NULL,
    year integer NOT NULL,
    status text NOT NULL,
    name text NOT NULL,
    category text,
    field text
  )`,
  sql`CREATE INDEX library_projects_document ON library_projects (document_id)`,
  // A free query's or a project's peers by 分类 and field, newest first.
  sql`CREATE INDEX library_projects_field ON library_projects (field, year DESC, project_id)`,
  sql`CREATE INDEX library_projects_field_category ON library_projects (field, category, year DESC, project_id)`,
  sql`CREATE INDEX library_projects_category ON library_projects (category, year DESC, project_id)`,
  sql`CREATE TABLE library_project_pairs (
    pair text NOT NULL,
    year integer NOT NULL,
    project_id bigint NOT NULL REFERENCES library_projects (project_id) ON DELETE CASCADE,
    PRIMARY KEY (pair, year, project_id)
  )`,
  sql`CREATE INDEX library_project_pairs_project ON library_project_pairs (project_id)`,

  // value: the target's number as text ('' for none); operator ('' for none); grade ('' for none).
  sql`CREATE TABLE library_document_values (
    document_id bigint NOT NULL REFERENCES library_documents (document_id) ON DELETE CASCADE,
    unit_id bigint NOT NULL,
    published boolean NOT NULL,
    family_key text NOT NULL,
    value text NOT NULL,
    operator text NOT NULL,
    grade text NOT NULL,
    uses integer NOT NULL,
    PRIMARY KEY (document_id, family_key, value, operator, grade)
  )`,
  // A unit's own targets of a family, left out of its peer range.
  sql`CREATE INDEX library_document_values_unit ON library_document_values (unit_id, family_key)`,
  // Uses per family and value (value '' and grade '': no number, no grade — an empty or unreadable target).
  sql`CREATE TABLE library_family_values (
    scope text NOT NULL CHECK (scope IN ('all', 'published')),
    family_key text NOT NULL,
    value text NOT NULL,
    operator text NOT NULL,
    grade text NOT NULL,
    uses integer NOT NULL,
    PRIMARY KEY (scope, family_key, value, operator, grade)
  )`,
  // Units with a numeric target of the family.
  sql`CREATE TABLE library_family_units (
    scope text NOT NULL,
    family_key text NOT NULL,
    unit_id bigint NOT NULL,
    uses integer NOT NULL,
    PRIMARY KEY (scope, family_key, unit_id)
  )`,
  // Per family: its rows (whatever their targets: what families are ranked by) and the units with a number.
  sql`CREATE TABLE library_families (
    scope text NOT NULL,
    family_key text NOT NULL,
    uses integer NOT NULL,
    units integer NOT NULL,
    PRIMARY KEY (scope, family_key)
  )`,
];

interface KeyColumns {
  level2: string;
  level3: string;
  description: string;
  target: string;
  measure_unit: string | null;
}

/** The family key of a stored row, as the store computes it on write (../documents/content.ts). */
export const storedFamilyKey = (r: KeyColumns): string | null =>
  familyKey(
    {
      level2: r.level2,
      level3: r.level3,
      description: r.description,
      target: r.target,
      ...(r.measure_unit === null ? {} : { measureUnit: r.measure_unit }),
    } as Indicator,
    parseTargetValue(r.target),
  );

const BATCH = 5000;

export async function up(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as unknown as Kysely<Database>;
  for (const statement of statements) await statement.execute(db);
  await backfillFamilyKeys(db);
  // A family's rows (a review's and the portal's peers).
  await sql`CREATE INDEX indicators_family ON indicators (family_key, project_id) WHERE family_key IS NOT NULL`.execute(db);
  await rebuildLibrary(db);
}

/** Every stored row's family key, in batches (by id; by document and position), so that a province's rows are never held at once. */
export async function backfillFamilyKeys(db: Kysely<Database>): Promise<void> {
  for (let after = 0; ; ) {
    const rows = await db
      .selectFrom('indicators')
      .select(['id', 'level2', 'level3', 'description', 'target', 'measure_unit'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    await sql`UPDATE indicators i SET family_key = k.key
      FROM unnest(${rows.map((r) => r.id)}::bigint[], ${rows.map(storedFamilyKey)}::text[]) AS k(id, key)
      WHERE i.id = k.id`.execute(db);
  }
  for (let after = [0, -1]; ; ) {
    const rows = await db
      .selectFrom('department_indicators')
      .select(['document_id', 'position', 'level2', 'level3', 'description', 'target', 'measure_unit'])
      .where(sql<boolean>`(document_id, position) > (${after[0]}, ${after[1]})`)
      .orderBy('document_id')
      .orderBy('position')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    after = [rows.at(-1)!.document_id, rows.at(-1)!.position];
    await sql`UPDATE department_indicators i SET family_key = k.key
      FROM unnest(${rows.map((r) => r.document_id)}::bigint[], ${rows.map((r) => r.position)}::int[],
        ${rows.map(storedFamilyKey)}::text[]) AS k(document_id, position, key)
      WHERE i.document_id = k.document_id AND i.position = k.position`.execute(db);
  }
}
