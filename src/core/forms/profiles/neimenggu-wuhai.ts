import type { FormProfile } from '../profile.ts';

/**
 * 内蒙古 乌海 项目绩效目标表 (2021). Its headings do not say what its cells hold: 指标性质 holds
 * 正向/反向 (the direction) and 指标方向 holds the sign, so the columns are listed by what they hold,
 * under the heading printed above them. The block label gives the points: "绩效指标(权重分值90分,其中
 * 产出指标权重分值50分,效益指标权重分值30分,满意度指标权重分值10分)". Every row repeats 一级 and 二级.
 */
export const neimengguWuhai: FormProfile = {
  id: 'neimenggu-wuhai',
  version: 1,
  kind: 'project',
  region: '内蒙古自治区乌海市',
  title: '项目绩效目标表',
  framework: '2015',
  columns: [
    { id: 'level1', heading: '一级指标' },
    { id: 'level2', heading: '二级指标' },
    { id: 'level3', heading: '三级指标' },
    { id: 'direction', heading: '指标性质' },
    { id: 'nature', heading: '指标方向' },
    { id: 'target', heading: '目标值' },
    { id: 'measureUnit', heading: '计量单位' },
    { id: 'weight', heading: '分值' },
    { id: 'remark', heading: '备注' },
  ],
  level1: [
    { kind: 'output', name: '产出指标', points: { min: '50', max: '50' } },
    { kind: 'outcome', name: '效益指标', points: { min: '30', max: '30' } },
    { kind: 'satisfaction', name: '满意度指标', points: { min: '10', max: '10' } },
  ],
  amountUnit: '万元',
  header: ['name', 'category', 'department', 'unit', 'total', 'fiscal', 'other'],
  terms: ['annual'],
  weights: 'column',
  totalPoints: '90',
  // The forms seen print no project code rule to check against.
  projectCodePattern: null,
  source: 'docs/forms/excerpts/neimenggu-wuhai-2021-project-target.txt',
};
