/**
 * Which rows of a form Word keeps with the next, when some groups cannot be kept whole. Word keeps a
 * chain of rows kept with the next on one page; a chain taller than a page it moves to a new page all
 * the same and breaks there, leaving the page before it empty below a title (LibreOffice does the
 * same). So a chain that could not fit on a page is not asked for: a merged 一级 group taller than a
 * page flows row by row, and the block above the indicator table is kept with the table's header and
 * first group only when all of them fit on a page together. Heights are estimated (./measure.ts), on
 * the safe side.
 */
import { textHeight } from '../publication/measure.ts';

export interface KeptRow {
  /** Estimated height in points. */
  height: number;
  keepNext: boolean;
  /** A header row: kept with the row after it whatever the group does. */
  header: boolean;
}

/** The share of a page a chain may fill: the estimate is rough, and a title may stand above it. */
const FILL = 0.8;

/**
 * Clears keep-with-next where the chain it makes is taller than `pageHeight` × FILL. Returns for each
 * part but the last whether it is still kept with the next part (then the line between them is drawn
 * once, by the part below).
 */
export function loosenKeeps(parts: KeptRow[][], pageHeight: number): boolean[] {
  const room = pageHeight * FILL;
  /** The chains of a part: runs of rows each kept with the next, and the row that ends them. */
  const chains = (rows: KeptRow[]) => {
    const out: KeptRow[][] = [[]];
    for (const row of rows) {
      out[out.length - 1]!.push(row);
      if (!row.keepNext) out.push([]);
    }
    return out.filter((c) => c.length > 0);
  };
  const sum = (rows: readonly KeptRow[]) => rows.reduce((a, r) => a + r.height, 0);
  for (const part of parts.slice(1)) {
    for (const chain of chains(part)) {
      if (sum(chain) <= room) continue;
      for (const row of chain) row.keepNext &&= row.header;
    }
  }
  return parts.slice(0, -1).map((part, i) => {
    const last = part[part.length - 1];
    if (last === undefined || !last.keepNext) return false;
    const [first = []] = chains(parts[i + 1]!);
    if (sum(part) + sum(first) <= room) return true;
    last.keepNext = false;
    return false;
  });
}

/** A row's estimated height: its tallest cell of one row, cells merged down sharing out their height. */
export function rowHeights(
  rows: readonly { cells: readonly { text: string; width: number; rows: number }[] }[],
  size: number,
  padding: number,
): number[] {
  const heights = rows.map(() => 0);
  rows.forEach((row, r) => {
    for (const cell of row.cells) {
      const h = textHeight(cell.text, cell.width, size) + padding;
      heights[r] = Math.max(heights[r]!, h / cell.rows);
    }
  });
  return heights;
}
