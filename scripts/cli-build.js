/**
 * The compiled CLI (dist/src) and whether it may be run. `node scripts/cli-build.js` compiles it
 * (`npm run build`, `npm start`) and stamps the build; bin/jixiao.js runs the compiled code only
 * while no source it is compiled from has changed since that build began, else the TypeScript
 * itself. Plain JavaScript: the launcher reads it before anything can load TypeScript.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
/**
 * Its time is when the last successful build began. Not dist/.tsbuildinfo: tsc rewrites nothing
 * when no content changed, so after a checkout that only touched files its time would stay older
 * than theirs for good.
 */
const STAMP = join(ROOT, 'dist/.cli-built');
/** What tsconfig.build.json compiles besides src/, and what decides how (package.json's module type). */
const SETTINGS = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];
/** Left out of the build by tsconfig.build.json: changing them leaves the compiled CLI as it is. */
const notBuilt = (path) => path === join(ROOT, 'src/web') || /(?:\/fixtures|\.test\.ts|\.testing\.ts)$/.test(path);

/** The newest time among the TypeScript files below `dir` and the folders themselves. */
function newest(dir) {
  // A folder's time changes when a file in it is deleted or renamed, which no remaining file shows.
  let t = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (notBuilt(path)) continue;
    if (entry.isDirectory()) t = Math.max(t, newest(path));
    else if (entry.name.endsWith('.ts')) t = Math.max(t, statSync(path).mtimeMs);
  }
  return t;
}

/** True when dist/ was built, successfully, from the sources as they are: none changed since the build began. */
export function compiledIsCurrent() {
  const built = statSync(STAMP, { throwIfNoEntry: false })?.mtimeMs;
  if (built === undefined) return false;
  // Equal times are stale: the file system's clock is coarse, and a file saved in the tick the build began may have been read before.
  return newest(join(ROOT, 'src')) < built && SETTINGS.every((f) => statSync(join(ROOT, f)).mtimeMs < built);
}

function build() {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  // While tsc writes, dist/ is part old, part new: nothing may run it.
  rmSync(STAMP, { force: true });
  // Created before tsc reads any source, so its time (by the same clock as the sources') is the build's start.
  const started = `${STAMP}.${process.pid}`;
  writeFileSync(started, '');
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status === 0) renameSync(started, STAMP);
  else {
    rmSync(started, { force: true });
    process.exit(r.status ?? 1);
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) build();
