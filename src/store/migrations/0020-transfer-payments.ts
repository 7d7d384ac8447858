/**
 * 转移支付区域绩效目标 (财预〔2015〕163号, docs/transfer-payments.md): a fund an upper bureau sets with
 * its regional targets (`transfer_funds`), what it issues to each lower bureau with the money
 * (`transfer_allocations`: the amount and that region's share of each target), and the projects a
 * lower bureau breaks its allocation down to (`transfer_breakdowns`, deleted with the project).
 * Indicators and shares are small arrays read and written whole with their row, hence jsonb.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE transfer_funds (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    bureau_id bigint NOT NULL REFERENCES bureaus (id),
    year integer NOT NULL,
    code text NOT NULL,
    name text NOT NULL,
    department text NOT NULL,
    amount numeric NOT NULL CHECK (amount >= 0),
    amount_central numeric CHECK (amount_central >= 0),
    amount_local numeric CHECK (amount_local >= 0),
    goal text NOT NULL,
    indicators jsonb NOT NULL,
    state text NOT NULL CHECK (state IN ('draft', 'issued')),
    version integer NOT NULL DEFAULT 1,
    issued_at timestamptz,
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (bureau_id, year, code)
  )`.execute(db);
  // The list pages newest year first, then by id.
  await sql`CREATE INDEX transfer_funds_bureau_list ON transfer_funds (bureau_id, year DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX transfer_funds_list ON transfer_funds (year DESC, id DESC)`.execute(db);
  await sql`CREATE TABLE transfer_allocations (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    fund_id bigint NOT NULL REFERENCES transfer_funds (id) ON DELETE CASCADE,
    bureau_id bigint NOT NULL REFERENCES bureaus (id),
    position integer NOT NULL,
    amount numeric NOT NULL CHECK (amount >= 0),
    targets jsonb NOT NULL,
    state text NOT NULL CHECK (state IN ('issued', 'accepted')),
    version integer NOT NULL DEFAULT 1,
    UNIQUE (fund_id, bureau_id)
  )`.execute(db);
  await sql`CREATE INDEX transfer_allocations_bureau ON transfer_allocations (bureau_id, fund_id)`.execute(db);
  await sql`CREATE TABLE transfer_breakdowns (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    allocation_id bigint NOT NULL REFERENCES transfer_allocations (id) ON DELETE CASCADE,
    project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    amount numeric NOT NULL CHECK (amount >= 0),
    mapping jsonb NOT NULL,
    version integer NOT NULL DEFAULT 1,
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (allocation_id, project_id)
  )`.execute(db);
  await sql`CREATE INDEX transfer_breakdowns_project ON transfer_breakdowns (project_id)`.execute(db);
}
