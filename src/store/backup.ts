/**
 * Backup and restore as a logical snapshot: every table read inside one REPEATABLE READ
 * transaction (one consistent point in time, while the server goes on serving), written as
 * gzipped JSON lines — a header with the schema version, then one line per row. Restoring goes
 * into an empty database of the same or a newer schema, in one transaction, and moves the
 * identity sequences past the restored ids.
 *
 * Sessions are not backed up: a restored system starts with everyone signed out.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { createGunzip, createGzip } from 'node:zlib';
import { sql, type Kysely, type Transaction } from 'kysely';
import { MAX_BACKUP_LINE_BYTES } from '../formats/limits.ts';
import { messages } from '../i18n/index.ts';
import { latestMigration } from './migrations/index.ts';
import type { Database } from './schema.ts';

export const BACKUP_FORMAT = 'jixiao-backup';

/**
 * The tables in an order where every row's references come before it, with their key columns
 * (for keyset paging) and whether `id` is an identity. A migration adding a table adds it here.
 */
export const BACKUP_TABLES: ReadonlyArray<{ name: string; key: readonly string[]; identity: boolean; json?: readonly string[] }> = [
  { name: 'bureaus', key: ['id'], identity: true },
  { name: 'bureau_tree', key: ['ancestor_id', 'descendant_id'], identity: false },
  { name: 'units', key: ['id'], identity: true },
  { name: 'users', key: ['id'], identity: true },
  { name: 'budget_years', key: ['year'], identity: false },
  { name: 'documents', key: ['id'], identity: true },
  { name: 'department_items', key: ['id'], identity: true },
  { name: 'department_duties', key: ['document_id', 'position'], identity: false },
  { name: 'department_indicators', key: ['document_id', 'position'], identity: false },
  { name: 'projects', key: ['id'], identity: true },
  { name: 'fund_sources', key: ['project_id', 'position'], identity: false },
  { name: 'spending_checkpoints', key: ['project_id', 'position'], identity: false },
  { name: 'goals', key: ['project_id', 'position'], identity: false },
  { name: 'indicators', key: ['id'], identity: true },
  { name: 'comments', key: ['id'], identity: true },
  { name: 'document_snapshots', key: ['document_id', 'version'], identity: false, json: ['content'] },
  { name: 'audit_log', key: ['id'], identity: true, json: ['before', 'after'] },
  { name: 'actual_spending', key: ['id'], identity: true },
  { name: 'actual_values', key: ['id'], identity: true },
  { name: 'monitoring_notes', key: ['id'], identity: true },
  { name: 'evaluation_notes', key: ['id'], identity: true },
  { name: 'document_actuals_state', key: ['document_id'], identity: false, json: ['evaluation_snapshot'] },
  { name: 'bureau_settings', key: ['bureau_id'], identity: false, json: ['monitoring', 'evaluation', 'review'] },
  { name: 'project_monitoring', key: ['project_id', 'valid_from'], identity: false },
  { name: 'project_evaluation', key: ['project_id'], identity: false },
  { name: 'document_rule_counts', key: ['document_id', 'rule_id', 'severity'], identity: false },
  { name: 'document_aggregates', key: ['document_id'], identity: false, json: ['rule_counts'] },
  { name: 'document_monitoring', key: ['document_id', 'valid_from'], identity: false },
  { name: 'bureau_year_totals', key: ['bureau_id', 'year', 'status'], identity: false },
  { name: 'bureau_rule_counts', key: ['bureau_id', 'year', 'rule_id', 'severity'], identity: false },
  { name: 'bureau_monitoring', key: ['bureau_id', 'year', 'status', 'valid_from'], identity: false },
  { name: 'derived_work', key: ['kind', 'target_id'], identity: false },
  { name: 'library_entries', key: ['id'], identity: true },
  { name: 'ex_ante_assessments', key: ['project_id'], identity: false, json: ['content'] },
  { name: 'adjustments', key: ['id'], identity: true, json: ['base_content', 'content'] },
  { name: 'evaluation_tasks', key: ['id'], identity: true, json: ['scope'] },
  { name: 'evaluation_assignments', key: ['id'], identity: true, json: ['project_codes'] },
  { name: 'evaluation_samples', key: ['task_id'], identity: false, json: ['size', 'population'] },
  { name: 'evaluation_rechecks', key: ['id'], identity: true },
  { name: 'transfer_funds', key: ['id'], identity: true, json: ['indicators'] },
  { name: 'transfer_allocations', key: ['id'], identity: true, json: ['targets'] },
  { name: 'transfer_breakdowns', key: ['id'], identity: true, json: ['mapping'] },
  { name: 'approval_notices', key: ['id'], identity: true },
  { name: 'approval_notice_documents', key: ['notice_id', 'document_id'], identity: false, json: ['content'] },
  { name: 'evaluations', key: ['id'], identity: true },
  { name: 'evaluation_assignees', key: ['evaluation_id', 'user_id'], identity: false },
  { name: 'evaluation_findings', key: ['id'], identity: true },
  { name: 'evaluation_reports', key: ['evaluation_id'], identity: false },
  { name: 'library_documents', key: ['document_id'], identity: false },
  { name: 'library_projects', key: ['project_id'], identity: false },
  { name: 'library_project_pairs', key: ['pair', 'year', 'project_id'], identity: false },
  { name: 'library_document_values', key: ['document_id', 'family_key', 'value', 'operator', 'grade'], identity: false },
  { name: 'library_family_values', key: ['scope', 'family_key', 'value', 'operator', 'grade'], identity: false },
  { name: 'library_family_units', key: ['scope', 'family_key', 'unit_id'], identity: false },
  { name: 'library_families', key: ['scope', 'family_key'], identity: false },
  { name: 'rectifications', key: ['id'], identity: true },
  { name: 'rectification_files', key: ['id'], identity: true },
];

