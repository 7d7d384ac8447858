import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '..');

/** Imports that run when the module loads: `import type` is erased, and `import(…)` waits for its call. */
const LOADED = /^(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/gm;

/** The packages a module loads, itself or through the modules it loads, and those modules. */
function loadedBy(file: string, seen = new Set<string>(), packages = new Set<string>()): { modules: Set<string>; packages: Set<string> } {
  seen.add(relative(SRC, file));
  for (const [, spec] of readFileSync(file, 'utf8').matchAll(LOADED)) {
    if (spec!.startsWith('.')) {
      const target = resolve(file, '..', spec!);
      if (!seen.has(relative(SRC, target))) loadedBy(target, seen, packages);
    } else if (!spec!.startsWith('node:')) packages.add(spec!);
  }
  return { modules: seen, packages };
}

describe("jixiao's start-up", () => {
  // Document, database and server libraries take seconds to load: help and each command's parsing must not wait for them.
  it('declares every command with commander and the messages alone; the work is loaded when a command runs', () => {
    const { modules, packages } = loadedBy(join(SRC, 'cli/main.ts'));
    expect([...packages]).toEqual(['commander']);
    expect([...modules].filter((m) => m.startsWith('cli/actions/'))).toEqual([]);
  });
});
