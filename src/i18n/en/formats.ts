import type { Messages } from '../zh-CN/index.ts';

export const formats: Messages['formats'] = {
  location: {
    sheet: (name) => `sheet "${name}"`,
    cell: (ref) => `cell ${ref}`,
    line: (n) => `line ${n}`,
    field: (name) => `field "${name}"`,
    separator: ', ',
    reasonSeparator: ': ',
  },
};