const PAGE = 5000;

type Row = Record<string, unknown>;

/**
 * Writes the snapshot to `file` durably: into a partial file first, flushed to disk (fsync), then
 * renamed, so a crash or power cut leaves either the whole snapshot or none, never a torn one.
 */
export async function writeSnapshot(db: Kysely<Database>, file: string): Promise<number> {
  const partial = `${file}.partial`;
  try {
    const rows = await writeSnapshotTo(db, partial);
    const handle = await open(partial, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, file);
    return rows;
  } catch (e) {
    await rm(partial, { force: true });
    throw e;
  }
}

async function writeSnapshotTo(db: Kysely<Database>, file: string): Promise<number> {
  const gzip = createGzip();
  const out = createWriteStream(file, { mode: 0o600 });
  gzip.pipe(out);
  const write = async (line: unknown) => {
    if (!gzip.write(`${JSON.stringify(line)}\n`)) await once(gzip, 'drain');
  };
  let rows = 0;
  await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      await write({ format: BACKUP_FORMAT, version: 1, schema: latestMigration, createdAt: new Date().toISOString() });
      for (const t of BACKUP_TABLES)
        for await (const row of tableRows(trx, t.name, t.key)) {
          await write({ t: t.name, r: row });
          rows++;
        }
    });
  gzip.end();
  await once(out, 'close');
  return rows;
}

async function* tableRows(trx: Transaction<Database>, table: string, key: readonly string[]): AsyncGenerator<Row> {
  let last: unknown[] | undefined;
  const keys = sql.join(key.map((k) => sql.ref(k)));
  for (;;) {
    const after = last ? sql`where (${keys}) > (${sql.join(last.map((v) => sql`${v}`))})` : sql``;
    const page = await sql<Row>`select * from ${sql.table(table)} ${after} order by ${keys} limit ${PAGE}`.execute(trx);
    yield* page.rows;
    if (page.rows.length < PAGE) return;
    const lastRow = page.rows.at(-1)!;
    last = key.map((k) => lastRow[k]);
  }
}

export class RestoreError extends Error {
  override readonly name = 'RestoreError';
  constructor(
    readonly reason: 'not-empty' | 'bad-file' | 'newer-schema',
    detail: string,
  ) {
    super(detail);
  }
}

