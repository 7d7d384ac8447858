import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Grid } from './grid.ts';
import { compoundFileFormat } from './old-office.ts';
import { readTableFile, tableFileFormat } from './read-table-file.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(resolve(import.meta.dirname, 'test-files', name)));
const texts = (grid: Grid) => grid.rows.map((r) => r.map((c) => c.text));

async function docxWithTable(): Promise<Uint8Array> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const table = new Table({ rows: [new TableRow({ children: [cell('一级指标'), cell('二级指标')] })] });
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [table] }] })));
}

async function xlsxWithCell(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('表').getCell('A1').value = '一级指标';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('readTableFile', () => {
  it('recognises Word, Excel and web pages by content, whatever the file is called', async () => {
    expect(texts((await readTableFile(await docxWithTable(), 'download')).tables[0]!)).toEqual([['一级指标', '二级指标']]);
    expect(texts((await readTableFile(await xlsxWithCell(), 'table.doc')).tables[0]!)).toEqual([['一级指标']]);
    // Government sites often serve a web page as ".xls".
    const page = new TextEncoder().encode('<html><body><table><tr><td>一级指标</td></tr></table></body></html>');
    expect(tableFileFormat(page, 'export.xls')).toBe('html');
    expect(texts((await readTableFile(page, 'export.xls')).tables[0]!)).toEqual([['一级指标']]);
  });

  it('tells old Word from old Excel by the streams in the compound file, else by the name', () => {
    expect(compoundFileFormat(fixture('word97.doc'))).toBe('doc');
    expect(compoundFileFormat(fixture('excel97.xls'))).toBe('xls');
    const unknown = new Uint8Array(2048);
    unknown.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(tableFileFormat(unknown, 'a.XLS')).toBe('xls');
    expect(tableFileFormat(unknown, 'a.bin')).toBeNull();
    expect(tableFileFormat(fixture('word97.doc'), 'renamed.xls')).toBe('doc');
  });

  it('reads an old .doc and .xls through LibreOffice, merges spread', { timeout: 180_000 }, async () => {
    const doc = await readTableFile(fixture('word97.doc'), 'form.doc');
    expect(doc.tables[0]!.before).toEqual(['项目支出绩效目标表', '单位：万元']);
    expect(texts(doc.tables[0]!)).toEqual([
      ['项目名称', '法律援助', '法律援助'],
      ['产出指标', '数量指标', '≥300件'],
      ['产出指标', '质量指标', '100%'],
    ]);
    const xls = await readTableFile(fixture('excel97.xls'), 'form.xls');
    expect(xls.tables[0]!.name).toBe('工作表「申报表」');
    expect(texts(xls.tables[0]!)).toEqual([
      ['单位名称', '预算数'],
      ['某某县司法局', '3,309,840.00'],
      ['某某县司法局', '0.85'],
    ]);
  });

  it('says in Chinese that LibreOffice is needed when it is not installed', async () => {
    vi.stubEnv('PATH', '/nonexistent');
    await expect(readTableFile(fixture('excel97.xls'), 'form.xls')).rejects.toThrow(
      /^form\.xls：读取旧版 Excel（\.xls）文件需要 LibreOffice，本机未安装/,
    );
  });

  it('refuses content that is no table file, and a file without tables', async () => {
    await expect(readTableFile(new TextEncoder().encode('会议纪要'), 'a.txt')).rejects.toThrow(/a\.txt：无法识别的文件内容/);
    await expect(readTableFile(new TextEncoder().encode('<html><p>通知</p></html>'), 'a.html')).rejects.toThrow(/a\.html：文件中没有表格/);
  });
});
