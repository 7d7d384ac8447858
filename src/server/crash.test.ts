/**
 * The real server process, on a PGlite data directory, is killed with SIGKILL in the middle of
 * large imports (generated documents of 2,000 projects each). After each kill the database opens
 * again (the next server starts on it and serves what it holds) and at the end every import is,
 * row for row in every table it writes, wholly there or wholly absent: present when the database
 * had confirmed its COMMIT (its log had reached the kernel, which keeps it when the process dies),
 * absent when COMMIT was never reached.
 *
 * The kill points are exact, not timed. ./crash-points.testing.ts, loaded into the server, stops
 * it dead halfway through COMMIT's write-ahead-log write, or after COMMIT returned but before the
 * 201, or as an import is about to insert its indicator rows; one kill falls on the client's
 * receipt of a 201 while a second import is in flight. Each kill costs a server start (seconds of
 * module loading), so the kills are few and each proves something different.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type RawBuilder } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { NumberedItem, TargetDocument } from '../core/model/document.ts';
import { generateDocuments } from '../core/model/generate.ts';
import { openStore, type Store } from '../store/database.ts';
import type { CrashPoint } from './crash-points.testing.ts';
import { ROOT } from './fixture.testing.ts';
import { signInOverHttp } from './http-sign-in.testing.ts';

const PROJECTS = 2000;
const UNIT = { code: '315003', name: '怀来县教育局' };

interface Server {
  child: ChildProcess;
  url: string;
  output: string[];
  /** Resolves when the server reports reaching its armed crash point. */
  atCrashPoint: Promise<CrashPoint>;
  /** Resolves when the server reports that an import's transaction wrote its first projects. */
  importBegan: Promise<void>;
}

const children = new Set<ChildProcess>();

/**
 * Spawns the real server (`jixiao serve`) on the data directory. With a hold file it is a standby:
 * it loads its code at once but takes the data directory only when the hold file is written.
 */
function spawnServer(dataDir: string, armFile: string, holdFile?: string): Promise<Server> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      join(ROOT, 'src/server/crash-points.testing.ts'),
      join(ROOT, 'src/cli/main.ts'),
      'serve',
      '--port',
      '0',
      '--data',
      dataDir,
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, JIXIAO_CRASH_ARM: armFile, ...(holdFile ? { JIXIAO_CRASH_HOLD: holdFile } : {}) },
    },
  );
  children.add(child);
  child.once('exit', () => children.delete(child));
  const output: string[] = [];
  let crashPoint: (p: CrashPoint) => void = () => {};
  const atCrashPoint = new Promise<CrashPoint>((resolve) => (crashPoint = resolve));
  let began: () => void = () => {};
  const importBegan = new Promise<void>((resolve) => (began = resolve));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      const text = output.join('');
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(text)?.[0];
      // The database line is printed last, once the server is up ("空数据库：" is another line).
      if (url && /^数据库：.*\n/m.test(text)) resolve({ child, url, output, atCrashPoint, importBegan });
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      output.push(text);
      const point = /crash point reached: (\S+)/.exec(text)?.[1];
      if (point) crashPoint(point as CrashPoint);
      if (text.includes('import began')) began();
    });
    child.once('exit', (code, signal) => reject(new Error(`server exited (${code ?? signal}):\n${output.join('')}`)));
  });
}

const kill = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

const signIn = (url: string, password: string) => signInOverHttp(url, 'admin', password);

/** The rows an import of `doc` writes, table by table. */
function rowsOf(doc: TargetDocument) {
  const items = (list: readonly NumberedItem[]): number => list.reduce((n, i) => n + 1 + items(i.children), 0);
  const sum = (f: (p: TargetDocument['projects'][number]) => number) => doc.projects.reduce((n, p) => n + f(p), 0);
  return {
    documents: 1,
    department_items: doc.department ? items(doc.department.subGoals) + items(doc.department.safeguards) : 0,
    projects: doc.projects.length,
    fund_sources: sum((p) => p.budget.sources.length),
    spending_checkpoints: sum((p) => p.spendingPlan.length),
    goals: sum((p) => p.goals.length),
    indicators: sum((p) => p.indicators.length),
    budget_years: 1,
    audit_log: 1,
  };
}
type Rows = ReturnType<typeof rowsOf>;
type ContentRows = Omit<Rows, 'budget_years' | 'audit_log'>;
const NONE: Rows = {
  documents: 0,
  department_items: 0,
  projects: 0,
  fund_sources: 0,
  spending_checkpoints: 0,
  goals: 0,
  indicators: 0,
  budget_years: 0,
  audit_log: 0,
};

