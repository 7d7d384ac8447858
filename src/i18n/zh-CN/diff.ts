/**
 * 两个版本之间的修改对比：每处修改的位置（项目 / 第几行「指标」 / 栏目）和修改前后的内容。
 */
import { departmentTableHeadings, departmentTableParts, indicatorHeadings, projectHeadings } from './form-headings.ts';

export const diff = {
  department: '部门整体绩效目标',
  projectTitle: (name: string) => `项目：${name}`,
  untitledProject: '（未命名项目）',
  /** 完整位置：部分 / 部分内的位置。 */
  location: (part: string, place: string) => `${part} / ${place}`,
  within: (item: string, field: string) => `${item} / ${field}`,
  /** 位置变了的条目：现在的位置（原来的位置）。 */
  moved: (label: string, was: string) => `${label}（原${was}）`,
  /** 删除的条目按原来的编号称呼。 */
  removed: (label: string) => `原${label}`,
  row: (n: number) => `第 ${n} 行`,
  item: (n: number) => `第 ${n} 条`,
  named: (position: string, name: string) => (name === '' ? position : `${position}「${name}」`),
  fields: {
    overallGoal: '总体绩效目标',
    subGoals: '分项绩效目标',
    safeguards: '工作保障措施',
    text: '内容',
    code: '项目编码',
    name: '项目名称',
    unitCode: '单位编码',
    unitName: '单位名称',
    amountUnit: '金额单位',
    budgetTotal: '预算数',
    budgetFiscal: '其中：财政资金',
    budgetOther: '其他资金',
    sources: '资金来源',
    sourceName: '资金来源名称',
    sourceAmount: '金额',
    useOfFunds: '资金用途',
    spendingPlan: '资金支出计划',
    checkpoint: '时点',
    percent: '累计支出比例（%）',
    goals: '绩效目标',
    goalText: '目标内容',
    department: '主管部门',
    attribute: '项目属性',
    period: '项目起止时间',
    term: '年度 / 长期',
    ...indicatorHeadings,
    ...projectHeadings,
    ...departmentTableHeadings,
    ...departmentTableParts,
  },
  terms: { annual: '年度', longTerm: '长期' },
  /** 整行新增或删除时，一行指标的概要。 */
  rowSummary: (levels: string, description: string, target: string) =>
    `${levels}：${description}（指标值 ${target === '' ? '未填写' : target}）`,
  levelsJoin: ' / ',
  /** 整个新增或删除的项目、条目的概要。 */
  projectSummary: (code: string, name: string) => (code === '' ? name : `${code} ${name}`),
  /** 浏览器中的修改对比。 */
  view: {
    title: '修改对比',
    viewChanges: '查看修改',
    from: '修改前的版本',
    to: '修改后的版本',
    submission: (n: number, version: number, at: string, by: string) => `第 ${n} 次提交 · 版本 ${version} · ${at} ${by}`,
    current: (version: number) => `当前内容 · 版本 ${version}`,
    outcomes: { draft: '已撤回', returned: '已退回', approved: '已审核', published: '已公开' } as Record<string, string>,
    place: '位置',
    before: '修改前',
    after: '修改后',
    kinds: { changed: '修改', added: '新增', removed: '删除', moved: '移动' },
    parts: { added: '新增项目', removed: '删除项目', changed: '' },
    count: (n: number) => `共 ${n} 处修改`,
    same: '两个版本的内容相同。',
    sameVersion: '请选择两个不同的版本。',
    needTwo: '文件还没有可以对比的两个版本。',
    empty: '（空）',
    openComment: '在表中查看这条批注',
  },
};
