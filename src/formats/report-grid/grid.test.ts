import { describe, expect, it } from 'vitest';
import { placeCells, runLengths, sheetName, type ReportForm } from './grid.ts';

const form = (rows: ReportForm['rows'], columns = 3): ReportForm => ({
  sheetName: 't',
  title: 't',
  subtitle: null,
  caption: null,
  columns: new Array(columns).fill(1),
  rows,
  notes: [],
  landscape: false,
});

describe('placing cells on the grid', () => {
  it('skips columns covered by a cell spanning rows from above', () => {
    const placed = placeCells(
      form([
        {
          cells: [
            { text: 'a', rowSpan: 2 },
            { text: 'b', span: 2 },
          ],
        },
        { cells: [{ text: 'c' }, { text: 'd' }] },
      ]),
    );
    expect(placed.map((c) => [c.text, c.row, c.column, c.span, c.rowSpan])).toEqual([
      ['a', 0, 0, 1, 2],
      ['b', 0, 1, 2, 1],
      ['c', 1, 1, 1, 1],
      ['d', 1, 2, 1, 1],
    ]);
  });
  it('refuses a row that does not fill the grid', () => {
    expect(() => placeCells(form([{ cells: [{ text: 'a' }] }]))).toThrow('fills 1 of 3 columns');
    expect(() => placeCells(form([{ cells: [{ text: 'a', span: 4 }] }]))).toThrow('wider than 3 columns');
  });
});

describe('merging equal cells down a column', () => {
  it('gives the run length at each run start', () => {
    expect(runLengths(['产出', '产出', '效果', '满意度', '满意度'])).toEqual([2, 0, 1, 2, 0]);
  });
  it('never lets an inner run cross an outer one', () => {
    const outer = runLengths(['产出', '产出', '效果']);
    expect(runLengths(['社会效益', '社会效益', '社会效益'], outer)).toEqual([2, 0, 1]);
  });
});

describe('sheet names', () => {
  it('are what Excel accepts, and unique', () => {
    const taken = new Set<string>();
    expect(sheetName('a/b:c', taken)).toBe('a-b-c');
    expect(sheetName('a/b:c', taken)).toBe('a-b-c-2');
    expect(sheetName('x'.repeat(40), taken)).toHaveLength(31);
  });
});
