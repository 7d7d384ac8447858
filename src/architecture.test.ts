/**
 * The architecture, enforced: arrows point inward to the pure domain core.
 * core ← formats ← store ← server ← cli, and web talks to the server over HTTP,
 * sharing only the core's pure code and the message catalogs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname);

/** Which top-level layers each layer may import. */
const ALLOWED: Record<string, readonly string[]> = {
  i18n: ['i18n'],
  core: ['core', 'i18n'],
  formats: ['formats', 'core', 'i18n'],
  store: ['store', 'formats', 'core', 'i18n'],
  server: ['server', 'store', 'formats', 'core', 'i18n'],
  cli: ['cli', 'server', 'store', 'formats', 'core', 'i18n'],
  web: ['web', 'core', 'i18n'],
};

/** Packages the pure core may use: none of them does I/O. */
const CORE_PACKAGES = ['decimal.js', 'typebox'];

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'fixtures') yield* sourceFiles(path);
    } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) yield path;
  }
}

const IMPORT = /(?:^|[\n;])\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => (m[1] ?? m[2])!);
}

describe('architecture', () => {
  const violations: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const rel = relative(SRC, file);
    const layer = rel.split('/')[0]!;
    const allowed = ALLOWED[layer];
    if (!allowed) continue;
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.')) {
        const target = relative(SRC, resolve(join(SRC, rel, '..'), spec)).split('/')[0]!;
        if (!allowed.includes(target)) violations.push(`${rel} → ${spec}`);
      } else if (layer === 'core' || layer === 'i18n') {
        const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        if (!CORE_PACKAGES.includes(pkg)) violations.push(`${rel} → ${spec} (the core does no I/O)`);
      }
    }
  }

  it('every import points inward', () => {
    expect(violations).toEqual([]);
  });
});
