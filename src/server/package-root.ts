import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The checkout's root: the nearest folder above `dir` with a package.json. Works the same from the
 * sources (src/…) and from the compiled code (dist/src/…).
 */
export function packageRoot(dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json'))) return d;
    if (dirname(d) === d) return dir;
  }
}

export const PACKAGE_ROOT = packageRoot(import.meta.dirname);
