import { describe, expect, it } from 'vitest';
import { toCsv } from './table.ts';

describe('toCsv', () => {
  it('writes a BOM, CRLF rows and quotes only what needs quoting', () => {
    const csv = toCsv({
      columns: ['单位', '预算数（万元）'],
      rows: [
        ['怀来县司法局', '91.10'],
        ['甲,乙 "丙"', 3],
      ],
    });
    expect(csv).toBe('\ufeff单位,预算数（万元）\r\n怀来县司法局,91.10\r\n"甲,乙 ""丙""",3\r\n');
  });

  it('neutralises formulas in text columns and keeps negative numbers in numeric ones', () => {
    const csv = toCsv({ columns: ['项目', '偏差'], rows: [['=HYPERLINK("x")', '-12.50']], numeric: [false, true] });
    expect(csv).toBe(`\ufeff项目,偏差\r\n"'=HYPERLINK(""x"")",-12.50\r\n`);
  });
});
