#!/usr/bin/env node
// The `jixiao` command (`npm run jixiao` runs it too): the compiled CLI while dist/ is current, as
// `npm run build` leaves it; in a checkout whose sources changed since, the TypeScript through tsx, so
// that stale code never runs. Without sources (an installed copy) the compiled CLI is all there is.
import { existsSync } from 'node:fs';
import { compiledIsCurrent } from '../scripts/cli-build.js';

if (!existsSync(new URL('../src/cli/main.ts', import.meta.url)) || compiledIsCurrent()) await import('../dist/src/cli/main.js');
else {
  await import('tsx');
  await import('../src/cli/main.ts');
}
