/** A library's ids name its entries (a unit's row points at one): each id once, in JSON and XLSX alike. */
import type { LibraryEntry } from '../../core/library/index.ts';

/** Calls `duplicate` with the 0-based index and id of the first entry whose id came before. */
export function checkUniqueIds(entries: readonly LibraryEntry[], duplicate: (index: number, id: string) => never): void {
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    if (seen.has(e.id)) duplicate(i, e.id);
    seen.add(e.id);
  });
}
