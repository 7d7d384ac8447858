/**
 * The province-wide reads of issue 14 as functions a benchmark runs — the province and county
 * dashboards (the three queries of a bureau dashboard), the warning list's first page, bureau and
 * public totals — and, run directly, a measurement of them on a synthetic province written straight
 * into a throw-away PostgreSQL database: each query's EXPLAIN ANALYZE execution time (summed over
 * its statements) and wall time (p50/p99), beside the read-time queries they replaced.
 *
 *   tsx bench/province-queries.ts --units 2000 [--server postgres://postgres@127.0.0.1:55432/postgres] [--plans] [--keep]
 *
 * The province bench (bench/province*.ts) loads its province through the bulk loader and calls
 * `provinceQueries` on it; `synthesize` is for measuring the queries alone.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Kysely, PostgresDialect, sql, type CompiledQuery, type SqlBool } from 'kysely';
import pg from 'pg';
import type { IsoDate } from '../src/core/actuals/calendar.ts';
import { frequentFindings, groupFigures, scoreFigures, warningList } from '../src/store/actuals/lists.ts';
import { refreshAggregates } from '../src/store/aggregates/document.ts';
import {
  referenceFindings,
  referenceGroups,
  referenceScores,
  referenceTotals,
  referenceWarnings,
} from '../src/store/aggregates/reference.testing.ts';
import { bureauTotals } from '../src/store/aggregates/totals.ts';
import { openStore } from '../src/store/database.ts';
import type { Database } from '../src/store/schema.ts';

export interface ProvincePlace {
  provinceId: number;
  countyId: number;
  year: number;
  date: IsoDate;
}

type Query = (db: Kysely<Database>, p: ProvincePlace) => Promise<unknown>;

const dashboard = (db: Kysely<Database>, bureauId: number, p: ProvincePlace) =>
  Promise.all([groupFigures(db, bureauId, p.year, p.date), scoreFigures(db, bureauId, p.year), frequentFindings(db, bureauId, p.year, 10)]);

/** The reads the province bench names, as the routes run them (without HTTP and the read cache). */
export const provinceQueries: Record<string, Query> = {
  'province dashboard': (db, p) => dashboard(db, p.provinceId, p),
  'county dashboard': (db, p) => dashboard(db, p.countyId, p),
  'warning list': (db, p) => warningList(db, { all: true }, { year: p.year, date: p.date, limit: 50 }),
  'warning list, one county': (db, p) => warningList(db, { bureauId: p.countyId }, { year: p.year, date: p.date, limit: 50 }),
  'bureau totals': (db, p) => bureauTotals(db, p.provinceId, p.year, { all: true }),
  'public totals': (db, p) => bureauTotals(db, p.provinceId, p.year, { publishedOnly: true }),
};

/** The same reads as computed before the aggregates, for comparison. */
export const readTimeQueries: Record<string, Query> = {
  'province dashboard': (db, p) =>
    Promise.all([
      referenceGroups(db, p.provinceId, p.year, p.date),
      referenceScores(db, p.provinceId, p.year),
      referenceFindings(db, p.provinceId, p.year),
    ]),
  'county dashboard': (db, p) =>
    Promise.all([
      referenceGroups(db, p.countyId, p.year, p.date),
      referenceScores(db, p.countyId, p.year),
      referenceFindings(db, p.countyId, p.year),
    ]),
  'warning list': (db, p) => referenceWarnings(db, { all: true }, { year: p.year, date: p.date }),
  'bureau totals': (db, p) => referenceTotals(db, p.provinceId, p.year, { all: true }),
  'public totals': (db, p) => referenceTotals(db, p.provinceId, p.year, { publishedOnly: true }),
};

/** Wall time of `runs` calls after a warm-up, in ms. */
export async function timeQuery(db: Kysely<Database>, q: Query, p: ProvincePlace, runs = 30): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < 3; i++) await q(db, p);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await q(db, p);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(runs / 2)]!, p99: times[Math.min(runs - 1, Math.ceil(runs * 0.99) - 1)]! };
}

