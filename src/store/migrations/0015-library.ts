/**
 * The indicator library (指标库, issue 15): one row per entry, owned by a bureau (NULL: the national
 * library, the 财政部 framework), its core LibraryEntry's fields as columns so lists filter and page
 * on them. `code` is the entry's id in library files: unique within its owner. The audit log needs
 * nothing new: its document id is nullable and an entry is logged as entity "libraryEntry".
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`CREATE TABLE library_entries (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      bureau_id bigint REFERENCES bureaus (id),
      code text NOT NULL,
      level1 text NOT NULL,
      level2 text NOT NULL,
      level3 text NOT NULL,
      description text NOT NULL DEFAULT '',
      unit text,
      direction text CHECK (direction IN ('higher', 'lower', 'exact')),
      target text,
      explanation text,
      method text,
      data_source text,
      field text NOT NULL,
      source_kind text NOT NULL CHECK (source_kind IN ('framework', 'bureau', 'learned')),
      source_reference text,
      state text NOT NULL CHECK (state IN ('proposed', 'approved', 'refused', 'retired')),
      reason text,
      family_key text,
      proposed_by_unit_id bigint REFERENCES units (id),
      proposed_by_user_id bigint REFERENCES users (id),
      decided_by_user_id bigint REFERENCES users (id),
      decided_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      CHECK (state <> 'refused' OR reason IS NOT NULL)
    )`,
    // One code per owner; the national library (NULL) is owner 0 here, as NULLs never collide in a unique index.
    sql`CREATE UNIQUE INDEX library_entries_owner_code ON library_entries ((coalesce(bureau_id, 0)), code)`,
    // The list's filters then its order (newest first): a bureau's entries of a state and field, a state across bureaus, a field.
    sql`CREATE INDEX library_entries_bureau_state_field ON library_entries (bureau_id, state, field, id)`,
    sql`CREATE INDEX library_entries_state_id ON library_entries (state, id)`,
    sql`CREATE INDEX library_entries_field_id ON library_entries (field, id)`,
    sql`CREATE INDEX library_entries_family ON library_entries (family_key)`,
    // A unit's own applications.
    sql`CREATE INDEX library_entries_proposer ON library_entries (proposed_by_unit_id, id)`,
    // q: a substring of the wording (三级 or description), as the project-name search does.
    sql`CREATE INDEX library_entries_level3_trgm ON library_entries USING gin (level3 gin_trgm_ops)`,
  ])
    await statement.execute(db);
}
