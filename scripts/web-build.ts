/**
 * The built UI (dist/web) is rebuilt when it is missing or older than any source it is made from:
 * before `npm start` (a checkout that pulled new code must not serve yesterday's UI) and before the
 * end-to-end tests, which run against the production build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = resolve(import.meta.dirname, '..');
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

/** Builds the UI if it is stale; `verbose` shows vite's own progress (for `npm start`), else only its errors. */
export function ensureWebBuild(verbose = false): void {
  if (!webBuildIsStale()) return;
  withBuildLock(() => {
    if (webBuildIsStale()) buildWeb(verbose);
  });
}

function buildWeb(verbose: boolean): void {
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  // Vitest runs with NODE_ENV=test; the UI under test is the production build people get.
  const env = { ...process.env, NODE_ENV: 'production' };
  const r = verbose
    ? spawnSync(process.execPath, [vite, 'build'], { cwd: ROOT, stdio: 'inherit', env })
    : spawnSync(process.execPath, [vite, 'build', '--logLevel', 'error'], { cwd: ROOT, encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`vite build failed${verbose ? '' : `:\n${r.stdout}\n${r.stderr}`}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) ensureWebBuild(true);
