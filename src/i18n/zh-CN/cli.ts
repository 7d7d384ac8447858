/** 命令行的文字。 */
export const cli = {
  description: 'jixiao 绩效 —— 预算绩效目标的导入、审核、公开、监控与自评',
  langOption: '界面语言：zh-CN（默认）或 en',
};
