/**
 * The end-to-end tests run against the built UI: build it when dist/web is missing or older than
 * any source it is made from.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
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

export function ensureWebBuild(): void {
  if (!webBuildIsStale()) return;
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  // Vitest runs with NODE_ENV=test; the UI under test is the production build people get.
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'error'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
}
