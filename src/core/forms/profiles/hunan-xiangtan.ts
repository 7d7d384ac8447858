import type { FormProfile } from '../profile.ts';

/**
 * 湖南 湘潭 项目支出绩效目标申报表 (2023): sign, value and unit in one 指标值及单位 cell, 绩效标准 holding
 * the kind of standard (计划标准), 实施期 and 本年度 goals (indicators annual only). 成本指标 is a 二级
 * under 产出 and 满意度's label spans the 一级 and 二级 columns as printed here.
 */
export const hunanXiangtan: FormProfile = {
  id: 'hunan-xiangtan',
  version: 1,
  kind: 'project',
  region: '湖南省湘潭市',
  title: '项目支出绩效目标申报表',
  framework: '2015',
  columns: [
    { id: 'level1', heading: '一级指标' },
    { id: 'level2', heading: '二级指标' },
    { id: 'level3', heading: '三级指标' },
    { id: 'target', heading: '指标值及单位' },
    { id: 'basis', heading: '绩效标准' },
  ],
  level1: [
    { kind: 'output', name: '产出指标' },
    { kind: 'outcome', name: '效益指标' },
    { kind: 'satisfaction', name: '社会公众或服务对象满意度指标' },
  ],
  amountUnit: '万元',
  header: ['name', 'department', 'total', 'period'],
  terms: ['annual'],
  weights: 'fixed',
  totalPoints: null,
  // The forms seen print no project code rule to check against.
  projectCodePattern: null,
  source: 'docs/forms/sources/hunan-project-target/SOURCE.md',
};
