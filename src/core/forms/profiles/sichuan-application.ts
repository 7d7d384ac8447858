import type { FormProfile } from '../profile.ts';

/**
 * 四川 项目支出绩效目标申报表 as one flat sheet for many projects. The published form was not found
 * (docs/forms/README.md, "Not found"): this profile follows issue 13's description of it — 单位名称,
 * 项目名称, 预算数 and 年度目标 merged down over each project's rows, 一级 repeated on every row,
 * amounts in 元 with thousands separators, names printed as code-name, a department line first.
 * Its indicator columns are the ones the issue names; nothing beyond them is assumed.
 */
export const sichuanApplication: FormProfile = {
  id: 'sichuan-application',
  version: 1,
  kind: 'project',
  region: '四川省',
  title: '项目支出绩效目标申报表',
  framework: '2021',
  columns: [
    { id: 'level1', heading: '一级指标' },
    { id: 'level2', heading: '二级指标' },
    { id: 'level3', heading: '三级指标' },
    { id: 'target', heading: '指标值' },
  ],
  level1: [
    { kind: 'cost', name: '成本指标' },
    { kind: 'output', name: '产出指标' },
    { kind: 'outcome', name: '效益指标' },
    { kind: 'satisfaction', name: '满意度指标' },
  ],
  amountUnit: '元',
  header: ['unit', 'name', 'total'],
  layout: 'flat',
  terms: ['annual'],
  weights: 'fixed',
  totalPoints: null,
  // 四川's project codes as its forms print them: 8 digits, a letter, 12 digits (51000021R000000019951, 51092324T000010263357).
  projectCodePattern: '^\\d{8}[A-Z]\\d{12}$',
  source: 'docs/forms/README.md#not-found-and-where-the-search-stopped',
};
