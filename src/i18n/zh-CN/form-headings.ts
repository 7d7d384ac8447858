/**
 * 官方“项目绩效目标表”指标部分的栏目名称。编辑界面、公开文件（Word/PDF）和 Excel 模板都照原表书写，
 * 用同一套文字（英文版各处措辞不同，各自书写）。
 */
export const indicatorHeadings = {
  level1: '一级指标',
  level2: '二级指标',
  level3: '三级指标',
  description: '绩效指标描述',
  target: '指标值',
  basis: '指标值确定依据',
  remark: '备注',
  nature: '指标性质',
  measureUnit: '度量单位',
  weight: '权重',
  direction: '指标方向性',
  explanation: '指标解释',
  origin: '指标来源',
  previousYear: '上年指标值',
  yearBeforeLast: '前年指标值',
};

/** 各省表样中项目表头的栏目名称。 */
export const projectHeadings = {
  category: '项目分类',
  constructionPeriod: '建设周期',
  manager: '项目负责人',
  approvalNumber: '项目审批文号',
  subjectCode: '财政资金科目代码',
};

/** 部门整体支出绩效目标表的栏目名称。 */
export const departmentTableHeadings = {
  duty: '部门职能',
  dutyTask: '年度目标任务',
};

/** 部门整体支出绩效目标表其余栏目，及项目表头的中期预算（修改对比、冲突提示中称呼它们）。 */
export const departmentTableParts = {
  budgetMediumTerm: '中期预算',
  fundsTotal: '资金总额',
  fundsProject: '项目支出',
  fundsBasic: '基本支出',
  duties: '年度履职目标',
  dutyProject: '支出项目名称',
  dutyAmount: '预算金额',
  departmentIndicators: '部门整体绩效指标',
};