/** The content rows of the documents `which` selects (d: documents, u: units), table by table. */
async function contentRows(db: Store['db'], which: RawBuilder<boolean>): Promise<ContentRows> {
  const { rows } = await sql<ContentRows>`
    WITH d AS (SELECT d.id FROM documents d JOIN units u ON u.id = d.unit_id WHERE ${which}),
         p AS (SELECT id FROM projects WHERE document_id IN (SELECT id FROM d))
    SELECT (SELECT count(*) FROM d)::int AS documents,
           (SELECT count(*) FROM department_items WHERE document_id IN (SELECT id FROM d))::int AS department_items,
           (SELECT count(*) FROM p)::int AS projects,
           (SELECT count(*) FROM fund_sources WHERE project_id IN (SELECT id FROM p))::int AS fund_sources,
           (SELECT count(*) FROM spending_checkpoints WHERE project_id IN (SELECT id FROM p))::int AS spending_checkpoints,
           (SELECT count(*) FROM goals WHERE project_id IN (SELECT id FROM p))::int AS goals,
           (SELECT count(*) FROM indicators WHERE project_id IN (SELECT id FROM p))::int AS indicators`.execute(db);
  return rows[0]!;
}

/** What the database holds of the import for `year`, in every table it writes. */
async function storedRows(db: Store['db'], year: number): Promise<Rows> {
  const content = await contentRows(db, sql<boolean>`d.year = ${year} AND u.code = ${UNIT.code}`);
  const { rows } = await sql<Pick<Rows, 'budget_years' | 'audit_log'>>`
    SELECT (SELECT count(*) FROM budget_years WHERE year = ${year})::int AS budget_years,
           (SELECT count(*) FROM audit_log WHERE action = 'import' AND (after->>'year')::int = ${year})::int AS audit_log`.execute(db);
  return { ...content, ...rows[0]! };
}

/** Whole tables, counted without going through documents: nothing else (a stray row) can hide. */
async function tableRows(db: Store['db']): Promise<ContentRows> {
  const { rows } = await sql<ContentRows>`
    SELECT (SELECT count(*) FROM documents)::int AS documents,
           (SELECT count(*) FROM department_items)::int AS department_items,
           (SELECT count(*) FROM projects)::int AS projects,
           (SELECT count(*) FROM fund_sources)::int AS fund_sources,
           (SELECT count(*) FROM spending_checkpoints)::int AS spending_checkpoints,
           (SELECT count(*) FROM goals)::int AS goals,
           (SELECT count(*) FROM indicators)::int AS indicators`.execute(db);
  return rows[0]!;
}

interface Import {
  /** Where the server was when it died. */
  point: string;
  expected: 'present' | 'absent' | 'either';
  year: number;
  doc: TargetDocument;
  answer?: number | 'none';
  ms?: number;
  /** How many documents the next server lists for the year (after the restart). */
  listed?: number;
}

