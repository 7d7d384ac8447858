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
const FILL = 0.9;

export interface KeepPlan {
  /** For each part but the last, whether it is kept with the next (then the line between them is drawn once, by the part below). */
  joined: boolean[];
  /** For each part, the rows that start a piece of a group cut because it is taller than a page. */
  cuts: Set<number>[];
}

/**
 * Plans the page breaks Word may make. A chain of rows kept with the next (an 一级 group) taller than
 * `pageHeight` × FILL is cut into pieces that each fit, as even as their number allows: the writer
 * starts the merged 一级/二级 cells again at each cut, so a page never starts with rows whose labels
 * are on the page before, nor ends inside a merged cell Word would leave open. The block above the
 * table (the first part) is kept with the table's first chain only when both fit on a page.
 */
export function planKeeps(parts: KeptRow[][], pageHeight: number): KeepPlan {
  const room = pageHeight * FILL;
  /** The chains of a part: runs of rows each kept with the next, and the row that ends them, as [first, last]. */
  const chains = (rows: readonly KeptRow[]) => {
    const out: [number, number][] = [];
    let first = 0;
    rows.forEach((row, r) => {
      if (!row.keepNext || r === rows.length - 1) {
        out.push([first, r]);
        first = r + 1;
      }
    });
    return out;
  };
  const sum = (rows: readonly KeptRow[]) => rows.reduce((a, r) => a + r.height, 0);
  const cuts = parts.map(() => new Set<number>());
  parts.forEach((part, p) => {
    if (p === 0) return;
    for (const [first, last] of chains(part)) {
      if (sum(part.slice(first, last + 1)) <= room) continue;
      let body = first;
      while (body <= last && part[body]!.header) body++;
      const rows = part.slice(body, last + 1);
      const pieces = Math.ceil(sum(rows) / room);
      const even = sum(rows) / pieces;
      let height = 0;
      rows.forEach((row, i) => {
        if (i > 0 && height + row.height / 2 > even) {
          cuts[p]!.add(body + i);
          part[body + i - 1]!.keepNext = false;
          height = 0;
        }
        height += row.height;
      });
    }
  });
  const joined = parts.slice(0, -1).map((part, i) => {
    const last = part[part.length - 1];
    if (last === undefined || !last.keepNext) return false;
    const [[, end] = [0, -1]] = chains(parts[i + 1]!);
    if (sum(part) + sum(parts[i + 1]!.slice(0, end + 1)) <= room) return true;
    last.keepNext = false;
    return false;
  });
  return { joined, cuts };
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
