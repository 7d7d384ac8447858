/** 导入、导出相关的提示文字。 */
export const formats = {
  location: {
    sheet: (name: string) => `工作表「${name}」`,
    cell: (ref: string) => `单元格 ${ref}`,
    line: (n: number) => `第 ${n} 行`,
    field: (name: string) => `字段「${name}」`,
    separator: ' ',
    reasonSeparator: '：',
  },
};
