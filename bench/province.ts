/**
 * `npm run bench -- province [--units N]`: a province-year on one PostgreSQL server (issue 14). A
 * throw-away cluster from Debian's binaries (src/store/pg-cluster.testing.ts), a generated province
 * (./province-data.ts: 35,000 units by default, ~10 projects each) bulk-loaded with `jixiao load`
 * (one run per status, the units file first), a year of actuals recorded for the approved and
 * published documents, then the real server in a child process, measured over loopback with
 * autocannon: one user's latency (p50, p99) and 50 connections' throughput on the province views
 * the issue names. Every row carries the machine's load average over its measurement: on a shared
 * machine, latency stretches with it.
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { runLoad } from '../src/cli/actions/load.ts';
import { DEFAULT_REVIEW_SETTINGS } from '../src/core/review/settings.ts';
import { demoProjectActuals } from '../src/server/demo-actuals.ts';
import { signInOverHttp } from '../src/server/http-sign-in.testing.ts';
import { createUser } from '../src/store/accounts.ts';
import { commitImport } from '../src/store/actuals/import.ts';
import { systemActor } from '../src/store/audit.ts';
import { openStore } from '../src/store/database.ts';
import { modelOf, readDocument } from '../src/store/documents/read.ts';
import { type Child, getJson, start, stop } from './api.ts';
import { watchLoad, type Benchmark, type Figure } from './benchmark.ts';
import { startCluster } from '../src/store/pg-cluster.testing.ts';
import { PROVINCE_YEAR, STATUSES, writeProvince } from './province-data.ts';

const DEFAULT_UNITS = 35_000;
const CONNECTIONS = 50;
const PASSWORD = 'bench-province-password';
/** The monitoring date the views are read at: the year's October checkpoint has passed, so there are warnings. */
const DATE = `${PROVINCE_YEAR}-10-31`;

interface Latency {
  p50: number;
  p99: number;
  reqPerSec: number;
  /** Requests that did not answer 2xx, or timed out, or failed: a figure with any is not of the route alone. */
  bad: number;
  load: number;
}

/** Load average over a measurement, as a note. */
const loadNote = (l: Latency, extra = '') => `load ${l.load.toFixed(1)}${extra}${l.bad > 0 ? `; ${l.bad} failed or timed out` : ''}`;

async function measure(
  url: string,
  headers: Record<string, string>,
  o: { connections: number; amount?: number; duration?: number },
): Promise<Latency> {
  const load = watchLoad();
  const r = await autocannon({
    url,
    headers,
    connections: o.connections,
    ...(o.amount !== undefined ? { amount: o.amount } : { duration: o.duration }),
    timeout: 30,
  });
  return {
    p50: r.latency.p50,
    p99: r.latency.p99,
    reqPerSec: Math.round(r.requests.average),
    bad: r.non2xx + r.errors + r.timeouts,
    load: load().value,
  };
}

