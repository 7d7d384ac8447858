/**
 * The labelled fields of a project form's header block (表头), across the provinces' forms: the
 * labels published forms print beside each value. Like ./indicator-columns.ts for the indicator
 * table, the readers find fields by these labels and a form profile lists which it prints.
 */
import type { Project } from './document.ts';
import { byNormalizedAlias, normalizeHeading } from './indicator-columns.ts';

export type ProjectFieldId =
  | 'code'
  | 'name'
  | 'unit'
  | 'department'
  | 'attribute'
  | 'period'
  | 'category'
  | 'constructionPeriod'
  | 'manager'
  | 'approvalNumber'
  | 'subjectCode'
  | 'useOfFunds'
  | 'total'
  | 'fiscal'
  | 'other'
  | 'mediumTerm';

export interface ProjectField {
  id: ProjectFieldId;
  aliases: readonly string[];
  /** 'amount' fields are read as exact decimals in the form's amount unit. */
  type: 'text' | 'amount';
}

export const PROJECT_FIELDS: readonly ProjectField[] = [
  { id: 'code', aliases: ['项目编码', '项目代码', '项目编号'], type: 'text' },
  { id: 'name', aliases: ['项目名称', '项目支出名称', '专项名称', '专项(项目)名称'], type: 'text' },
  { id: 'unit', aliases: ['实施单位', '预算单位', '单位名称', '项目实施单位', '部门(单位)名称', '填报单位'], type: 'text' },
  { id: 'department', aliases: ['主管部门', '预算部门', '业务主管部门', '主管部门名称', '主管部门及代码'], type: 'text' },
  { id: 'attribute', aliases: ['项目属性'], type: 'text' },
  { id: 'period', aliases: ['项目起止时间', '项目支出实施期', '项目实施期', '实施期限', '项目期限'], type: 'text' },
  { id: 'category', aliases: ['项目分类', '项目类别', '项目类型'], type: 'text' },
  { id: 'constructionPeriod', aliases: ['建设周期'], type: 'text' },
  { id: 'manager', aliases: ['项目负责人'], type: 'text' },
  { id: 'approvalNumber', aliases: ['项目审批文号', '审批文号', '立项依据文号'], type: 'text' },
  { id: 'subjectCode', aliases: ['财政资金科目代码', '支出功能分类科目', '功能科目'], type: 'text' },
  { id: 'useOfFunds', aliases: ['资金用途', '项目概况', '项目资金用途', '预算规模及资金用途'], type: 'text' },
  {
    id: 'total',
    aliases: [
      '预算数',
      '年度预算数',
      '年度资金总额',
      '资金总额',
      '本年度申请市财政预算资金',
      '年度本级预算金额',
      '项目资金总额',
      '年度金额',
    ],
    type: 'amount',
  },
  { id: 'fiscal', aliases: ['财政资金', '其中:财政资金', '财政拨款', '其中:财政拨款', '其中:财政拨款数', '财政拨款数'], type: 'amount' },
  { id: 'other', aliases: ['其他资金'], type: 'amount' },
  { id: 'mediumTerm', aliases: ['中期预算', '中期市财政预算', '实施期资金总额', '中期资金总额'], type: 'amount' },
];

/** The header field a printed label names (a trailing colon and a bracketed unit are ignored). */
export function projectFieldOfLabel(label: string): ProjectFieldId | undefined {
  const l = normalizeHeading(label).replace(TRAILING_COLON, '');
  if (l === '') return undefined;
  const found = byNormalizedAlias(PROJECT_FIELDS, l);
  if (found !== undefined || !l.includes('(')) return found;
  return byNormalizedAlias(PROJECT_FIELDS, l.replace(BRACKETED, ''));
}

/** The header fields the model holds as optional text properties (only some forms print them; 中期预算 is `budget.mediumTerm`). */
export type ProvincialProjectFieldId = { [K in keyof Project]-?: undefined extends Project[K] ? K : never }[keyof Project];

// A record, so that an optional property the model grows and this list lacks fails to compile.
const PROVINCIAL: Record<ProvincialProjectFieldId, true> = {
  category: true,
  constructionPeriod: true,
  manager: true,
  approvalNumber: true,
  subjectCode: true,
};
export const PROVINCIAL_PROJECT_FIELDS = Object.keys(PROVINCIAL) as readonly ProvincialProjectFieldId[];

const TRAILING_COLON = /[:：]$/u;
const BRACKETED = /\([^)]*\)/gu;