/** Restores a snapshot into an empty database (already migrated); all or nothing. */
export async function restoreSnapshot(db: Kysely<Database>, file: string): Promise<number> {
  const lines = linesOf(createReadStream(file).pipe(createGunzip()), MAX_BACKUP_LINE_BYTES);
  let rows = 0;
  try {
    await db.transaction().execute(async (trx) => {
      for (const t of BACKUP_TABLES) {
        const r = await sql<{ one: number }>`select 1 as one from ${sql.table(t.name)} limit 1`.execute(trx);
        if (r.rows.length > 0) throw new RestoreError('not-empty', t.name);
      }
      let header: { format?: string; schema?: string } | undefined;
      let batch: Row[] = [];
      let table: string | undefined;
      const flush = async () => {
        if (table && batch.length > 0) await insertRows(trx, table, batch);
        batch = [];
      };
      for await (const line of lines) {
        if (line === '') continue;
        const item = JSON.parse(line) as { t?: string; r?: Row; format?: string; schema?: string };
        if (!header) {
          if (item.format !== BACKUP_FORMAT) throw new RestoreError('bad-file', 'not a jixiao backup');
          if ((item.schema ?? '') > latestMigration) throw new RestoreError('newer-schema', item.schema!);
          header = item;
          continue;
        }
        if (!item.t || !item.r || !BACKUP_TABLES.some((x) => x.name === item.t)) throw new RestoreError('bad-file', line.slice(0, 80));
        if (item.t !== table || batch.length >= 1000) {
          await flush();
          table = item.t;
        }
        batch.push(item.r);
        rows++;
      }
      if (!header) throw new RestoreError('bad-file', 'empty');
      await flush();
      for (const t of BACKUP_TABLES.filter((x) => x.identity))
        await sql`select setval(pg_get_serial_sequence(${t.name}, 'id'), coalesce((select max(id) from ${sql.table(t.name)}), 0) + 1, false)`.execute(
          trx,
        );
    });
  } catch (e) {
    if (e instanceof RestoreError) throw e;
    if (e instanceof SyntaxError || (e as NodeJS.ErrnoException).code === 'Z_DATA_ERROR')
      throw new RestoreError('bad-file', (e as Error).message);
    throw e;
  }
  return rows;
}

/**
 * The lines of a stream as it is inflated, each held until its end: a line longer than `max` bytes
 * (a gzip bomb of one endless line) is refused when it passes the limit, however long the file.
 */
export async function* linesOf(input: AsyncIterable<Buffer>, max: number): AsyncGenerator<string> {
  let pending: Buffer[] = [];
  let length = 0;
  let lineNo = 1;
  const tooLong = () => new RestoreError('bad-file', messages().server.commands.restoreLineTooLong(lineNo, Math.round(max / 1048576)));
  for await (const chunk of input) {
    let start = 0;
    for (let end = chunk.indexOf(10); end >= 0; end = chunk.indexOf(10, start)) {
      if (length + end - start > max) throw tooLong();
      yield Buffer.concat([...pending, chunk.subarray(start, end)])
        .toString('utf8')
        .replace(/\r$/, '');
      pending = [];
      length = 0;
      lineNo++;
      start = end + 1;
    }
    length += chunk.length - start;
    if (length > max) throw tooLong();
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  if (length > 0) yield Buffer.concat(pending).toString('utf8');
}

async function insertRows(trx: Transaction<Database>, table: string, rows: Row[]): Promise<void> {
  const spec = BACKUP_TABLES.find((t) => t.name === table)!;
  const columns = Object.keys(rows[0]!);
  const value = (row: Row, c: string) => (spec.json?.includes(c) && row[c] !== null ? JSON.stringify(row[c]) : row[c]);
  const values = sql.join(rows.map((row) => sql`(${sql.join(columns.map((c) => sql`${value(row, c)}`))})`));
  const overriding = spec.identity ? sql`overriding system value` : sql``;
  await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) ${overriding} values ${values}`.execute(trx);
}