/** The documents' actuals, as units record them through the year (the demo's patterns), a few documents at a time. */
async function recordActuals(databaseUrl: string, log: (line: string) => void): Promise<void> {
  const store = await openStore({ databaseUrl }, { migrate: false });
  const actor = systemActor('bench');
  try {
    const ids = (
      await store.db.selectFrom('documents').select('id').where('status', 'in', ['approved', 'published']).orderBy('id').execute()
    ).map((r) => r.id);
    const started = performance.now();
    let next = 0;
    let pattern = 0;
    const worker = async () => {
      while (next < ids.length) {
        const id = ids[next++]!;
        const model = modelOf((await readDocument(store.db, id))!);
        await commitImport(store.db, actor, id, { projects: model.projects.map((p) => demoProjectActuals(p, PROVINCE_YEAR, pattern++)) });
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    log(`actuals recorded for ${ids.length} approved and published documents in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await store.close();
  }
}

/** Accounts to read as: the province's reviewer, a county's, and an admin. */
async function createAccounts(
  databaseUrl: string,
  provinceCode: string,
  countyCode: string,
): Promise<Record<'province' | 'county', number>> {
  const store = await openStore({ databaseUrl }, { migrate: false });
  const actor = systemActor('bench');
  try {
    const id = async (code: string) =>
      (await store.db.selectFrom('bureaus').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    const bureaus = { province: await id(provinceCode), county: await id(countyCode) };
    for (const [name, bureauId] of Object.entries(bureaus))
      await createUser(store.db, actor, {
        username: `${name}-reviewer`,
        displayName: name,
        role: 'reviewer',
        bureauId,
        password: PASSWORD,
      });
    return bureaus;
  } finally {
    await store.close();
  }
}

export const province: Benchmark = {
  name: 'province',
  description: 'a province-year bulk-loaded into a throw-away PostgreSQL cluster, its province-wide views measured (issue 14)',
  onlyWhenNamed: true,
  async run({ quick, log, units: asked }) {
    const units = asked ?? (quick ? 2000 : DEFAULT_UNITS);
    // A province server's memory and WAL room rather than initdb's minimal defaults; fsync stays on.
    const cluster = await startCluster({ shared_buffers: '1GB', max_wal_size: '4GB' });
    let server: Child | undefined;
    const figures: Figure[] = [];
    try {
      log(`cluster at ${cluster.url} (${cluster.dir})`);
      const p = writeProvince(join(cluster.dir, 'files'), units);
      log(`generated ${p.units} units, ${p.projects} projects`);

      // jixiao load, in this process: the units file with the first status, then one run per status.
      const loadWatch = watchLoad();
      const started = performance.now();
      for (const [i, status] of STATUSES.entries()) {
        const code = await runLoad([p.folders[status]], {
          data: '',
          databaseUrl: cluster.url,
          status,
          ...(i === 0 ? { units: p.unitsFile } : {}),
        });
        if (code !== 0) throw new Error(`jixiao load of the ${status} documents exited ${code}`);
      }
      const seconds = (performance.now() - started) / 1000;
      const rate = Math.round(p.projects / seconds);
      figures.push({
        name: 'bulk load',
        value: rate,
        unit: 'projects/s',
        note: `${p.projects} projects in ${seconds.toFixed(1)} s; target ≥ 2000; load ${loadWatch().value}`,
      });
      log(`bulk load: ${rate} projects/s`);

      await recordActuals(cluster.url, log);
      const bureaus = await createAccounts(cluster.url, p.provinceCode, p.countyCode);
      server = await start(['src/cli/main.ts', 'serve', '--port', '0', '--database-url', cluster.url, '--no-demo'], /^数据库：.*\n/m);
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(server.output())![0];
      const asProvince = await signInOverHttp(url, 'province-reviewer', PASSWORD);
      const asCounty = await signInOverHttp(url, 'county-reviewer', PASSWORD);

      const dashboard = (id: number) => `${url}/api/bureaus/${id}/dashboard?year=${PROVINCE_YEAR}&date=${DATE}`;
      // Until the monitoring rows are built, a dashboard says how many documents are pending: read until none is.
      const warmStarted = performance.now();
      for (let reads = 1; ; reads++) {
        const { pending } = await getJson<{ pending: number }>(dashboard(bureaus.province), asProvince);
        if (pending === 0) {
          log(`monitoring rows ready after ${reads} dashboard reads, ${((performance.now() - warmStarted) / 1000).toFixed(1)} s`);
          break;
        }
      }
      // The page at row 10,000 (or the last full one) of the province's list, reached by its cursor as a user paging on would.
      const listUrl = `${url}/api/documents?year=${PROVINCE_YEAR}`;
      let deepCursor: string | null = null;
      for (let row = 0; row < 10_000; row += 200) {
        const page: { nextCursor: string | null } = await getJson(
          `${listUrl}&limit=200${deepCursor === null ? '' : `&cursor=${encodeURIComponent(deepCursor)}`}`,
          asProvince,
        );
        if (page.nextCursor === null) break;
        deepCursor = page.nextCursor;
      }

      const amount = quick ? 10 : 30;
      const seconds50 = quick ? 5 : 15;
      const single = async (name: string, target: string, headers: Record<string, string>) => {
        await getJson(target, headers); // warm-up, and a failing route fails here with its status
        const l = await measure(target, headers, { connections: 1, amount });
        log(`${name}: p50 ${l.p50} ms, p99 ${l.p99} ms (${amount} requests, load ${loadavg()[0]!.toFixed(1)})`);
        figures.push({ name, value: l.p50, unit: 'ms p50', note: loadNote(l) });
        figures.push({ name, value: l.p99, unit: 'ms p99', note: loadNote(l) });
        return l;
      };
      const crowd = async (name: string, target: string, headers: Record<string, string>, note: string) => {
        const l = await measure(target, headers, { connections: CONNECTIONS, duration: seconds50 });
        log(`${name}: ${l.reqPerSec} req/s, p99 ${l.p99} ms (${seconds50} s, load ${loadavg()[0]!.toFixed(1)})`);
        figures.push({ name, value: l.reqPerSec, unit: 'req/s', note: loadNote(l, `; ${note}`) });
        figures.push({ name, value: l.p99, unit: 'ms p99', note: loadNote(l) });
      };

      const provinceDashboard = await single('province dashboard', dashboard(bureaus.province), asProvince);
      const countyDashboard = await single('county dashboard', dashboard(bureaus.county), asCounty);
      figures.push({
        name: 'province/county dashboard',
        value: Number((provinceDashboard.p50 / Math.max(countyDashboard.p50, 1)).toFixed(1)),
        unit: '× the time (p50)',
        note: 'target ≤ 3',
      });
      await crowd('province dashboard at 50 connections', dashboard(bureaus.province), asProvince, 'target ≥ 100 req/s, p99 < 500 ms');
      await single('warning list', `${url}/api/monitoring/projects?year=${PROVINCE_YEAR}&date=${DATE}`, asProvince);
      await single('documents list page 1', `${url}/api/documents?year=${PROVINCE_YEAR}`, asProvince);
      await crowd(
        'documents list page 1 at 50 connections',
        `${url}/api/documents?year=${PROVINCE_YEAR}`,
        asProvince,
        'target ≥ 200 req/s, p99 < 300 ms',
      );
      await single('bureau totals', `${url}/api/bureaus/${bureaus.province}/totals?year=${PROVINCE_YEAR}`, asProvince);
      await single('public totals', `${url}/api/public/bureaus/${bureaus.province}/totals?year=${PROVINCE_YEAR}`, {});
      await single('list deep page', deepCursor === null ? listUrl : `${listUrl}&cursor=${encodeURIComponent(deepCursor)}`, asProvince);

      // Last: it marks every document of the province for a recount, which the server then works through.
      const settingsUrl = `${url}/api/bureaus/${bureaus.province}/settings`;
      const { version } = await getJson<{ version: number }>(settingsUrl, asProvince);
      const putLoad = watchLoad();
      const putStarted = performance.now();
      const put = await fetch(settingsUrl, {
        method: 'PUT',
        headers: { ...asProvince, 'content-type': 'application/json', 'if-match': `"${version}"` },
        body: JSON.stringify({ monitoring: null, evaluation: null, review: { ...DEFAULT_REVIEW_SETTINGS, disabledSeverities: ['info'] } }),
      });
      const putMs = Math.round(performance.now() - putStarted);
      if (put.status !== 200) throw new Error(`settings PUT: ${put.status} ${await put.text()}`);
      figures.push({
        name: 'settings PUT',
        value: putMs,
        unit: 'ms',
        note: `review settings of the province; target < 200; load ${putLoad().value}`,
      });
      log(`settings PUT: ${putMs} ms`);
      figures.push({ name: 'province size', value: p.units, unit: 'units', note: `${p.projects} projects` });
      return figures;
    } finally {
      await stop(server);
      cluster.stop();
    }
  },
};
