import type { FormProfile } from '../profile.ts';

/**
 * 福建 宁德 部门整体支出绩效目标表 (2019): 部门(单位)名称 and 部门预算编码, 年度预算安排 (资金总额, 项目支出,
 * 基本支出), 年度总体目标, 年度履职目标, then department-wide indicators with 指标解释 (which holds a
 * value and the kind of standard). The excerpt stops at the first 成本指标 row, so only 产出指标 was seen
 * printed; the other 一级 are the framework's names.
 */
export const fujianNingdeDepartment: FormProfile = {
  id: 'fujian-ningde-department',
  version: 1,
  kind: 'department',
  region: '福建省宁德市',
  title: '部门整体支出绩效目标表',
  framework: '2015',
  columns: [
    { id: 'level1', heading: '一级指标' },
    { id: 'level2', heading: '二级指标' },
    { id: 'level3', heading: '三级指标' },
    { id: 'explanation', heading: '指标解释' },
    { id: 'target', heading: '目标值' },
  ],
  level1: [
    { kind: 'output', name: '产出指标' },
    { kind: 'outcome', name: '效果指标' },
    { kind: 'satisfaction', name: '满意度指标' },
  ],
  amountUnit: '万元',
  header: ['unit'],
  terms: ['annual'],
  weights: 'fixed',
  totalPoints: null,
  // The forms seen print no project code rule to check against.
  projectCodePattern: null,
  source: 'docs/forms/excerpts/fujian-ningde-2019-department-target.txt',
};