/** EXPLAIN ANALYZE of every statement `q` runs: the summed execution time (ms) and the plans. */
export async function explainQuery(url: string, q: Query, p: ProvincePlace): Promise<{ ms: number; plans: string[] }> {
  const statements: CompiledQuery[] = [];
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (e) => {
      if (e.level === 'query') statements.push(e.query);
    },
  });
  try {
    await q(db, p);
    let ms = 0;
    const plans: string[] = [];
    for (const s of statements) {
      const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${s.sql}`, [...s.parameters]);
      const plan = rows.map((r) => r['QUERY PLAN']);
      ms += Number(/Execution Time: ([\d.]+) ms/.exec(plan.at(-1)!)![1]);
      plans.push(plan.join('\n'));
    }
    return { ms, plans };
  } finally {
    await db.destroy();
  }
}

/**
 * A synthetic province written straight into the tables, with its derived rows (three monitoring
 * spans per project), evaluations and rule counts, then each document's aggregates built as a
 * write would. Units: `counties` × `perCounty`, plus a few under the province and each city.
 */
export async function synthesize(
  db: Kysely<Database>,
  o: { cities: number; countiesPerCity: number; unitsPerCounty: number; projectsPerDocument: number; year: number },
): Promise<ProvincePlace> {
  const y = o.year;
  await sql`insert into budget_years (year) values (${y}) on conflict do nothing`.execute(db);
  await sql`insert into bureaus (code, name, parent_id) values ('99', '合成省财政厅', null)`.execute(db);
  await sql`insert into bureaus (code, name, parent_id)
    select '99' || lpad(c::text, 2, '0'), '合成市' || c, (select id from bureaus where code = '99') from generate_series(1, ${o.cities}) c`.execute(
    db,
  );
  await sql`insert into bureaus (code, name, parent_id)
    select p.code || lpad(k::text, 2, '0'), p.name || '县' || k, p.id
    from bureaus p cross join generate_series(1, ${o.countiesPerCity}) k where p.code like '99__'`.execute(db);
  await sql`insert into bureau_tree (ancestor_id, descendant_id, depth)
    select b.id, b.id, 0 from bureaus b where b.code like '99%'
    union all select b.parent_id, b.id, 1 from bureaus b where b.code like '99%' and b.parent_id is not null
    union all select p.parent_id, b.id, 2 from bureaus b join bureaus p on p.id = b.parent_id where b.code like '99%' and p.parent_id is not null`.execute(
    db,
  );
  await sql`insert into units (code, name, bureau_id)
    select b.code || lpad(u::text, 4, '0'), b.name || '单位' || u, b.id
    from bureaus b cross join generate_series(1, case length(b.code) when 6 then ${o.unitsPerCounty} else 20 end) u
    where b.code like '99%'`.execute(db);
  await sql`insert into documents (unit_id, year, status, unit_code_as_written, unit_name_as_written, project_count, budget_total, error_count, warning_count)
    select u.id, ${y}, (array['draft', 'submitted', 'returned', 'approved', 'published', 'published'])[1 + u.id % 6], u.code, u.name,
      ${o.projectsPerDocument}, ${o.projectsPerDocument} * 10.5, (u.id % 3 = 0)::int, u.id % 4
    from units u where u.code like '99%'`.execute(db);
  const synthetic = sql<SqlBool>`d.year = ${y} and d.unit_code_as_written like '99%'`;
  await sql`insert into projects (document_id, position, code, name, unit_code_as_written, unit_name_as_written, amount_unit, budget_total, use_of_funds)
    select d.id, p, d.unit_code_as_written || '-' || p, '合成项目' || p, d.unit_code_as_written, d.unit_name_as_written, '万元', 10.50, ''
    from documents d cross join generate_series(0, ${o.projectsPerDocument - 1}) p where ${synthetic}`.execute(db);
  await sql`insert into project_monitoring (project_id, valid_from, valid_to, document_id, project_code, project_name, position, light,
      light_rank, execution_light, budget, spent, rate, planned, shortfall, flagged_indicators, unreported_indicators, missing_explanations,
      unit_id, bureau_id, year, status, unit_code, order_light, order_shortfall)
    select pr.id, s.f, s.t, d.id, pr.code, pr.name, pr.position, (array['green', 'yellow', 'red'])[1 + l.rank], l.rank,
      (array['green', 'yellow', 'red'])[1 + l.rank], 10.50, s.k * 3.25, s.k * 30.95, s.k * 33.5, l.shortfall, l.rank, (pr.id % 4 = 0)::int, 0,
      d.unit_id, u.bureau_id, ${y}, d.status, u.code, -l.rank, coalesce(-l.shortfall, 1000000)
    from projects pr join documents d on d.id = pr.document_id join units u on u.id = d.unit_id
      cross join (values (make_date(${y}, 1, 1), make_date(${y}, 4, 1), 0), (make_date(${y}, 4, 1), make_date(${y}, 7, 1), 1),
        (make_date(${y}, 7, 1), make_date(${y} + 1, 1, 1), 2)) s(f, t, k)
      cross join lateral (select (pr.id + s.k) % 3 as rank,
        case when (pr.id + s.k) % 3 = 0 then null else ((pr.id + s.k) % 3) * 7.5 + pr.id % 10 end as shortfall) l
    where ${synthetic} and d.status in ('approved', 'published')`.execute(db);
  await sql`insert into project_evaluation (project_id, document_id, project_code, project_name, position, budget, spent, rate, points, total, grade, error_count)
    select pr.id, d.id, pr.code, pr.name, pr.position, 10.50, 9.75, 92.86, 50 + pr.id % 50, 50 + pr.id % 50,
      (array['优', '良', '中', '差'])[1 + pr.id % 4], 0
    from projects pr join documents d on d.id = pr.document_id where ${synthetic} and d.status in ('approved', 'published')`.execute(db);
  await sql`insert into document_rule_counts (document_id, rule_id, severity, findings)
    select d.id, r.rule, 'warning', 1 + (d.id + r.i) % 4
    from documents d cross join (values (1, 'indicator.targetVague'), (2, 'indicator.missingUnit'), (3, 'project.fewIndicators'),
      (4, 'goal.tooShort'), (5, 'budget.mismatch')) r(i, rule)
    where ${synthetic} and (d.id + r.i) % 2 = 0`.execute(db);
  const ids = (await db.selectFrom('documents as d').select('d.id').where(synthetic).orderBy('d.id').execute()).map((r) => r.id);
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < ids.length) {
        const id = ids[next++]!;
        await db.transaction().execute((trx) => refreshAggregates(trx, id));
      }
    }),
  );
  const province = await db.selectFrom('bureaus').select('id').where('code', '=', '99').executeTakeFirstOrThrow();
  const county = await db.selectFrom('bureaus').select('id').where('code', '=', '990101').executeTakeFirstOrThrow();
  await sql`analyze`.execute(db);
  return { provinceId: province.id, countyId: county.id, year: y, date: `${y}-05-15` as IsoDate };
}

async function main() {
  const { values } = parseArgs({
    options: {
      units: { type: 'string', default: '2000' },
      server: { type: 'string', default: 'postgres://postgres@127.0.0.1:55432/postgres' },
      plans: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  const units = Number(values.units);
  const name = `jixiao_province_queries_${units}`;
  const admin = new pg.Client({ connectionString: values.server });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  const url = new URL(values.server!);
  url.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: url.href });
  try {
    const cities = 10;
    const countiesPerCity = 10;
    const started = performance.now();
    const place = await synthesize(store.db, {
      cities,
      countiesPerCity,
      unitsPerCounty: Math.max(1, Math.round(units / (cities * countiesPerCity))),
      projectsPerDocument: 10,
      year: 2030,
    });
    const count = async (t: 'units' | 'documents' | 'projects' | 'project_monitoring') =>
      Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(store.db)).rows[0]!.n);
    console.log(
      `synthetic province: ${await count('units')} units, ${await count('documents')} documents, ${await count('projects')} projects, ` +
        `${await count('project_monitoring')} monitoring spans; written and aggregated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    console.log('query                     | aggregates: explain ms, p50, p99 | read time (before): explain ms, p50, p99');
    for (const [label, q] of Object.entries(provinceQueries)) {
      const explained = await explainQuery(url.href, q, place);
      const t = await timeQuery(store.db, q, place);
      const old = readTimeQueries[label];
      let before = '';
      if (old) {
        const e = await explainQuery(url.href, old, place);
        const o = await timeQuery(store.db, old, place, 10);
        before = `${e.ms.toFixed(1)}, ${o.p50.toFixed(1)}, ${o.p99.toFixed(1)}`;
      }
      console.log(`${label.padEnd(25)} | ${explained.ms.toFixed(1)}, ${t.p50.toFixed(1)}, ${t.p99.toFixed(1)} | ${before}`);
      if (values.plans) for (const plan of explained.plans) console.log(plan, '\n');
    }
  } finally {
    await store.close();
    if (!values.keep) await admin.query(`drop database if exists ${name}`);
    await admin.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
