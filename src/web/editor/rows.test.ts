import { describe, expect, it } from 'vitest';
import { insertBelow, insertInGroup, moveRow, removeRow, restoreRow } from './rows.ts';

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

  it('adds a row after the last of its 一级 and 二级, else of its 一级, else at the end', () => {
    const r = (level1: string, level2: string, name: string) => ({ level1, level2, name });
    const table = [
      r('产出指标', '数量指标', 'a'),
      r('产出指标', '质量指标', 'b'),
      r('产出指标', '数量指标', 'c'),
      r('满意度指标', '服务对象满意度指标', 'd'),
    ];
    const names = (x: { rows: { name: string }[]; index: number }) => [x.rows.map((row) => row.name).join(''), x.index];
    expect(names(insertInGroup(table, r('产出指标', '数量指标 ', 'x')))).toEqual(['abcxd', 3]);
    expect(names(insertInGroup(table, r('产出指标', '时效指标', 'x')))).toEqual(['abcxd', 3]);
    expect(names(insertInGroup(table, r('效益指标', '社会效益指标', 'x')))).toEqual(['abcdx', 4]);
    expect(names(insertInGroup([], r('效益指标', '社会效益指标', 'x')))).toEqual(['x', 0]);
  });
});
