import { describe, expect, it } from 'vitest';
import { tableReader } from './table-reader.ts';

describe('the table reader benchmark', () => {
  it('runs quickly on small files, every project read back, and returns its figures (timings are not asserted)', {
    timeout: 120_000,
  }, async () => {
    const lines: string[] = [];
    const figures = await tableReader.run({ quick: true, log: (l) => lines.push(l) });
    const names = figures.map((f) => `${f.name} (${f.unit})`);
    expect(names).toEqual(
      expect.arrayContaining([
        'Word: tables read and recognised (projects/s)',
        'Word: vs the text reader (× its rate)',
        'Excel: tables read and recognised (projects/s)',
        'Excel: vs the text reader (× its rate)',
        'Word: grids alone (projects/s)',
        'text reader on the sample (projects/s)',
      ]),
    );
    expect(figures.every((f) => Number.isFinite(f.value) && f.value > 0)).toBe(true);
    expect(lines).toEqual(expect.arrayContaining(['word.docx: 40 projects, 11 indicators each, profile neimenggu-wuhai']));
  });
});
