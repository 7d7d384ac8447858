import type { FormProfile } from '../profile.ts';

/**
 * The 2021 framework (财预〔2021〕101号): 成本 becomes a 一级 before 产出, 效益 replaces 效果. The
 * notice's template layout was not found (docs/forms/README.md, "National"), so the columns are
 * the sample's, which jixiao prints for every year from 2021 unless a bureau picks another profile.
 */
export const mof2021: FormProfile = {
  id: 'mof-2021',
  version: 1,
  kind: 'project',
  region: '财政部框架（2021年起）',
  title: '项目绩效目标表',
  framework: '2021',
  columns: [
    { id: 'level1', heading: '一级指标' },
    { id: 'level2', heading: '二级指标' },
    { id: 'level3', heading: '三级指标' },
    { id: 'description', heading: '绩效指标描述' },
    { id: 'target', heading: '指标值' },
    { id: 'basis', heading: '指标值确定依据' },
  ],
  level1: [
    { kind: 'cost', name: '成本指标' },
    { kind: 'output', name: '产出指标' },
    { kind: 'outcome', name: '效益指标' },
    { kind: 'satisfaction', name: '满意度指标' },
  ],
  amountUnit: '万元',
  header: ['code', 'name', 'unit', 'total', 'fiscal', 'other', 'useOfFunds'],
  sections: ['spendingPlan', 'departmentGoals'],
  terms: ['annual'],
  weights: 'fixed',
  totalPoints: null,
  source: 'docs/forms/README.md#national-财预20211012号',
};
