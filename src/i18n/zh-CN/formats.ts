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
  zip: {
    broken: '文件已损坏或不完整，ZIP 包无法打开',
    tooManyEntries: (max: number) => `文件包含的部件超过 ${max} 个，不像 Word 或 Excel 文件，未予读取`,
    tooLarge: (maxBytes: number) => `文件解压后超过 ${Math.round(maxBytes / 1048576)} MB 的上限，未予读取（请拆分后分别导入）`,
    unsupported: (name: string) => `文件中的部件 ${name} 已加密或使用了不支持的压缩方式`,
  },
};
