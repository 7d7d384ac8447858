import { describe, expect, it } from 'vitest';
import type { ExAnteContext } from '../../ex-ante/required.ts';
import { DEFAULT_REVIEW_SETTINGS } from '../settings.ts';
import { aDocument, aProject, findingsOf, withProject } from '../testing.ts';

const RULE = 'completeness.ex-ante-assessment';
const settings = { ...DEFAULT_REVIEW_SETTINGS, exAnteThreshold: '5' };
const noPrevious: ExAnteContext = { previous: null, assessments: {} };

describe(RULE, () => {
  it('is silent without the stored context, and while the bureau asks for no assessment', () => {
    const doc = withProject({ attribute: '新增' });
    expect(findingsOf(RULE, doc, { settings })).toEqual([]);
    expect(findingsOf(RULE, doc, { exAnte: noPrevious })).toEqual([]);
    expect(findingsOf(RULE, doc, { settings: { ...settings, exAnteThreshold: '0' }, exAnte: noPrevious })).toEqual([]);
  });

  it('blocks a 新增 project at the amount without an assessment, naming the project and the amount', () => {
    const [f] = findingsOf(RULE, withProject({ attribute: '新增' }), { settings, exAnte: noPrevious });
    expect(f).toMatchObject({
      severity: 'error',
      projectCode: '315-0105-JBN-2D9U',
      field: 'exAnte',
      source: '中发〔2018〕34号 事前绩效评估',
    });
    expect(f!.message).toBe('项目 315-0105-JBN-2D9U 是预算数达到 5 万元的新增项目，没有事前绩效评估。');
  });

  it('counts the amount in 万元 and exactly: just under is not at the amount', () => {
    const under = withProject({
      attribute: '新增',
      amountUnit: '元',
      budget: { total: '49999.99', fiscal: null, other: null, sources: [] },
    });
    const at = withProject({ attribute: '新增', amountUnit: '元', budget: { total: '50000', fiscal: null, other: null, sources: [] } });
    expect(findingsOf(RULE, under, { settings, exAnte: noPrevious })).toEqual([]);
    expect(findingsOf(RULE, at, { settings, exAnte: noPrevious })).toHaveLength(1);
  });

  it('reads a project as new when last year has neither its code nor its name', () => {
    const previous = { codes: ['315-0105-JBN-2D9U'], names: ['法律援助'] };
    const renamedCode = aProject({ code: '315-0105-JBN-9ZZZ', name: '法律 援助' });
    const brandNew = aProject({ code: '315-0105-JBN-NEW1', name: '社区矫正' });
    const doc = aDocument({ projects: [aProject(), renamedCode, brandNew] });
    expect(findingsOf(RULE, doc, { settings, exAnte: { previous, assessments: {} } }).map((f) => f.projectCode)).toEqual([
      '315-0105-JBN-NEW1',
    ]);
    // Without last year's document only 项目属性 tells, and 延续 is never new.
    expect(findingsOf(RULE, doc, { settings, exAnte: noPrevious })).toEqual([]);
    const continued = aDocument({ projects: [{ ...brandNew, attribute: '延续' }] });
    expect(findingsOf(RULE, continued, { settings, exAnte: { previous, assessments: {} } })).toEqual([]);
  });

  it('is satisfied by a complete assessment, and not by an unfinished or a rejecting one', () => {
    const doc = withProject({ attribute: '新增' });
    const run = (state: 'complete' | 'incomplete' | 'rejected') =>
      findingsOf(RULE, doc, { settings, exAnte: { previous: null, assessments: { '315-0105-JBN-2D9U': state } } });
    expect(run('complete')).toEqual([]);
    expect(run('incomplete')[0]!.message).toContain('尚未完成事前绩效评估');
    expect(run('rejected')[0]!.message).toContain('不予支持');
  });
});
