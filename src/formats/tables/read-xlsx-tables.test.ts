import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Grid } from './grid.ts';
import { readXlsxTables } from './read-xlsx-tables.ts';

const texts = (grid: Grid) => grid.rows.map((r) => r.map((c) => c.text));
const merges = (grid: Grid) => grid.rows.map((r) => r.map((c) => c.mergedFrom?.[0] ?? '.').join(''));

async function workbook(fill: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('readXlsxTables', () => {
  it('spreads a merged range: "left" along its first row, "above" below it', async () => {
    const file = await workbook((wb) => {
      const s = wb.addWorksheet('申报表');
      s.getCell('A1').value = '单位名称';
      s.getCell('B1').value = '项目名称';
      s.getCell('C1').value = '指标';
      s.getCell('A2').value = '某某县司法局';
      s.mergeCells('A2:A4');
      s.getCell('B2').value = '法律援助';
      s.mergeCells('B2:C3');
      s.getCell('B4').value = 'x';
      s.getCell('C4').value = 'y';
    });
    const [grid] = (await readXlsxTables(file, 'a.xlsx')).tables;
    expect(texts(grid!)).toEqual([
      ['单位名称', '项目名称', '指标'],
      ['某某县司法局', '法律援助', '法律援助'],
      ['某某县司法局', '法律援助', '法律援助'],
      ['某某县司法局', 'x', 'y'],
    ]);
    expect(merges(grid!)).toEqual(['...', '..l', 'aaa', 'a..']);
    expect(grid!.name).toBe('工作表「申报表」');
    expect(grid!.cellName(6, 1)).toBe('B7');
    expect(grid!.cellName(0, 27)).toBe('AB1');
  });

  it('shows numbers as exact decimals in their format, dates as their format prints them', async () => {
    const file = await workbook((wb) => {
      const s = wb.addWorksheet('Sheet1');
      const put = (ref: string, value: ExcelJS.CellValue, numFmt?: string) => {
        s.getCell(ref).value = value;
        if (numFmt !== undefined) s.getCell(ref).numFmt = numFmt;
      };
      put('A1', 3309840);
      put('B1', 3309840, '#,##0.00');
      put('L1', -1234567.5, '#,##0.0_);(#,##0.0)');
      put('C1', 0.85);
      put('D1', 0.85, '0%');
      put('E1', 0.1 + 0.2);
      put('F1', 12.5, '0.00');
      put('G1', new Date(Date.UTC(2021, 2, 5)), 'yyyy"年"m"月"d"日"');
      put('H1', new Date(Date.UTC(2021, 2, 5)), 'yyyy/mm/dd');
      put('I1', { formula: 'A1*2', result: 6619680 });
      put('J1', { richText: [{ text: '≥' }, { text: '95%' }] });
      put('K1', '  多行\r\n文本 ');
    });
    const [grid] = (await readXlsxTables(file, 'a.xlsx')).tables;
    expect(texts(grid!)[0]).toEqual([
      '3309840',
      '3,309,840.00',
      '0.85',
      '85%',
      '0.3',
      '12.50',
      '2021年3月5日',
      '2021/03/05',
      '6619680',
      '≥95%',
      '多行\n文本',
      '-1,234,567.5',
    ]);
  });

  it('leaves out empty sheets and the empty rows and columns past the printed ones', async () => {
    const file = await workbook((wb) => {
      const s = wb.addWorksheet('表');
      s.getCell('B2').value = '一级指标';
      s.getCell('F9').numFmt = '0.00';
      s.getRow(12).height = 30;
      wb.addWorksheet('Sheet2');
    });
    const { tables } = await readXlsxTables(file, 'a.xlsx');
    expect(tables.map((t) => t.name)).toEqual(['工作表「表」']);
    expect(texts(tables[0]!)).toEqual([
      ['', ''],
      ['', '一级指标'],
    ]);
  });

  it('refuses a damaged workbook as such', async () => {
    await expect(readXlsxTables(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'a.xlsx')).rejects.toThrow(
      /a\.xlsx：文件已损坏或不是有效的 Excel 工作簿/,
    );
  });
});
