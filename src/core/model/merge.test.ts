import { describe, expect, it } from 'vitest';
import type { DepartmentGoals } from './document.ts';
import { aProject } from '../review/testing.ts';
import { annualRow } from './indicator.testing.ts';
import { alignRows, equal, mergeDepartment, mergeProject, type KeyedProject, type KeyedRow } from './merge.ts';

const row = (key: string, description: string, target = '≥1次'): KeyedRow => ({
  ...annualRow('产出指标', '数量指标', description, target, '计划'),
  key,
});

const project = (indicators: KeyedRow[], patch: Partial<KeyedProject> = {}): KeyedProject => ({ ...aProject(patch), indicators });

const rows = ['a', 'b', 'c', 'd', 'e', 'f'].map((k, i) => row(k, `指标${i + 1}`));
const base = project(rows);
const described = (p: KeyedProject) => p.indicators.map((r) => r.description);
const withRow = (p: KeyedProject, key: string, patch: Partial<KeyedRow>) => ({
  ...p,
  indicators: p.indicators.map((r) => (r.key === key ? { ...r, ...patch } : r)),
});

describe('mergeProject', () => {
  it('keeps their saved row and my row when each changed a different one (the lost-update case)', () => {
    const theirs = withRow(base, 'd', { target: '≥4次' });
    const mine = withRow(base, 'e', { target: '≥5次' });
    const r = mergeProject(base, mine, theirs);
    expect(r.value.indicators.map((x) => x.target)).toEqual(['≥1次', '≥1次', '≥1次', '≥4次', '≥5次', '≥1次']);
    expect(r.conflicts).toEqual([]);
    expect(r.changes).toEqual([{ field: 'target', row: 5 }]);
  });

  it('takes fields only I changed from me and fields only they changed from them', () => {
    const mine = project(rows, { useOfFunds: '办理法律援助案件' });
    const theirs = project(rows, { name: '法律援助（2020）' });
    const r = mergeProject(base, mine, theirs);
    expect(r.value).toMatchObject({ name: '法律援助（2020）', useOfFunds: '办理法律援助案件' });
    expect(r.changes).toEqual([{ field: 'useOfFunds', row: null }]);
  });

  it('merges the budget amounts one by one', () => {
    const mine = project(rows, { budget: { ...base.budget, total: '12.00' } });
    const theirs = project(rows, { budget: { ...base.budget, fiscal: '8.00' } });
    expect(mergeProject(base, mine, theirs).value.budget).toEqual({ total: '12.00', fiscal: '8.00', other: null, sources: [] });
  });

  it('reports a field both changed differently, keeps mine until told, and takes theirs when chosen', () => {
    const mine = project(rows, { name: '法律援助甲' });
    const theirs = project(rows, { name: '法律援助乙' });
    const r = mergeProject(base, mine, theirs);
    expect(r.conflicts).toEqual([{ key: 'name', field: 'name', row: null, mine: '法律援助甲', theirs: '法律援助乙' }]);
    expect(r.value.name).toBe('法律援助甲');
    expect(mergeProject(base, mine, theirs, { name: 'theirs' }).value.name).toBe('法律援助乙');
  });

  it('is no conflict when both made the same change', () => {
    const both = project(rows, { name: '同名' });
    const r = mergeProject(base, both, both);
    expect(r.conflicts).toEqual([]);
    expect(r.value.name).toBe('同名');
  });

  it('reports a cell both changed with its row as I see it', () => {
    const mine = withRow(base, 'c', { level3: '案件数' });
    const theirs = withRow(base, 'c', { level3: '结案数' });
    const r = mergeProject(base, mine, theirs, { 'c.level3': 'theirs' });
    expect(r.conflicts).toEqual([{ key: 'c.level3', field: 'level3', row: 3, mine: '案件数', theirs: '结案数' }]);
    expect(r.value.indicators[2]!.level3).toBe('结案数');
  });

  it('merges the columns only some forms print, a column left out being the same as an empty one', () => {
    const theirs = withRow(base, 'c', { weight: '10', nature: null });
    const mine = withRow(project(rows, { manager: '张伟', budget: { ...base.budget, mediumTerm: '15.00' } }), 'c', { nature: '≥' });
    const r = mergeProject(base, mine, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.value.indicators[2]).toMatchObject({ weight: '10', nature: '≥' });
    expect(r.value).toMatchObject({ manager: '张伟', budget: { mediumTerm: '15.00' } });
    expect(r.changes).toEqual([
      { field: 'manager', row: null },
      { field: 'budget.mediumTerm', row: null },
      { field: 'nature', row: 3 },
    ]);
    // Nothing either side set stays absent.
    expect(mergeProject(base, base, theirs).value.indicators[0]).not.toHaveProperty('weight');
    const both = mergeProject(base, withRow(base, 'a', { weight: '5' }), withRow(base, 'a', { weight: '6' }));
    expect(both.conflicts).toEqual([{ key: 'a.weight', field: 'weight', row: 1, mine: '5', theirs: '6' }]);
  });

  it('compares lists and objects by content, whatever the order of their keys', () => {
    const theirs = project(rows, {
      unit: { name: base.unit.name, code: base.unit.code },
      goals: base.goals.map((g) => ({ text: g.text, term: g.term })),
    });
    const mine = project(rows, { goals: [{ term: 'annual', text: '办理更多案件' }] });
    const r = mergeProject(base, mine, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.value.goals).toEqual([{ term: 'annual', text: '办理更多案件' }]);
  });

  it('keeps rows either side added, each after the row it follows there', () => {
    const mine = { ...base, indicators: [...rows.slice(0, 2), row('m1', '我加的'), ...rows.slice(2)] };
    const theirs = { ...base, indicators: [...rows.slice(0, 4), row('t1', '他加的'), ...rows.slice(4)] };
    const r = mergeProject(base, mine, theirs);
    expect(described(r.value)).toEqual(['指标1', '指标2', '我加的', '指标3', '指标4', '他加的', '指标5', '指标6']);
    expect(r.changes).toEqual([{ field: 'rowAdded', row: 3 }]);
  });

  it('keeps a row added at the top by the side that did not reorder', () => {
    const mine = { ...base, indicators: [row('m1', '首行'), ...rows] };
    expect(described(mergeProject(base, mine, base).value)[0]).toBe('首行');
  });

  it('takes deletions of rows the other side left alone', () => {
    const mine = { ...base, indicators: rows.filter((r) => r.key !== 'b') };
    const theirs = { ...base, indicators: rows.filter((r) => r.key !== 'f') };
    const r = mergeProject(base, mine, theirs);
    expect(described(r.value)).toEqual(['指标1', '指标3', '指标4', '指标5']);
    expect(r.changes).toEqual([{ field: 'rowDeleted', row: 2 }]);
  });

  it('makes a row one side deleted and the other changed a conflict, deleted only when that side is chosen', () => {
    const mine = { ...base, indicators: rows.filter((r) => r.key !== 'b') };
    const theirs = withRow(base, 'b', { target: '≥2次' });
    const r = mergeProject(base, mine, theirs);
    expect(r.conflicts).toEqual([{ key: 'b.row', field: 'row', row: 2, mine: null, theirs: expect.objectContaining({ target: '≥2次' }) }]);
    expect(r.value.indicators).toHaveLength(5);
    expect(described(mergeProject(base, mine, theirs, { 'b.row': 'theirs' }).value)).toEqual(described(base));
    // The other way round: they deleted the row I changed.
    const mine2 = withRow(base, 'b', { target: '≥3次' });
    const theirs2 = { ...base, indicators: rows.filter((r) => r.key !== 'b') };
    expect(mergeProject(base, mine2, theirs2).value.indicators.map((x) => x.key)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(mergeProject(base, mine2, theirs2, { 'b.row': 'theirs' }).value.indicators).toHaveLength(5);
  });

  it('takes my order when I moved rows, and their cell changes with it', () => {
    const mine = { ...base, indicators: [rows[1]!, rows[0]!, ...rows.slice(2)] };
    const theirs = withRow(base, 'a', { target: '≥9次' });
    const r = mergeProject(base, mine, theirs);
    expect(r.value.indicators.map((x) => x.key)).toEqual(['b', 'a', 'c', 'd', 'e', 'f']);
    expect(r.value.indicators[1]!.target).toBe('≥9次');
    expect(r.changes).toEqual([{ field: 'rowOrder', row: null }]);
  });

  it('takes their order when only they moved rows, keeping my added row after its neighbour', () => {
    const mine = { ...base, indicators: [...rows.slice(0, 5), row('m1', '我加的'), rows[5]!] };
    const theirs = { ...base, indicators: [...rows].reverse() };
    expect(mergeProject(base, mine, theirs).value.indicators.map((x) => x.key)).toEqual(['f', 'e', 'm1', 'd', 'c', 'b', 'a']);
  });

  it('keeps what mine carries beside the form (an editor key and id)', () => {
    const editor = { ...base, key: 'p7', id: 7 };
    expect(mergeProject(editor, { ...editor, name: 'x' }, { ...editor, key: 'p9' }).value).toMatchObject({ key: 'p7', id: 7, name: 'x' });
  });
});

describe('mergeDepartment', () => {
  const goals: DepartmentGoals = { overallGoal: '总体', subGoals: [], safeguards: [] };

  it('merges its three parts one by one', () => {
    const mine = { ...goals, overallGoal: '我的总体' };
    const theirs = { ...goals, safeguards: [{ label: '（一）', text: '保障', children: [] }] };
    const r = mergeDepartment(goals, mine, theirs);
    expect(r.value).toEqual({ overallGoal: '我的总体', subGoals: [], safeguards: theirs.safeguards });
    expect(r.changes).toEqual([{ field: 'overallGoal', row: null }]);
  });

  it('merges the 部门整体 table’s funds, 履职目标 and indicators each as one field', () => {
    const funds = { amountUnit: '万元' as const, total: '10.00', project: '5.00', basic: '5.00' };
    const mine = { ...goals, funds };
    const theirs = { ...goals, duties: [{ duty: '援助', task: '办案', projectName: '法律援助', amount: null }] };
    const r = mergeDepartment(goals, mine, theirs);
    expect(r.value).toEqual({ ...goals, funds, duties: theirs.duties });
    expect(r.changes).toEqual([{ field: 'funds', row: null }]);
    const other = mergeDepartment(goals, mine, { ...goals, funds: { ...funds, basic: '4.00' } });
    expect(other.conflicts.map((c) => c.key)).toEqual(['funds']);
  });

  it('treats the whole part as one field when a side has none', () => {
    expect(mergeDepartment(null, goals, null).value).toEqual(goals);
    expect(mergeDepartment(null, null, goals).value).toEqual(goals);
    const r = mergeDepartment(goals, null, { ...goals, overallGoal: '改过' });
    expect(r.conflicts.map((c) => c.key)).toEqual(['departmentGoals']);
    expect(r.value).toBeNull();
  });
});

describe('alignRows', () => {
  let n = 0;
  const fresh = () => `new${++n}`;
  const plain = (rs: KeyedRow[]) => rs.map(({ key: _k, ...r }) => r);

  it('finds every unchanged row in a version read anew', () => {
    expect(alignRows(rows, plain(rows), fresh)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('recognises a row whose cell someone changed, between unchanged ones', () => {
    const other = plain(withRow(base, 'd', { target: '≥4次' }).indicators);
    expect(alignRows(rows, other, fresh)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('gives new rows fresh keys and leaves deleted ones out', () => {
    n = 0;
    const other = [...plain(rows.slice(0, 2)), annualRow('效益指标', '社会效益指标', '全新', '好', '无'), ...plain(rows.slice(3))];
    expect(alignRows(rows, other, fresh)).toEqual(['a', 'b', 'new1', 'd', 'e', 'f']);
  });

  it('reads a row moved across others as deleted and added again (its content survives, its key does not)', () => {
    n = 0;
    expect(alignRows(rows, plain([rows[2]!, ...rows.slice(0, 2), ...rows.slice(3)]), fresh)).toEqual(['new1', 'a', 'b', 'd', 'e', 'f']);
  });

  it('pairs two equal rows each with its own when the one after them was edited (as 群众满意度 is in the seed)', () => {
    const twins = [...rows.slice(0, 4), row('x', '群众满意度', '≥80'), row('y', '群众满意度', '≥80')];
    const other = plain(twins).map((r, i) => (i === 3 ? { ...r, target: '≥40次' } : i === 5 ? { ...r, description: '改过的描述' } : r));
    expect(alignRows(twins, other, fresh)).toEqual(['a', 'b', 'c', 'd', 'x', 'y']);
  });

  it('pairs a row whose description and target were both rewritten, but not an unrelated row of the same category', () => {
    n = 0;
    const other = plain(rows).map((r, i) => (i === 1 ? { ...r, description: '新描述', target: '≥9次' } : r));
    expect(alignRows(rows, other, fresh)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    const unrelated = { ...plain([rows[1]!])[0]!, description: '别的', target: '≥9次', basis: '别的依据' };
    expect(alignRows([rows[1]!], [unrelated], fresh)).toEqual(['new1']);
  });

  it('matches rows that are the same twice in order', () => {
    const twins = [row('x', '同'), row('y', '同')];
    expect(alignRows(twins, plain(twins), fresh)).toEqual(['x', 'y']);
  });
});

describe('equal', () => {
  it('compares by content', () => {
    expect(equal({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(equal({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(equal([1], { 0: 1 })).toBe(false);
    expect(equal(null, {})).toBe(false);
  });
});
