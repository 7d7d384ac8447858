/**
 * The real server process, on a PGlite data directory, is killed with SIGKILL in the middle of a
 * large import (one generated document of thousands of projects). After a restart the database
 * opens cleanly and the import is wholly there or wholly absent — at several kill points.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDocuments } from '../core/model/generate.ts';
import { ROOT } from './fixture.testing.ts';

const PROJECTS = 2000;

function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string; output: string[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'serve', '--port', '0', '--data', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output.join('')}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const text = output.join('');
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(text)?.[0];
      // The database line is printed last, once the server is up.
      if (url && /数据库：.*\n/.test(text)) {
        clearTimeout(timer);
        resolve({ child, url, output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => output.push(c.toString()));
    child.once('exit', (code) => reject(new Error(`server exited ${code}:\n${output.join('')}`)));
  });
}

async function signIn(url: string, username: string, password: string) {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { token } = (await csrf.json()) as { token: string };
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: csrfCookie },
    body: JSON.stringify({ username, password }),
  });
  expect(login.status).toBe(200);
  const cookie = [csrfCookie, ...login.headers.getSetCookie().map((c) => c.split(';')[0])].join('; ');
  return { headers: { cookie, 'x-csrf-token': token } };
}

const killed = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));

describe('SIGKILL during a large import', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('leaves the import wholly present or wholly absent, and the database opens', async () => {
    const first = await startServer(dataDir);
    const password = /系统管理\s+用户名 admin\s+密码 (\S+)/.exec(first.output.join(''))![1]!;
    first.child.kill('SIGKILL');
    await killed(first.child);

    const outcomes: string[] = [];
    // Kill points after the request is sent: early, middle, late in the import.
    for (const [i, delay] of [150, 1200, 3000, 6000].entries()) {
      const year = 2030 + i;
      const [doc] = generateDocuments({ seed: 100 + i, units: 1, projectsPerUnit: PROJECTS, year });
      const document = { ...doc!, unit: { code: '315003', name: '怀来县教育局' } };
      const indicators = document.projects.reduce((n, p) => n + p.indicators.length, 0);
      const server = await startServer(dataDir);
      const auth = await signIn(server.url, 'admin', password);
      const request = fetch(`${server.url}/api/import/commit`, {
        method: 'POST',
        headers: { ...auth.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ documents: [{ document }] }),
      }).then(
        (r) => r.status,
        () => 'killed',
      );
      await new Promise((r) => setTimeout(r, delay));
      server.child.kill('SIGKILL');
      await killed(server.child);
      const answered = await request;

      const again = await startServer(dataDir);
      try {
        const a = await signIn(again.url, 'admin', password);
        const list = (await (await fetch(`${again.url}/api/documents?year=${year}`, a)).json()) as {
          total: number;
          items: Array<{ id: number; projectCount: number }>;
        };
        if (answered === 201) expect(list.total).toBe(1);
        expect([0, 1]).toContain(list.total);
        if (list.total === 1) {
          const stored = (await (await fetch(`${again.url}/api/documents/${list.items[0]!.id}`, a)).json()) as {
            projects: Array<{ indicators: unknown[] }>;
          };
          expect(stored.projects).toHaveLength(PROJECTS);
          expect(stored.projects.reduce((n, p) => n + p.indicators.length, 0)).toBe(indicators);
        }
        outcomes.push(`${delay}ms: ${answered === 201 ? 'committed' : 'killed'} → ${list.total === 1 ? 'present' : 'absent'}`);
      } finally {
        again.child.kill('SIGTERM');
        await killed(again.child);
      }
    }
    console.log(`crash test outcomes: ${outcomes.join('; ')}`);
    // At least one kill must have hit a running import, or the test proved nothing.
    expect(outcomes.some((o) => o.includes('killed'))).toBe(true);
  }, 600_000);
});
