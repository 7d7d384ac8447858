import { describe, expect, it } from 'vitest';
import { aDocument, aProject, CLEAN_ROWS } from '../review/testing.ts';
import { align, diffDocuments, type FieldChange } from './diff.ts';
import type { Indicator, TargetDocument } from './document.ts';
import { annualRow } from './indicator.testing.ts';

/** Each change as one line a reviewer reads: where, and before → after. */
const lines = (before: TargetDocument, after: TargetDocument, locale?: 'en') =>
  diffDocuments(before, after, locale).flatMap((p) =>
    p.changes.map((c) => `${c.kind} ${c.location}: ${c.before ?? '∅'} → ${c.after ?? '∅'}`),
  );

const rows = (indicators: Indicator[]) => aDocument({ projects: [aProject({ indicators })] });
const NEW_ROW = annualRow('产出指标', '数量指标', '开展法治宣传活动次数', '≥12次', '2020年工作计划');

describe('align', () => {
  const keyed = (before: string[], after: string[], keys = [(s: string) => s[0]!]) =>
    align(before, after, keys).map((p) =>
      p.before === undefined ? `+${p.after}` : p.after === undefined ? `-${p.before}` : `${p.before}${p.moved ? '↷' : '='}${p.after}`,
    );

  it('pairs by key, and items whose key changed by their position between pairs', () => {
    expect(keyed(['a1', 'b1', 'c1'], ['a1', 'x2', 'c2'])).toEqual(['a1=a1', 'b1=x2', 'c1=c2']);
  });

  it('reports one inserted or deleted item as that, not as every later item changed', () => {
    expect(keyed(['a', 'b', 'c'], ['a', 'n', 'b', 'c'])).toEqual(['a=a', '+n', 'b=b', 'c=c']);
    expect(keyed(['a', 'b', 'c'], ['a', 'c'])).toEqual(['a=a', '-b', 'c=c']);
    expect(keyed(['a', 'b'], [])).toEqual(['-a', '-b']);
    expect(keyed([], ['a'])).toEqual(['+a']);
  });

  it('keeps the longest run in order in place and reports the others moved', () => {
    expect(keyed(['a', 'b', 'c', 'd'], ['b', 'c', 'd', 'a'])).toEqual(['b=b', 'c=c', 'd=d', 'a↷a']);
    expect(keyed(['a', 'b'], ['b', 'a'])).toHaveLength(2);
  });

  it('tries the keys in turn, and an empty key identifies nothing', () => {
    const keys = [(s: string) => s, (s: string) => s.slice(0, 1).trim()];
    expect(keyed(['ab', 'ac'], ['ad', 'ac'], keys)).toEqual(['ab=ad', 'ac=ac']);
    expect(keyed([' 1', ' 2'], [' 3', ' 4'], keys)).toEqual([' 1= 3', ' 2= 4']);
  });

  it('pairs repeated keys in order', () => {
    expect(keyed(['a1', 'a2', 'a3'], ['a1', 'a2', 'a3'])).toEqual(['a1=a1', 'a2=a2', 'a3=a3']);
  });
});

