/**
 * The architecture, enforced: arrows point inward to the pure domain core.
 * core ← formats ← store ← server ← cli, and web talks to the server over HTTP,
 * sharing only the core's pure code and the message catalogs — and the types of the HTTP contract:
 * the web may `import type` (erased by the build) from the server's schema files, so the shapes it
 * reads from the API are declared once, where the server validates and documents them.
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
/** A test of the core may also run under vitest and read its fixtures with Node. */
const isCoreTestPackage = (file: string, pkg: string) => /\.test\.tsx?$/.test(file) && (pkg === 'vitest' || pkg.startsWith('node:'));

/** The server's contract files (TypeBox schemas of requests and responses): pure, importing only typebox and the core. */
const SERVER_CONTRACT = /^server\/(?:[a-z-]+-)?schemas\.ts$/;

/** Every TypeScript file below `dir`, tests included: a test may reach no further than its layer. */
function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'fixtures') yield* sourceFiles(path);
    } else if (/\.tsx?$/.test(entry.name)) yield path;
  }
}

const IMPORT = /(?:^|[\n;])\s*((?:import|export)\s[^'"]*?)from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Each import's specifier, and whether the whole statement is type-only (so the build erases it). */
function importsOf(file: string): Array<{ spec: string; typeOnly: boolean }> {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => ({
    spec: (m[2] ?? m[3])!,
    typeOnly: m[1] !== undefined && /^(?:import|export)\s+type\s/.test(m[1]),
  }));
}

/** The path below src/ that a relative import in `rel` names. */
const targetOf = (rel: string, spec: string) => relative(SRC, resolve(join(SRC, rel, '..'), spec));

/** The web's one exception: type-only imports of the server's contract. */
const webReadsContract = (layer: string, target: string, typeOnly: boolean) => layer === 'web' && typeOnly && SERVER_CONTRACT.test(target);

/**
 * The import cycles of src/, type-only imports included (a cycle of types is still two concepts
 * that cannot be read apart): one per strongly connected component of the import graph (Tarjan),
 * each as a chain of files that leads back to its first, with the component's other files.
 */
function importCycles(): string[] {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const rel = relative(SRC, file);
    graph.set(
      rel,
      importsOf(file)
        .filter(({ spec }) => spec.startsWith('.'))
        .map(({ spec }) => targetOf(rel, spec)),
    );
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)!.includes(file)) components.push(component);
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return components.map((component) => {
    const chain = cycleThrough(graph, new Set(component), component.sort()[0]!);
    const others = component.filter((f) => !chain.includes(f));
    return chain.join(' → ') + (others.length > 0 ? ` (and caught in the same knot: ${others.join(', ')})` : '');
  });
}

/** The shortest chain of imports from `start` back to itself, inside one component. */
function cycleThrough(graph: Map<string, string[]>, component: Set<string>, start: string): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (const file of queue) {
    for (const next of graph.get(file)!) {
      if (!component.has(next)) continue;
      if (next === start) {
        const chain = [start];
        for (let at = file; at !== start; at = cameFrom.get(at)!) chain.splice(1, 0, at);
        return [...chain, start];
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, file);
        queue.push(next);
      }
    }
  }
  return [start];
}

describe('architecture', () => {
  const violations: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const rel = relative(SRC, file);
    const layer = rel.split('/')[0]!;
    const allowed = ALLOWED[layer];
    if (!allowed) continue;
    for (const { spec, typeOnly } of importsOf(file)) {
      if (spec.startsWith('.')) {
        const target = targetOf(rel, spec);
        if (!allowed.includes(target.split('/')[0]!) && !webReadsContract(layer, target, typeOnly)) violations.push(`${rel} → ${spec}`);
      } else if (layer === 'core' || layer === 'i18n') {
        const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        if (!CORE_PACKAGES.includes(pkg) && !isCoreTestPackage(rel, pkg)) violations.push(`${rel} → ${spec} (the core does no I/O)`);
      }
    }
  }

  it('every import points inward', () => {
    expect(violations).toEqual([]);
  });

  it('no file imports itself back, through any chain of imports', () => {
    expect(importCycles()).toEqual([]);
  });

  it('the server contract the web reads is as pure as the core (typebox and the core only)', () => {
    const impure: string[] = [];
    for (const file of sourceFiles(join(SRC, 'server'))) {
      const rel = relative(SRC, file);
      if (!SERVER_CONTRACT.test(rel)) continue;
      for (const { spec } of importsOf(file)) {
        const target = spec.startsWith('.') ? targetOf(rel, spec) : null;
        const ok =
          target === null ? CORE_PACKAGES.includes(spec) : ['core', 'i18n'].includes(target.split('/')[0]!) || SERVER_CONTRACT.test(target);
        if (!ok) impure.push(`${rel} → ${spec}`);
      }
    }
    expect(impure).toEqual([]);
  });
});
