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
  zip: {
    broken: 'the file is damaged or incomplete: its ZIP package cannot be opened',
    tooManyEntries: (max) => `the file holds more than ${max} parts, unlike a Word or Excel file; it was not read`,
    tooLarge: (maxBytes) => `the file unpacks to more than ${Math.round(maxBytes / 1048576)} MB; it was not read (split it and import the parts)`,
    unsupported: (name) => `the part ${name} is encrypted or compressed in a way that is not supported`,
  },
};
