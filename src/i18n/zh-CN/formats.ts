/** 导入、导出相关的提示文字。 */
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
    separator: ' ',
    reasonSeparator: '：',
  },
  /** A library failed inside a damaged container (ZIP, XML, workbook): the file's fault, said as such. */
  damaged: (kind: 'docx' | 'xlsx', reason: string) =>
    `文件已损坏或不是有效的${{ docx: ' Word 文档（.docx）', xlsx: ' Excel 工作簿（.xlsx）' }[kind]}：${reason}`,
};
