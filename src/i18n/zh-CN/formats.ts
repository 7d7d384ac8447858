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
};
