/**
 * `npm run bench -- suggestions [--quick]`: issue 15's reads at a province's scale on one PostgreSQL
 * server. A throw-away cluster (src/store/pg-cluster.testing.ts), a generated history of ≥ 3 million
 * indicator rows (./suggestions-data.ts: 300 counties × 34 units × 3 years × 10 projects × 10 rows),
 * the history tables built from it (rebuildLibrary), then timed in this process as the API calls
 * them: suggestions for a project (the project's query and the suggestions, as
 * GET /api/projects/:id/suggestions), for a free name, a document's history (上年/前年) and its
 * peer ranges (the review's off-family rule), and the public comparison of a published row — p50
 * and p99 over ≥ 100 calls each, with the machine's load average and the ratio to the 50 ms target.
 */
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import { fieldOfUnit } from '../src/core/library/fields.ts';
import { openStore, type Store } from '../src/store/database.ts';
import { modelOf, readDocument } from '../src/store/documents/read.ts';
import { documentHistory } from '../src/store/library/history.ts';
import { documentPeers, publicPeers } from '../src/store/library/peers.ts';
import { rebuildLibrary, refreshLibrary } from '../src/store/library/refresh.ts';
import { projectQuery, suggestionsFor } from '../src/store/library/suggestions.ts';
import { startCluster } from '../src/store/pg-cluster.testing.ts';
import type { Benchmark, Figure } from './benchmark.ts';
import { generateHistory, UNIT_KINDS, YEARS } from './suggestions-data.ts';

const COUNTIES = 300;
const QUICK_COUNTIES = 6;
/** The target for a suggestion at ≥ 3 million rows. */
const TARGET_MS = 50;
const CALLS = 200;
const QUICK_CALLS = 20;

/** Free queries: words of project names, some with what most names share (经费, 建设). */
const NAMES = [
  '法律援助',
  '社区矫正工作经费',
  '义务教育',
  '疾病预防控制',
  '道路养护专项经费',
  '农田水利建设',
  '森林防火',
  '信息化建设',
  '经费',
  '养老服务',
];

interface Timed {
  p50: number;
  p99: number;
  load: number;
}

