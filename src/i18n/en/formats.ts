import type { Messages } from '../zh-CN/index.ts';

export const formats: Messages['formats'] = {
  location: {
    sheet: (name) => `sheet "${name}"`,
    cell: (ref) => `cell ${ref}`,
    line: (n) => `line ${n}`,
    paragraph: (n) => `paragraph ${n}`,
    table: (n) => `table ${n}`,
    row: (n) => `row ${n}`,
    column: (n) => `cell ${n}`,
    field: (name) => `field "${name}"`,
    separator: ', ',
    reasonSeparator: ': ',
  },
  damaged: (kind, reason) => `the file is damaged or not a valid ${{ docx: 'Word document (.docx)', xlsx: 'Excel workbook (.xlsx)' }[kind]}: ${reason}`,
};
