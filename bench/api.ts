/**
 * API throughput on loopback (autocannon, 200 connections) for reading one project table and a
 * bureau's document list, against the real server on the embedded database with the demo data,
 * as a ratio to a bare Fastify hello-world measured in the same run. Servers run in child
 * processes so the load generator never shares their event loop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';

const ROOT = resolve(import.meta.dirname, '..');
const CONNECTIONS = 200;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

function start(args: string[], ready: RegExp): Promise<{ child: ChildProcess; text: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  return new Promise((res, rej) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (ready.test(out)) res({ child, text: () => out });
    });
    child.once('exit', (code) => rej(new Error(`exited ${code}: ${out}`)));
  });
}

async function measure(name: string, url: string, headers: Record<string, string> = {}) {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  const line = { name, reqPerSec: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx };
  console.log(`${name.padEnd(28)} ${String(line.reqPerSec).padStart(8)} req/s   p50 ${line.p50} ms   p99 ${line.p99} ms   non-2xx ${line.non2xx}`);
  return line;
}

export async function benchApi(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
  const bare = await start(['bench/hello-server.ts'], /listening (\d+)/);
  const server = await start(['src/cli/main.ts', 'serve', '--port', '0', '--data', dataDir], /数据库：.*\n/);
  try {
    const barePort = /listening (\d+)/.exec(bare.text())![1];
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(server.text())![0];
    const reviewerPassword = /财政审核\s+用户名 (\S+)\s+密码 (\S+)/.exec(server.text())!;
    // Sign in as the county reviewer (csrf, then login) for the authenticated reads.
    const csrf = await fetch(`${url}/api/auth/csrf`);
    const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const { token } = (await csrf.json()) as { token: string };
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: csrfCookie },
      body: JSON.stringify({ username: reviewerPassword[1], password: reviewerPassword[2] }),
    });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const headers = { cookie };
    const list = (await (await fetch(`${url}/api/documents?year=2020`, { headers })).json()) as { items: Array<{ id: number }> };
    const doc = (await (await fetch(`${url}/api/documents/${list.items[0]!.id}`, { headers })).json()) as { projects: Array<{ id: number }> };
    const bureaus = (await (await fetch(`${url}/api/bureaus`, { headers })).json()) as { items: Array<{ id: number; depth: number }> };
    const county = bureaus.items.at(-1)!.id;

    console.log(`API benchmark: ${CONNECTIONS} connections, ${SECONDS} s each, loopback, embedded database (PGlite)`);
    const base = await measure('bare Fastify hello-world', `http://127.0.0.1:${barePort}/`);
    const project = await measure('GET /api/projects/:id', `${url}/api/projects/${doc.projects[0]!.id}`, headers);
    const listing = await measure('GET /api/documents (bureau)', `${url}/api/documents?year=2020&bureauId=${county}`, headers);
    for (const r of [project, listing])
      console.log(
        `${r.name.padEnd(28)} ${(r.reqPerSec / base.reqPerSec * 100).toFixed(1)} % of bare (target ≥ 30 %), p99 ${r.p99} ms (target < 50 ms)`,
      );
  } finally {
    bare.child.kill('SIGTERM');
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchApi();
