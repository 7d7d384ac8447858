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
};
