import type { FormProfile } from '../profile.ts';

/**
 * 广东 东莞市财政项目支出绩效目标批复表 (2019): 中期滚动目标 and 年度目标 side by side, the 一级 column
 * shared by a 中期 set (二级, 三级, 指标值) and a 年度 set; 中期 and 本年度 budgets in the header. Values
 * carry their own sign and unit. The excerpt stops before any 满意度 row, so only the two 一级 it
 * prints are listed, under their printed names.
 */
export const guangdongDongguanApproval: FormProfile = {
  id: 'guangdong-dongguan-approval',
  version: 1,
  kind: 'project',
  region: '广东省东莞市',
  title: '东莞市财政项目支出绩效目标批复表',
  framework: '2015',
  columns: [
    { id: 'level1', heading: '一级指标' },
    { id: 'level2', heading: '二级指标' },
    { id: 'level3', heading: '三级指标' },
    { id: 'target', heading: '计划指标值(或计划水平)', longTermHeading: '指标值(或计划水平)' },
  ],
  level1: [
    { kind: 'output', name: '预期产出指标' },
    { kind: 'outcome', name: '效果指标' },
  ],
  amountUnit: '万元',
  header: ['unit', 'name', 'mediumTerm', 'total'],
  terms: ['longTerm', 'annual'],
  longTermGoalsLabel: '中期滚动目标',
  weights: 'fixed',
  totalPoints: null,
  // The forms seen print no project code rule to check against.
  projectCodePattern: null,
  source: 'docs/forms/excerpts/guangdong-dongguan-2019-approval.txt',
};
