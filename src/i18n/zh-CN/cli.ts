/** 命令行的文字。 */
export const cli = {
  description: 'jixiao 绩效 —— 预算绩效目标的导入、审核、公开、监控与自评',
  langOption: '界面语言：zh-CN（默认）或 en',
  helpOption: '显示帮助',
  helpCommand: '显示某个命令的帮助',
  defaultValue: (value: string) => `（默认：${value}）`,
  /** 批量读取文件与文件夹（import、check 等命令共用）。 */
  inputs: {
    filesArgument: '文件或文件夹（文件夹读取其中所有可导入的文件，含子文件夹）',
    yearOption: '预算年度，覆盖文件中写明或推断的年度',
    notFound: (path: string) => `${path}：找不到这个文件或文件夹`,
    unreadable: (path: string, reason: string) => `${path}：无法读取（${reason}）`,
    noFiles: '没有找到可导入的文件（.docx、.doc、.xlsx、.xls、.html、.txt、.json）',
    recognised: (path: string, region: string, title: string, id: string) => `${path}：按${region}「${title}」表样（${id}）读取`,
    badYear: (value: string) => `年度应为 1990—2100 之间的四位数字，而不是“${value}”`,
    progress: '{bar} {value}/{total} 个文件 {file}',
  },
  import: {
    description: '读取预算绩效目标文件（含各省公开的表格和网页），输出交换格式 JSON（金额为十进制字符串）',
    outputOption: '写入文件，而不是输出到屏幕',
    failed: (count: number) => `${count} 个文件无法读取，未输出任何结果`,
    wrote: (path: string, documents: number, projects: number) => `已写入 ${path}：${documents} 个单位文档，${projects} 个项目`,
    actualsNotExported: (path: string) =>
      `${path}：这是自评表，其完成值、得分和评价结论不在交换格式 JSON 中（只导出绩效目标）；自评请用 jixiao evaluate ${path}`,
  },
  check: {
    description: '审核预算绩效目标，按文件列出发现的问题；退出码 0 无错误，1 有错误，2 有文件无法读取',
    formatOption: '输出格式：table（表格，默认）或 json',
    badFormat: (value: string) => `输出格式应为 table 或 json，而不是“${value}”`,
    fileHeading: (file: string) => `文件：${file}`,
    unitHeading: (unit: string, year: string) => `单位：${unit}　年度：${year}`,
    noYear: '未注明',
    head: { severity: '级别', rule: '规则', project: '项目', row: '行', message: '问题', suggestion: '建议' },
    noFindings: '未发现问题。',
    summary: (projects: number, indicators: number, errors: number, warnings: number, infos: number) =>
      `项目数 ${projects}，指标数 ${indicators}；错误 ${errors}，警告 ${warnings}，提示 ${infos}`,
    total: (files: number, unreadable: number, summary: string) =>
      `合计 ${files} 个文件${unreadable > 0 ? `（其中 ${unreadable} 个无法读取）` : ''}：${summary}`,
  },
};
