import { describe, expect, it } from 'vitest';
import { insertBelow, moveRow, removeRow, restoreRow } from './rows.ts';

describe('indicator row operations', () => {
  const rows = ['a', 'b', 'c'];

  it('moves a row up and down and reports where it went', () => {
    expect(moveRow(rows, 1, -1)).toEqual({ rows: ['b', 'a', 'c'], index: 0 });
    expect(moveRow(rows, 1, 1)).toEqual({ rows: ['a', 'c', 'b'], index: 2 });
  });

  it('leaves the list as it is when a move would leave it', () => {
    expect(moveRow(rows, 0, -1)).toEqual({ rows, index: 0 });
    expect(moveRow(rows, 2, 1)).toEqual({ rows, index: 2 });
  });

  it('inserts below a row, or first when there is none', () => {
    expect(insertBelow(rows, 0, 'x')).toEqual({ rows: ['a', 'x', 'b', 'c'], index: 1 });
    expect(insertBelow(rows, 2, 'x')).toEqual({ rows: ['a', 'b', 'c', 'x'], index: 3 });
    expect(insertBelow([], -1, 'x')).toEqual({ rows: ['x'], index: 0 });
  });

  it('removes a row and restores it in its place', () => {
    const { rows: left, removed } = removeRow(rows, 1);
    expect(left).toEqual(['a', 'c']);
    expect(removed).toEqual({ row: 'b', index: 1 });
    expect(restoreRow(left, removed!)).toEqual({ rows: rows, index: 1 });
  });

  it('restores at the end when rows were removed since', () => {
    expect(restoreRow(['a'], { row: 'c', index: 2 })).toEqual({ rows: ['a', 'c'], index: 1 });
  });

  it('does not mutate its input', () => {
    const input = ['a', 'b'];
    moveRow(input, 0, 1);
    insertBelow(input, 0, 'x');
    removeRow(input, 0);
    expect(input).toEqual(['a', 'b']);
  });
});