/** Calls `work` on each input after a warm-up of a few; p50 and p99 in ms, and the load average meanwhile. */
async function timed<T>(inputs: readonly T[], work: (input: T) => Promise<unknown>): Promise<Timed> {
  for (const input of inputs.slice(0, 5)) await work(input);
  const before = loadavg()[0]!;
  const ms: number[] = [];
  for (const input of inputs) {
    const started = performance.now();
    await work(input);
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => Number(ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!.toFixed(1));
  return { p50: at(0.5), p99: at(0.99), load: Number(((before + loadavg()[0]!) / 2).toFixed(1)) };
}

function rows(name: string, t: Timed, withTarget: boolean): Figure[] {
  const note = `load ${t.load.toFixed(1)}`;
  const out: Figure[] = [
    { name, value: t.p50, unit: 'ms p50', note },
    { name, value: t.p99, unit: 'ms p99', note },
  ];
  if (withTarget)
    out.push({ name, value: Number((t.p50 / TARGET_MS).toFixed(2)), unit: '× target (p50)', note: `target < ${TARGET_MS} ms` });
  return out;
}

/** Every n-th of the ids, up to `count`: a spread over the province, the same each run. */
const spread = <T>(ids: readonly T[], count: number): T[] =>
  Array.from({ length: Math.min(count, ids.length) }, (_, i) => ids[Math.floor((i * ids.length) / Math.min(count, ids.length))]!);

export async function measureSuggestions(store: Store, calls: number): Promise<Figure[]> {
  const db = store.db;
  const current = YEARS[YEARS.length - 1]!;
  const documents = (await db.selectFrom('documents').select(['id', 'unit_id']).where('year', '=', current).orderBy('id').execute()).map(
    (d) => ({ id: d.id, unitId: d.unit_id }),
  );
  const projectIds = (
    await db
      .selectFrom('projects as p')
      .innerJoin('documents as d', 'd.id', 'p.document_id')
      .select('p.id')
      .where('d.year', '=', current)
      .orderBy('p.id')
      .execute()
  ).map((p) => p.id);
  const figures: Figure[] = [];

  const projects = spread(projectIds, calls);
  figures.push(
    ...rows(
      'suggestions for a project',
      await timed(projects, async (id) => suggestionsFor(db, { ...(await projectQuery(db, id))!, library: [] })),
      true,
    ),
  );
  const free = Array.from({ length: calls }, (_, i) => ({
    name: NAMES[i % NAMES.length]!,
    field: i % 2 === 0 ? fieldOfUnit(UNIT_KINDS[i % UNIT_KINDS.length]!.name) : null,
  }));
  figures.push(...rows('suggestions for a name', await timed(free, (q) => suggestionsFor(db, { ...q, library: [] })), true));

  const docs = spread(documents, Math.max(100, Math.min(calls, documents.length)));
  const models = new Map<number, ReturnType<typeof modelOf>>();
  for (const d of docs) models.set(d.id, modelOf((await readDocument(db, d.id))!));
  figures.push(
    ...rows('history of a document (上年/前年)', await timed(docs, (d) => documentHistory(db, d.unitId, models.get(d.id)!)), false),
  );
  figures.push(
    ...rows('peer ranges of a document (review)', await timed(docs, (d) => documentPeers(db, d.unitId, models.get(d.id)!)), false),
  );
  const published = (
    await db
      .selectFrom('indicators as i')
      .innerJoin('library_projects as lp', 'lp.project_id', 'i.project_id')
      .select('i.id')
      .where('lp.status', '=', 'published')
      .orderBy('i.project_id')
      .limit(calls * 50)
      .execute()
  ).map((r) => r.id);
  figures.push(...rows('public peers of a row', await timed(spread(published, calls), (id) => publicPeers(db, id)), false));

  // What writes pay: a draft's edit looks its document up once; an approval takes the document in
  // (its values added to the per-family sums, its projects and name pairs indexed).
  const drafts = spread(
    (await db.selectFrom('documents').select('id').where('status', '=', 'draft').orderBy('id').execute()).map((d) => d.id),
    Math.min(calls, 100),
  );
  figures.push(
    ...rows(
      "a draft's write (history kept)",
      await timed(drafts, (id) => db.transaction().execute((trx) => refreshLibrary(trx, [id]))),
      false,
    ),
  );
  figures.push(
    ...rows(
      'approving a document (history kept)',
      await timed(drafts, (id) =>
        db.transaction().execute(async (trx) => {
          await trx.updateTable('documents').set({ status: 'approved', version: sql`version + 1` }).where('id', '=', id).execute();
          await refreshLibrary(trx, [id]);
        }),
      ),
      false,
    ),
  );
  return figures;
}

export const suggestions: Benchmark = {
  name: 'suggestions',
  description: 'issue 15: suggestions, history and peer ranges over ≥ 3 million indicator rows in a throw-away PostgreSQL cluster',
  onlyWhenNamed: true,
  async run({ quick, log }) {
    const cluster = await startCluster({ shared_buffers: '1GB', max_wal_size: '4GB', work_mem: '64MB' });
    let store: Store | undefined;
    try {
      log(`cluster at ${cluster.url}`);
      store = await openStore({ databaseUrl: cluster.url });
      let started = performance.now();
      const size = await generateHistory(store.db, quick ? QUICK_COUNTIES : COUNTIES);
      const generated = (performance.now() - started) / 1000;
      log(
        `generated ${size.counties} counties, ${size.units} units, ${size.documents} documents, ${size.projects} projects, ${size.indicators} indicator rows in ${generated.toFixed(0)} s`,
      );
      started = performance.now();
      await rebuildLibrary(store.db);
      await sql`ANALYZE`.execute(store.db);
      const built = (performance.now() - started) / 1000;
      log(`history tables built in ${built.toFixed(0)} s`);
      const figures: Figure[] = [
        { name: 'indicator rows', value: size.indicators, unit: 'rows', note: `${size.projects} projects, ${size.documents} documents` },
        { name: 'generated', value: Number(generated.toFixed(1)), unit: 's', note: 'set-based SQL' },
        { name: 'history tables built', value: Number(built.toFixed(1)), unit: 's', note: 'rebuildLibrary' },
      ];
      figures.push(...(await measureSuggestions(store, quick ? QUICK_CALLS : CALLS)));
      return figures;
    } finally {
      await store?.close();
      cluster.stop();
    }
  },
};