describe('SIGKILL during a large import', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-crash-'));
  const armFile = join(dataDir, 'crash-point');
  afterAll(async () => {
    await Promise.all([...children].map(kill));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('leaves each import wholly present or wholly absent, a confirmed one present, and the database opens each time', async () => {
    const started = Date.now();
    let next = 0;
    const plan = (point: string, expected: Import['expected']): Import => {
      const year = 2030 + next;
      const [doc] = generateDocuments({ seed: 100 + next++, units: 1, projectsPerUnit: PROJECTS, year });
      return { point, expected, year, doc: { ...doc!, unit: UNIT } };
    };
    const imports: Import[] = [];
    const restarts: number[] = [];
    // Two standby servers load their code while the first one runs.
    const standby = [1, 2].map((n) => {
      const hold = join(dataDir, `go-${n}`);
      const ready = spawnServer(dataDir, armFile, hold);
      ready.catch(() => {}); // awaited when its turn comes
      return { hold, ready };
    });
    let server = await spawnServer(dataDir, armFile);
    const firstStart = Date.now() - started;
    const accounts = /系统管理\s+用户名 admin\s+密码 (\S+)/.exec(server.output.join(''));
    expect(accounts, server.output.join('')).not.toBeNull();
    const password = accounts![1]!;
    let headers = await signIn(server.url, password);

    const send = (i: Import) => {
      imports.push(i);
      const t = Date.now();
      return fetch(`${server.url}/api/import/commit`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ documents: [{ document: i.doc }] }),
      }).then(
        (r) => ((i.ms = Date.now() - t), (i.answer = r.status)),
        () => ((i.ms = Date.now() - t), (i.answer = 'none')),
      );
    };
    /** Arms a point, sends an import, kills the server when it stops there. */
    const killAt = async (point: CrashPoint, expected: Import['expected']) => {
      writeFileSync(armFile, point);
      const answered = send(plan(point, expected));
      expect(await Promise.race([server.atCrashPoint, answered])).toBe(point);
      await kill(server.child);
      await answered;
    };
    /** The next server takes the data directory of the killed one: it must open, and list what the database holds. */
    const restart = async () => {
      const t = Date.now();
      const { hold, ready } = standby.shift()!;
      writeFileSync(hold, '');
      server = await ready;
      restarts.push(Date.now() - t);
      headers = await signIn(server.url, password);
      for (const i of imports.filter((x) => x.listed === undefined))
        i.listed = (
          (await (await fetch(`${server.url}/api/documents?year=${i.year}`, { headers })).json()) as { total: { value: number } }
        ).total.value;
    };

    // 1. One import uninterrupted (measured), then one killed halfway through COMMIT's log write.
    rmSync(armFile, { force: true });
    await send(plan('(not killed)', 'present'));
    await killAt('commit-flushing', 'either');
    // 2. Killed after COMMIT returned, before the 201 was sent: confirmed by the database, so present.
    await restart();
    await killAt('committed', 'present');
    // 3. Killed the moment the client has a 201, while a second import is in flight (it stops, at
    //    the latest, before inserting its indicator rows, so it cannot have committed).
    await restart();
    rmSync(armFile, { force: true });
    const answered = send(plan('on the 201', 'present'));
    await server.importBegan;
    writeFileSync(armFile, 'indicators');
    const second = send(plan('in flight', 'absent'));
    await answered;
    await kill(server.child);
    await second;

    // Last kill: open the data directory here and count every row of every import.
    const t = Date.now();
    const store = await openStore({ dataDir });
    restarts.push(Date.now() - t);
    const table: string[] = [];
    try {
      // The tables hold the demo county's rows plus the present imports' rows, and nothing else.
      const expected = await contentRows(store.db, sql<boolean>`d.year < 2030`);
      for (const i of imports) {
        const stored = await storedRows(store.db, i.year);
        const whole = rowsOf(i.doc);
        const same = (x: Rows) => Object.entries(x).every(([k, v]) => stored[k as keyof Rows] === v);
        const outcome = same(whole) ? 'present' : same(NONE) ? 'absent' : 'PARTIAL';
        table.push(
          `${i.point.padEnd(16)} ${String(i.answer).padEnd(6)} ${String(i.ms).padStart(6)} ms  ${outcome.padEnd(8)} ${i.expected.padEnd(8)} ` +
            `${String(stored.projects).padStart(8)} ${String(stored.indicators).padStart(10)} ${String(stored.audit_log).padStart(5)} ${String(i.listed ?? '-').padStart(6)}`,
        );
        expect(outcome, `${i.point}: ${JSON.stringify(stored)}`).not.toBe('PARTIAL');
        if (i.expected !== 'either') expect(outcome, i.point).toBe(i.expected);
        // A 201 is sent only after COMMIT returned: it is never followed by an absent import.
        if (i.answer === 201) expect(outcome, i.point).toBe('present');
        if (i.listed !== undefined) expect(i.listed, i.point).toBe(outcome === 'present' ? 1 : 0);
        if (outcome === 'present') for (const k of Object.keys(expected) as Array<keyof ContentRows>) expected[k] += whole[k];
      }
      expect(await tableRows(store.db)).toEqual(expected);
    } finally {
      await store.close();
    }
    console.log(
      `crash test: ${((Date.now() - started) / 1000).toFixed(1)} s, load average ${loadavg()[0]!.toFixed(1)}; ` +
        `${PROJECTS} projects and ${rowsOf(imports[0]!.doc).indicators} indicators per import; ` +
        `first start (demo seeded) ${(firstStart / 1000).toFixed(1)} s; after each kill the database reopened and served in ` +
        `${restarts.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')} (the last opened in this process)\n` +
        `kill point       answer   time    outcome  expected projects indicators audit listed\n${table.join('\n')}`,
    );
  }, 300_000);
});
