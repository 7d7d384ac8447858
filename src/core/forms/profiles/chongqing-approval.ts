import type { FormProfile } from '../profile.ts';

/**
 * 重庆 项目绩效目标审批表. The published form was not found (docs/forms/README.md, "Not found"): this
 * profile follows issue 13's description of it — a key/value header block (项目分类, 建设周期, 业务主管
 * 部门, 项目负责人, 联系电话, 项目审批文号, 财政资金科目代码), 一级 labels carrying their score range
 * ("成本指标(0-20)分"), 成本 first. Only 成本's range is described, so only it carries points; the
 * indicator columns are the common four. 联系电话 has no place in the model and is not listed.
 */
export const chongqingApproval: FormProfile = {
  id: 'chongqing-approval',
  version: 1,
  kind: 'project',
  region: '重庆市',
  title: '项目绩效目标审批表',
  framework: '2021',
  columns: [
    { id: 'level1', heading: '一级指标' },
    { id: 'level2', heading: '二级指标' },
    { id: 'level3', heading: '三级指标' },
    { id: 'target', heading: '指标值' },
  ],
  level1: [
    { kind: 'cost', name: '成本指标', points: { min: '0', max: '20' } },
    { kind: 'output', name: '产出指标' },
    { kind: 'outcome', name: '效益指标' },
    { kind: 'satisfaction', name: '满意度指标' },
  ],
  amountUnit: '万元',
  header: ['name', 'category', 'constructionPeriod', 'department', 'unit', 'manager', 'approvalNumber', 'subjectCode', 'total'],
  terms: ['annual'],
  weights: 'fixed',
  totalPoints: null,
  // The forms seen print no project code rule to check against.
  projectCodePattern: null,
  source: 'docs/forms/README.md#not-found-and-where-the-search-stopped',
};
