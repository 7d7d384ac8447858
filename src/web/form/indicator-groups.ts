/**
 * The merged-cell look of the official indicator table: 一级 merged down over consecutive rows of the
 * same 一级, 二级 over consecutive rows of the same 一级 and 二级 (as the DOCX and PDF writers print it).
 */
import type { Indicator } from '../../core/model/document.ts';

export interface RowSpans {
  /** Rows the 一级 cell starting here spans; 0 where the row is merged into the cell above. */
  level1: number;
  level2: number;
}

const same = (a: string, b: string) => a.trim() === b.trim();

export function rowSpans(rows: readonly Pick<Indicator, 'level1' | 'level2'>[]): RowSpans[] {
  const spans: RowSpans[] = rows.map(() => ({ level1: 1, level2: 1 }));
  let start1 = 0;
  let start2 = 0;
  rows.forEach((row, i) => {
    if (i === 0) return;
    const prev = rows[i - 1]!;
    if (same(row.level1, prev.level1)) {
      spans[start1]!.level1++;
      spans[i]!.level1 = 0;
      if (same(row.level2, prev.level2)) {
        spans[start2]!.level2++;
        spans[i]!.level2 = 0;
        return;
      }
    } else start1 = i;
    start2 = i;
  });
  return spans;
}
