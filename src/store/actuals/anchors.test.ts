import { describe, expect, it } from 'vitest';
import { anchorResolver, type AnchorColumns, type LiveProject } from './anchors.ts';

const row = (id: number, description: string, target = '≥90%') => ({ id, description, target });
const projects: LiveProject[] = [
  { id: 10, code: 'P-1', indicators: [row(200, '培训次数', '≥10次'), row(201, '知晓率'), row(202, '满意度'), row(203, '满意度', '')] },
  { id: 11, code: 'P-2', indicators: [row(110, '覆盖率')] },
  { id: 12, code: 'DUP', indicators: [] },
  { id: 13, code: 'DUP', indicators: [] },
];
/** A record against a project (and a row): its tokens and what the row was when recorded. */
const rec = (project_id: number, project_code: string, indicator?: [number, number, string, string?]): AnchorColumns =>
  indicator
    ? {
        project_id,
        project_code,
        indicator_id: indicator[0],
        indicator_index: indicator[1],
        indicator_description: indicator[2],
        indicator_target: indicator[3] ?? '≥90%',
      }
    : { project_id, project_code, indicator_id: null, indicator_index: null };

describe('where a recorded actual belongs now', () => {
  it('follows its ids: a moved row keeps its actuals, at its new index, whatever it says now', () => {
    const r = rec(10, 'P-1', [201, 5, '旧描述']);
    expect(anchorResolver(projects, [r])(r)).toMatchObject({ orphaned: false, index: 2, indicatorId: 201 });
    // A project's code may have changed: the id decides.
    const p = rec(11, 'OLD');
    expect(anchorResolver(projects, [p])(p)).toMatchObject({ orphaned: false, index: null, project: { code: 'P-2' } });
  });

  it('moves the records of rewritten rows together, by description and target, one former row to one row', () => {
    // The autosave gave every row of P-1 a new id: 100…103 were 培训次数, 知晓率, 满意度 (≥90%), 满意度 ('').
    const records = [
      rec(10, 'P-1', [100, 1, '培训次数', '≥10次']),
      rec(10, 'P-1', [101, 2, '知晓率']),
      rec(10, 'P-1', [101, 2, '知晓率']),
      rec(10, 'P-1', [102, 3, '满意度']),
      rec(10, 'P-1', [103, 4, '满意度', '']),
    ];
    const resolve = anchorResolver(projects, records);
    expect(records.map((r) => resolve(r))).toMatchObject([
      { index: 1, indicatorId: 200 },
      { index: 2, indicatorId: 201 },
      { index: 2, indicatorId: 201 },
      { index: 3, indicatorId: 202 },
      { index: 4, indicatorId: 203 },
    ]);
    // A re-imported project (new project id) is found by its code.
    const imported = rec(99, 'P-2', [98, 1, ' 覆盖率 ']);
    expect(anchorResolver(projects, [imported])(imported)).toMatchObject({ orphaned: false, index: 1, indicatorId: 110 });
  });

  it('between rows alike, takes the one at the recorded index, and never a row that holds records of its own', () => {
    const a = rec(10, 'P-1', [102, 4, '满意度', '≥95%']);
    expect(anchorResolver(projects, [a])(a)).toMatchObject({ index: 4, indicatorId: 203 });
    const b = rec(10, 'P-1', [102, 1, '满意度', '≥95%']);
    expect(anchorResolver(projects, [b])(b)).toEqual({ orphaned: true, project: projects[0] });
    // 知晓率 (201) still holds its own record: a deleted 知晓率 row's record does not join it.
    const own = rec(10, 'P-1', [201, 2, '知晓率']);
    const deleted = rec(10, 'P-1', [150, 5, '知晓率']);
    expect(anchorResolver(projects, [own, deleted])(deleted)).toEqual({ orphaned: true, project: projects[0] });
  });

  it('leaves an actual whose row or project is gone as an orphan', () => {
    const gone = rec(10, 'P-1', [150, 2, '已删除的指标']);
    expect(anchorResolver(projects, [gone])(gone)).toEqual({ orphaned: true, project: projects[0] });
    const project = rec(77, 'GONE');
    expect(anchorResolver(projects, [project])(project)).toEqual({ orphaned: true, project: null });
    // Two projects with one code: no guessing.
    const twin = rec(77, 'DUP');
    expect(anchorResolver(projects, [twin])(twin)).toEqual({ orphaned: true, project: null });
  });
});