describe('diffDocuments', () => {
  it('finds nothing between a document and itself', () => {
    expect(diffDocuments(aDocument(), structuredClone(aDocument()))).toEqual([]);
  });

  it('names an indicator field by project, row and indicator, with before and after', () => {
    const after = aProject();
    after.indicators[3] = { ...after.indicators[3]!, target: '≥160人' };
    const parts = diffDocuments(aDocument(), aDocument({ projects: [after] }));
    expect(parts).toEqual([
      {
        projectCode: '315-0105-JBN-2D9U',
        title: '项目：法律援助',
        kind: 'changed',
        changes: [
          {
            kind: 'changed',
            place: '第 4 行「受援困难群众人数」 / 指标值',
            location: '法律援助 / 第 4 行「受援困难群众人数」 / 指标值',
            field: 'indicators.target',
            row: 4,
            before: '≥150人',
            after: '≥160人',
          } satisfies FieldChange,
        ],
      },
    ]);
  });

  it('names the row by its 三级指标 where the form has one', () => {
    const before = rows([{ ...CLEAN_ROWS[0]!, level3: '案件数量' }]);
    const after = rows([{ ...CLEAN_ROWS[0]!, level3: '案件数量', basis: '2019年实际办理120件' }]);
    expect(lines(before, after)).toEqual([
      'changed 法律援助 / 第 1 行「案件数量」 / 指标值确定依据: 2019年实际办理116件（历史标准） → 2019年实际办理120件',
    ]);
  });

  it('reports an inserted row once, and the rows after it unchanged however they are renumbered', () => {
    const after = [...CLEAN_ROWS.slice(0, 1), NEW_ROW, ...CLEAN_ROWS.slice(1)];
    expect(lines(aDocument(), rows(after))).toEqual([
      'added 法律援助 / 第 2 行「开展法治宣传活动次数」: ∅ → 产出指标 / 数量指标：开展法治宣传活动次数（指标值 ≥12次）',
    ]);
  });

  it('reports a deleted row by where it was, and an edit below it at its new row', () => {
    const after = CLEAN_ROWS.filter((_, i) => i !== 1).map((r) => ({ ...r }));
    after[3] = { ...after[3]!, target: '≥95%' };
    expect(lines(aDocument(), rows(after))).toEqual([
      'removed 法律援助 / 原第 2 行「法律援助案件结案率」: 产出指标 / 质量指标：法律援助案件结案率（指标值 ≥95%） → ∅',
      'changed 法律援助 / 第 4 行「受援群众满意度」 / 指标值: ≥90% → ≥95%',
    ]);
  });

  it('reports a moved row as moved, with what changed in it at its new place', () => {
    const moved = [CLEAN_ROWS[4]!, ...CLEAN_ROWS.slice(0, 4)];
    expect(lines(aDocument(), rows(moved))).toEqual(['moved 法律援助 / 第 1 行「受援群众满意度」: 第 5 行 → 第 1 行']);
    const movedAndEdited = [{ ...CLEAN_ROWS[4]!, target: '≥95%' }, ...CLEAN_ROWS.slice(0, 4)];
    expect(lines(aDocument(), rows(movedAndEdited))).toEqual([
      'changed 法律援助 / 第 1 行「受援群众满意度」（原第 5 行） / 指标值: ≥90% → ≥95%',
    ]);
  });

  it('pairs a row whose name changed with the one that stood in its place', () => {
    const after = CLEAN_ROWS.map((r) => ({ ...r }));
    after[2] = { ...after[2]!, description: '法律援助申请审查办结时限' };
    expect(lines(aDocument(), rows(after))).toEqual([
      'changed 法律援助 / 第 3 行「法律援助申请审查办结时限」 / 绩效指标描述: 法律援助申请审查时限 → 法律援助申请审查办结时限',
    ]);
  });

  it('reports a row turned long-term and a cell emptied or filled in', () => {
    const after = CLEAN_ROWS.map((r) => ({ ...r }));
    after[0] = { ...after[0]!, term: 'longTerm', remark: '新增备注' };
    after[1] = { ...after[1]!, basis: '' };
    expect(lines(aDocument(), rows(after))).toEqual([
      'changed 法律援助 / 第 1 行「办理法律援助案件数量」 / 年度 / 长期: 年度 → 长期',
      'added 法律援助 / 第 1 行「办理法律援助案件数量」 / 备注: ∅ → 新增备注',
      'removed 法律援助 / 第 2 行「法律援助案件结案率」 / 指标值确定依据: 《法律援助案件质量标准》（行业标准） → ∅',
    ]);
  });

  it('compares the columns only some forms print, a column left out and an empty cell alike', () => {
    const after = CLEAN_ROWS.map((r) => ({ ...r }));
    after[0] = { ...after[0]!, nature: '≥', weight: '10', measureUnit: '' };
    after[1] = { ...after[1]!, explanation: '', direction: null };
    const before = CLEAN_ROWS.map((r) => ({ ...r }));
    before[0] = { ...before[0]!, weight: '10.00' };
    before[1] = { ...before[1]!, weight: '5' };
    expect(lines(rows(before), rows(after))).toEqual([
      'added 法律援助 / 第 1 行「办理法律援助案件数量」 / 指标性质: ∅ → ≥',
      'removed 法律援助 / 第 2 行「法律援助案件结案率」 / 权重: 5 → ∅',
    ]);
    expect(diffDocuments(rows(before), rows(after))[0]!.changes.map((c) => c.field)).toEqual(['indicators.nature', 'indicators.weight']);
  });

  it('compares a project’s provincial header fields and its 中期预算', () => {
    const after = aProject({ manager: '张伟', budget: { total: '5.00', fiscal: '5.00', other: null, sources: [], mediumTerm: '15.00' } });
    expect(lines(aDocument(), aDocument({ projects: [after] }))).toEqual([
      'added 法律援助 / 项目负责人: ∅ → 张伟',
      'added 法律援助 / 中期预算: ∅ → 15.00',
    ]);
  });

  it('compares amounts as exact decimals and shows them as written', () => {
    const same = aDocument({ projects: [aProject({ budget: { total: '5', fiscal: '5.000', other: null, sources: [] } })] });
    expect(diffDocuments(aDocument(), same)).toEqual([]);
    const changed = aDocument({ projects: [aProject({ budget: { total: '5.10', fiscal: '5.00', other: '0.10', sources: [] } })] });
    expect(lines(aDocument(), changed)).toEqual(['changed 法律援助 / 预算数: 5.00 → 5.10', 'added 法律援助 / 其他资金: ∅ → 0.10']);
  });

  it('compares the header fields, fund sources, spending plan and goals', () => {
    const before = aProject({ budget: { total: '5.00', fiscal: '5.00', other: null, sources: [{ name: '财政拨款', amount: '5.00' }] } });
    const after = aProject({
      name: '法律援助服务',
      useOfFunds: '无偿提供法律服务。',
      attribute: '延续',
      budget: {
        total: '5.00',
        fiscal: '5.00',
        other: null,
        sources: [
          { name: '财政拨款', amount: '4.50' },
          { name: '其他', amount: '0.50' },
        ],
      },
      spendingPlan: [
        { checkpoint: '3月底', percent: '25.00' },
        { checkpoint: '6月底', percent: '50' },
        { checkpoint: '12月底', percent: '100.00' },
      ],
      goals: [
        { term: 'annual', text: '全年办理法律援助案件不少于120件，结案率不低于95%。' },
        { term: 'longTerm', text: '实现应援尽援。' },
      ],
    });
    expect(lines(aDocument({ projects: [before] }), aDocument({ projects: [after] }))).toEqual([
      'changed 法律援助服务 / 项目名称: 法律援助 → 法律援助服务',
      'added 法律援助服务 / 项目属性: ∅ → 延续',
      'changed 法律援助服务 / 资金用途: 组织律师为经济困难群众和特殊案件当事人无偿提供法律服务，办理法律援助案件。 → 无偿提供法律服务。',
      'changed 法律援助服务 / 资金来源 第 1 条「财政拨款」 / 金额: 5.00 → 4.50',
      'added 法律援助服务 / 资金来源 第 2 条「其他」: ∅ → 其他 0.50',
      'changed 法律援助服务 / 资金支出计划 第 1 条「3月底」 / 累计支出比例（%）: 20.00 → 25.00',
      'removed 法律援助服务 / 原资金支出计划 第 3 条「10月底」: 10月底 75.00% → ∅',
      'added 法律援助服务 / 绩效目标 第 2 条: ∅ → （长期）实现应援尽援。',
    ]);
  });

  it('matches projects by code, then by name, and lists added and deleted projects whole', () => {
    const second = aProject({ code: '315-0101-JBN-GXGK', name: '普法宣传', indicators: [NEW_ROW], spendingPlan: [], goals: [] });
    const renamedCode = aProject({ code: '315-0105-JBN-XXXX' });
    const parts = diffDocuments(aDocument(), aDocument({ projects: [second, renamedCode] }));
    expect(parts.map((p) => [p.kind, p.title, p.projectCode])).toEqual([
      ['added', '项目：普法宣传', '315-0101-JBN-GXGK'],
      ['changed', '项目：法律援助', '315-0105-JBN-XXXX'],
    ]);
    expect(parts[0]!.changes.map((c) => [c.kind, c.place, c.after])).toEqual([
      ['added', '项目编码', '315-0101-JBN-GXGK'],
      ['added', '项目名称', '普法宣传'],
      ['added', '单位编码', '315002'],
      ['added', '单位名称', '怀来县司法局'],
      ['added', '预算数', '5.00'],
      ['added', '其中：财政资金', '5.00'],
      ['added', '资金用途', aProject().useOfFunds],
      ['added', '第 1 行「开展法治宣传活动次数」', '产出指标 / 数量指标：开展法治宣传活动次数（指标值 ≥12次）'],
    ]);
    expect(parts[1]!.changes.map((c) => c.location)).toEqual(['法律援助 / 项目编码']);

    const removed = diffDocuments(aDocument({ projects: [aProject(), second] }), aDocument());
    expect(removed.map((p) => [p.kind, p.title])).toEqual([['removed', '项目：普法宣传']]);
    expect(removed[0]!.changes.every((c) => c.kind === 'removed' && c.after === null)).toBe(true);
  });

  it('compares the department goals, numbered items by their text so an insertion renumbers nothing', () => {
    const before = aDocument({
      department: {
        overallGoal: '发挥职能。',
        subGoals: [
          { label: '一、', text: '法律援助。', children: [{ label: '（一）', text: '办理案件。', children: [] }] },
          { label: '二、', text: '普法宣传。', children: [] },
        ],
        safeguards: [{ label: '一、', text: '健全制度。', children: [] }],
      },
    });
    const after = aDocument({
      department: {
        overallGoal: '充分发挥职能。',
        subGoals: [
          { label: '一、', text: '法律援助。', children: [{ label: '（一）', text: '办理案件不少于120件。', children: [] }] },
          { label: '二、', text: '人民调解。', children: [] },
          { label: '三、', text: '普法宣传。', children: [] },
        ],
        safeguards: [],
      },
    });
    const parts = diffDocuments(before, after);
    expect(parts.map((p) => [p.projectCode, p.title])).toEqual([[null, '部门整体绩效目标']]);
    expect(lines(before, after)).toEqual([
      'changed 部门整体绩效目标 / 总体绩效目标: 发挥职能。 → 充分发挥职能。',
      'changed 部门整体绩效目标 / 分项绩效目标 一、（一） / 内容: 办理案件。 → 办理案件不少于120件。',
      'added 部门整体绩效目标 / 分项绩效目标 二、: ∅ → 二、人民调解。',
      'removed 部门整体绩效目标 / 原工作保障措施 一、: 一、健全制度。 → ∅',
    ]);
    expect(parts[0]!.changes.map((c) => c.field)).toEqual([
      'department.overallGoal',
      'department.subGoals',
      'department.subGoals',
      'department.safeguards',
    ]);
  });

  it('compares the 部门整体 table: its fund totals, 履职目标 and indicators', () => {
    const goals = { overallGoal: '发挥职能。', subGoals: [], safeguards: [] };
    const duty = { duty: '法律援助', task: '办理案件', projectName: '法律援助', amount: '5.00' };
    const before = aDocument({
      department: { ...goals, funds: { amountUnit: '万元', total: '10.00', project: '5.00', basic: '5.00' }, duties: [duty] },
    });
    const after = aDocument({
      department: {
        ...goals,
        funds: { amountUnit: '万元', total: '10', project: '6.00', basic: '4.00' },
        duties: [{ ...duty, amount: '6.00' }],
        indicators: [CLEAN_ROWS[0]!],
      },
    });
    expect(lines(before, after)).toEqual([
      'changed 部门整体绩效目标 / 项目支出: 5.00 → 6.00',
      'changed 部门整体绩效目标 / 基本支出: 5.00 → 4.00',
      'changed 部门整体绩效目标 / 年度履职目标 第 1 条「办理案件」 / 预算金额: 5.00 → 6.00',
      `added 部门整体绩效目标 / 部门整体绩效指标 第 1 行「办理法律援助案件数量」: ∅ → ${diffDocuments(before, after)[0]!.changes[3]!.after}`,
    ]);
    expect(diffDocuments(before, after)[0]!.changes.map((c) => c.field)).toEqual([
      'department.funds.project',
      'department.funds.basic',
      'department.duties',
      'department.indicators',
    ]);
  });

  it('treats a missing department as an empty one', () => {
    const none = aDocument({ department: null });
    expect(lines(none, aDocument()).slice(0, 1)).toEqual([
      'added 部门整体绩效目标 / 总体绩效目标: ∅ → 围绕年初制定的各项目标任务，发挥法律宣传、法律保障、法律服务职能。',
    ]);
    expect(diffDocuments(none, aDocument({ department: { overallGoal: '', subGoals: [], safeguards: [] } }))).toEqual([]);
  });

  it('speaks English when asked', () => {
    const after = aProject();
    after.indicators[0] = { ...after.indicators[0]!, target: '≥130件' };
    expect(lines(aDocument(), aDocument({ projects: [after] }), 'en')).toEqual([
      'changed 法律援助 / row 1 “办理法律援助案件数量” / Target value: ≥120件 → ≥130件',
    ]);
  });
});
