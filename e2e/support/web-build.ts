/**
 * The end-to-end tests run against the built UI: build it when dist/web is missing or older than
 * any source it is made from.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const INDEX = join(ROOT, 'dist/web/index.html');
const SOURCES = ['src/web', 'src/core', 'src/i18n', 'vite.config.ts', 'package-lock.json'];

function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = 0;
  for (const entry of readdirSync(path)) t = Math.max(t, newest(join(path, entry)));
  return t;
}

export function webBuildIsStale(): boolean {
  if (!existsSync(INDEX)) return true;
  const built = statSync(INDEX).mtimeMs;
  return SOURCES.some((s) => existsSync(join(ROOT, s)) && newest(join(ROOT, s)) > built);
}

const LOCK = join(ROOT, 'dist/.web-build.lock');

/** Test files run in parallel: one builds while the others wait for it (a directory is the lock). */
function withBuildLock(build: () => void): void {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock older than any build is left over from a killed run.
      const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 300_000) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() - started > 300_000) throw new Error(`waited 5 minutes for ${LOCK}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    build();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export function ensureWebBuild(): void {
  if (!webBuildIsStale()) return;
  withBuildLock(() => {
    if (webBuildIsStale()) buildWeb();
  });
}

function buildWeb(): void {
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  // Vitest runs with NODE_ENV=test; the UI under test is the production build people get.
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'error'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
}
