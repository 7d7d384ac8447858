/**
 * API throughput and latency on loopback at 200 concurrent connections (autocannon), for reading
 * one project table and a bureau's document list from the real server on the embedded database
 * with the demo data, beside a bare Fastify hello-world measured in the same run. The servers run
 * in child processes, so the load generator (this process) never shares their event loop.
 * Target (the storage issue): ≥ 30 % of bare throughput and p99 < 50 ms.
 *
 * The machine's load average is part of the figures: on a shared 2-core machine, latency at 200
 * connections is mostly queueing (Little's law: mean latency ≈ connections ÷ throughput).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { signInOverHttp } from '../src/server/http-sign-in.testing.ts';
import { watchLoad, type Benchmark, type Figure } from './benchmark.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CONNECTIONS = 200;

export interface Child {
  child: ChildProcess;
  output: () => string;
  exited: Promise<void>;
}

export function start(args: string[], ready: RegExp): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  return new Promise((res, rej) => {
    const collect = (c: Buffer) => {
      out += c.toString();
      if (ready.test(out)) res({ child, output: () => out, exited });
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.once('exit', (code) => rej(new Error(`${args.join(' ')} exited ${code}: ${out}`)));
  });
}

export async function stop(c: Child | undefined): Promise<void> {
  if (!c || c.child.exitCode !== null || c.child.signalCode !== null) return;
  c.child.kill('SIGTERM');
  const timer = setTimeout(() => c.child.kill('SIGKILL'), 10_000);
  await c.exited;
  clearTimeout(timer);
}

interface Measured {
  reqPerSec: number;
  p50: number;
  p99: number;
}

async function load(url: string, seconds: number, headers: Record<string, string>): Promise<Measured> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  if (r.non2xx > 0 || r.errors > 0 || r.timeouts > 0)
    throw new Error(
      `${url}: ${r.non2xx} non-2xx responses, ${r.errors} errors, ${r.timeouts} timeouts: the figures would not be of this route`,
    );
  return { reqPerSec: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99 };
}

/** The session of the demo's reviewer, whose password the demo seeding printed. */
function signIn(url: string, output: string): Promise<Record<string, string>> {
  const [, username, password] = /财政审核\s+用户名 (\S+)\s+密码 (\S+)/.exec(output)!;
  return signInOverHttp(url, username!, password!);
}

export async function getJson<T>(url: string, headers: Record<string, string>): Promise<T> {
  const r = await fetch(url, { headers });
  if (r.status !== 200) throw new Error(`${url}: ${r.status}`);
  return (await r.json()) as T;
}

export const api: Benchmark = {
  name: 'api',
  description: `HTTP API at ${CONNECTIONS} connections on the embedded database vs a bare Fastify hello-world (autocannon, loopback)`,
  async run({ quick, log }) {
    const seconds = quick ? 2 : 10;
    const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
    let bare: Child | undefined;
    let server: Child | undefined;
    try {
      [bare, server] = await Promise.all([
        start(['bench/hello-server.ts'], /listening \d+/),
        start(['src/cli/main.ts', 'serve', '--port', '0', '--data', dataDir], /^数据库：.*\n/m),
      ]);
      const bareUrl = `http://127.0.0.1:${/listening (\d+)/.exec(bare.output())![1]}/`;
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(server.output())![0];
      // The county reviewer reads a document of a unit under the bureau, and the bureau's list.
      const headers = await signIn(url, server.output());
      const list = await getJson<{ items: Array<{ id: number }> }>(`${url}/api/documents?year=2020`, headers);
      const doc = await getJson<{ projects: Array<{ id: number }> }>(`${url}/api/documents/${list.items[0]!.id}`, headers);
      const bureaus = await getJson<{ items: Array<{ id: number }> }>(`${url}/api/bureaus`, headers);
      const routes = [
        { name: 'bare Fastify hello-world', url: bareUrl, headers: {} },
        { name: 'GET /api/projects/:id', url: `${url}/api/projects/${doc.projects[0]!.id}`, headers },
        { name: 'GET /api/documents (bureau list)', url: `${url}/api/documents?year=2020&bureauId=${bureaus.items.at(-1)!.id}`, headers },
      ];

      const machineLoad = watchLoad();
      const results: Measured[] = [];
      for (const route of routes) {
        await load(route.url, quick ? 1 : 2, route.headers); // warm-up: JIT, caches
        const m = await load(route.url, seconds, route.headers);
        log(
          `${route.name}: ${m.reqPerSec} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms (${seconds} s, load average ${loadavg()[0]!.toFixed(1)})`,
        );
        results.push(m);
      }
      const loadFigure = machineLoad();

      const base = results[0]!;
      const figures: Figure[] = [];
      routes.forEach((route, i) => {
        const m = results[i]!;
        const ofBare = (m.reqPerSec / base.reqPerSec) * 100;
        figures.push({
          name: route.name,
          value: m.reqPerSec,
          unit: 'req/s',
          note: i === 0 ? `${CONNECTIONS} connections, ${seconds} s` : `${ofBare.toFixed(1)} % of bare (target ≥ 30 %)`,
        });
        figures.push({ name: route.name, value: m.p50, unit: 'ms p50' });
        figures.push({ name: route.name, value: m.p99, unit: 'ms p99', note: i === 0 ? undefined : 'target < 50 ms' });
        if (i > 0)
          figures.push({ name: `${route.name} vs bare`, value: Number(ofBare.toFixed(1)), unit: '% of bare req/s', note: 'target ≥ 30' });
      });
      figures.push(loadFigure);
      return figures;
    } finally {
      await Promise.all([stop(bare), stop(server)]);
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
