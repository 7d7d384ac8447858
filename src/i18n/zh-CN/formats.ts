/** 导入、导出相关的提示文字。 */
import { departmentTableHeadings, indicatorHeadings, projectHeadings } from './form-headings.ts';

export const formats = {
  location: {
    sheet: (name: string) => `工作表「${name}」`,
    cell: (ref: string) => `单元格 ${ref}`,
    line: (n: number) => `第 ${n} 行`,
    paragraph: (n: number) => `第 ${n} 段`,
    table: (n: number) => `第 ${n} 个表格`,
    row: (n: number) => `第 ${n} 行`,
    column: (n: number) => `第 ${n} 格`,
    field: (name: string) => `字段「${name}」`,
    project: (name: string) => `项目「${name}」`,
    indicator: (n: number) => `指标第 ${n} 行`,
    separator: ' ',
    reasonSeparator: '：',
  },
  /** The texts of a document, by the names core/model/text-limits.ts gives them. */
  textFields: {
    unitCode: '单位编码',
    unitName: '单位名称',
    itemLabel: '编号',
    itemText: '分项目标或保障措施',
    overallGoal: '总体绩效目标',
    sourceName: '资金来源名称',
    checkpoint: '支出计划时点',
    goal: '绩效目标',
    ...indicatorHeadings,
    projectCode: '项目编码',
    projectName: '项目名称',
    useOfFunds: '资金用途',
    department: '主管部门',
    period: '项目起止时间',
    ...projectHeadings,
    ...departmentTableHeadings,
  },
  tooLong: (length: number, limit: number) => `有 ${length} 个字，超过此栏最多的 ${limit} 个字，请精简后再导入`,
  zip: {
    broken: '文件已损坏或不完整，ZIP 包无法打开',
    tooManyEntries: (max: number) => `文件包含的部件超过 ${max} 个，不像 Word 或 Excel 文件，未予读取`,
    tooLarge: (maxBytes: number) => `文件解压后超过 ${Math.round(maxBytes / 1048576)} MB 的上限，未予读取（请拆分后分别导入）`,
    unsupported: (name: string) => `文件中的部件 ${name} 已加密或使用了不支持的压缩方式`,
  },
  /** A library failed inside a damaged container (ZIP, XML, workbook): the file's fault, said as such. */
  damaged: (kind: 'docx' | 'xlsx', reason: string) =>
    `文件已损坏或不是有效的${{ docx: ' Word 文档（.docx）', xlsx: ' Excel 工作簿（.xlsx）' }[kind]}：${reason}`,
  /** Reading published tables (Word, Excel, web pages) of any province's form. */
  tables: {
    cell: (row: number, column: number) => `第 ${row} 行第 ${column} 列`,
    notATableFile: '无法识别的文件内容：不是 Word（.docx/.doc）、Excel（.xlsx/.xls）文件或网页（.html）',
    libreOfficeMissing: (kind: string) =>
      `读取旧版${kind}文件需要 LibreOffice，本机未安装（Debian/Ubuntu：apt-get install libreoffice-writer-nogui libreoffice-calc-nogui）；也可在 Office 中另存为 .docx 或 .xlsx 后导入`,
    conversionFailed: (kind: string, reason: string) => `LibreOffice 未能转换此${kind}文件：${reason}`,
    conversionTimedOut: (kind: string, seconds: number) => `LibreOffice 转换此${kind}文件超过 ${seconds} 秒仍未完成，已停止`,
    word: ' Word（.doc）',
    excel: ' Excel（.xls）',
    unknownLayout: (found: readonly string[], needed: readonly string[]) =>
      `未能识别表样：找到的栏目为${found.length === 0 ? '（无）' : found.map((h) => `「${h}」`).join('')}，指标表至少需要${needed.map((h) => `「${h}」`).join('')}`,
    noTables: '文件中没有表格',
    notAnAmount: (text: string, unit: string) => `「${text}」不是金额（单位：${unit}）`,
    notANumber: (text: string) => `「${text}」不是数字`,
    unplaced: (text: string) => `「${text}」无法归入指标表：此栏不是指标表的栏目`,
    noLevel1: (text: string) => `「${text}」之前没有一级指标`,
    unread: (text: string) => `「${text}」不是已知的栏目，也不是某一栏目的内容，无法导入（为免遗漏，整份文件未导入）`,
    headerAlone: '指标表只有表头，没有指标行',
    noProject: (text: string) => `「${text}」所在行不属于任何项目（项目名称为空）`,
    noYear: '未写明预算年度，无法确定完成值的日期；请指定年度（如 --year 2023）',
    tooManySets: (n: number) => `指标表并列了 ${n} 组指标，最多识别中期和年度两组`,
    departmentSelfEvaluation: '部门整体支出绩效自评表尚不能导入（只能导入部门整体支出绩效目标表和项目自评表）',
  },
};
