import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ImportError } from './import-error.ts';
import { organisationRowsOf, readUnitsFile } from './units-file.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('the units file', () => {
  it('reads CSV with the Chinese header or the English one, in any column order', async () => {
    const zh = await readUnitsFile(bytes('类型,编码,名称,上级编码\n财政部门,13,河北省财政厅,\n预算单位,315002,怀来县司法局,13\n'), 'u.csv');
    expect(zh.map(({ at, ...r }) => r)).toEqual([
      { code: '13', name: '河北省财政厅', parent: null, kind: 'bureau' },
      { code: '315002', name: '怀来县司法局', parent: '13', kind: 'unit' },
    ]);
    expect(zh[1]!.at).toEqual({ file: 'u.csv', line: 3 });
    const en = await readUnitsFile(bytes('code,name,parent,kind\n13,河北省财政厅,,bureau\n'), 'u.csv');
    expect(en.map((r) => r.kind)).toEqual(['bureau']);
  });

  it('reads XLSX, naming the cell of a bad value', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('单位');
    sheet.addRows([
      ['编码', '名称', '上级编码', '类型'],
      ['13', '河北省财政厅', '', '财政部门'],
      ['315002', '怀来县司法局', '13', '局'],
    ]);
    const file = new Uint8Array(await workbook.xlsx.writeBuffer());
    const error = await readUnitsFile(file, 'u.xlsx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toBe('u.xlsx 工作表「单位」 单元格 D3 字段「类型」：“局”不是类型（财政部门 或 预算单位）');
  });

  it('names what is missing: a column of the header, a unit without its bureau', async () => {
    await expect(readUnitsFile(bytes('编码,名称,类型\n13,河北省财政厅,财政部门\n'), 'u.csv')).rejects.toThrow(
      'u.csv 第 1 行：表头缺少列：上级编码（表头应为：编码,名称,上级编码,类型）',
    );
    expect(() => organisationRowsOf([{ code: '315002', name: '怀来县司法局', parent: null, kind: '单位' }], 'JSON')).toThrow(
      'JSON 第 1 行 字段「上级编码」：预算单位须填写所属财政部门的编码',
    );
  });
});
