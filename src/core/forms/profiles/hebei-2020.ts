import type { FormProfile } from '../profile.ts';

/**
 * The sample's form: 河北 county 项目绩效目标表 of 2020 (samples/huailai-sifaju-2020.txt), the
 * older framework (产出/效果/满意度), one 指标值 cell holding operator, number and unit.
 */
export const hebei2020: FormProfile = {
  id: 'hebei-2020',
  version: 1,
  kind: 'project',
  region: '河北省（县级）',
  title: '项目绩效目标表',
  framework: '2015',
  columns: [
    { id: 'level1', heading: '一级指标' },
    { id: 'level2', heading: '二级指标' },
    { id: 'level3', heading: '三级指标' },
    { id: 'description', heading: '绩效指标描述' },
    { id: 'target', heading: '指标值' },
    { id: 'basis', heading: '指标值确定依据' },
  ],
  level1: [
    { kind: 'output', name: '产出指标' },
    { kind: 'outcome', name: '效果指标' },
    { kind: 'satisfaction', name: '满意度指标' },
  ],
  amountUnit: '万元',
  header: ['code', 'name', 'unit', 'total', 'fiscal', 'other', 'useOfFunds'],
  sections: ['spendingPlan', 'departmentGoals'],
  terms: ['annual'],
  weights: 'fixed',
  totalPoints: null,
  source: 'samples/huailai-sifaju-2020.txt',
};
