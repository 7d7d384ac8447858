import { describe, expect, it } from 'vitest';
import { csvCell, csvText } from './csv.ts';

describe('CSV cells', () => {
  it('gives every text cell that a spreadsheet would run as a formula a leading apostrophe', () => {
    for (const s of ['=HYPERLINK("http://x","点击")', "=cmd|' /C calc'!A0", '+1+2', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '-5'])
      expect(csvCell(s, false).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
    expect(csvCell("=cmd|' /C calc'!A0", false)).toBe("'=cmd|' /C calc'!A0");
    expect(csvCell('=A1,"B"', false)).toBe(`"'=A1,""B"""`);
    expect(csvCell('法律援助', false)).toBe('法律援助');
    expect(csvCell(' =1', false)).toBe(' =1');
  });

  it('keeps the numbers of numeric columns, negative ones included, and neutralises anything else there', () => {
    expect(csvCell('-5.00', true)).toBe('-5.00');
    expect(csvCell('91.10', true)).toBe('91.10');
    expect(csvCell(-3, false)).toBe('-3');
    expect(csvCell('-1+1', true)).toBe("'-1+1");
    expect(csvCell('=1', true)).toBe("'=1");
    expect(csvCell(null, true)).toBe('');
  });

  it('writes a byte-order mark, the header and CRLF rows', () => {
    expect(
      csvText(
        ['名称', '金额'],
        [
          ['=1', '-2.50'],
          ['甲', null],
        ],
        (i) => i === 1,
      ),
    ).toBe("\ufeff名称,金额\r\n'=1,-2.50\r\n甲,\r\n");
  });
});
