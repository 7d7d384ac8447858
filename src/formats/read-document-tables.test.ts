/**
 * Other provinces' forms through readDocuments: which files go to the table reader, and what comes
 * back. The recogniser is replaced by a stub that records the tables it is given, so these tests
 * are about the routing, not about recognising (./tables/recognise.test.ts).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { FormProfile } from '../core/forms/profile.ts';
import { hebei2020 } from '../core/forms/profiles/hebei-2020.ts';
import { neimengguWuhai } from '../core/forms/profiles/neimenggu-wuhai.ts';
import { generateDocuments } from '../core/model/generate.ts';
import { named } from '../i18n/message-ref.ts';
import { writeDocx } from './docx/write-docx.ts';
import { ImportError } from './import-error.ts';
import { readableExtensions, readDocuments } from './read-document.ts';
import type { TableFile } from './tables/grid.ts';
import { exportXlsx } from './xlsx/write-xlsx.ts';

const recognised = vi.hoisted(() => ({ files: [] as TableFile[], refuse: false, as: null as FormProfile | null }));
vi.mock('./tables/recognise.ts', () => ({
  recogniseTables: (file: TableFile) => {
    recognised.files.push(file);
    if (recognised.refuse) throw new ImportError({ file: file.file }, named.textFormat.unknownContent);
    const [document] = generateDocuments({ seed: 1, units: 1, projectsPerUnit: 1, year: 2021 });
    return { profile: recognised.as, documents: [document!], actuals: null };
  },
}));

beforeEach(() => {
  recognised.files = [];
  recognised.refuse = false;
  recognised.as = neimengguWuhai;
});

/** A Word document in jixiao's layout as Word saves it again: its author is the clerk, not jixiao. */
function savedByWord(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  files['docProps/core.xml'] = strToU8(strFromU8(files['docProps/core.xml']!).replace('<dc:creator>jixiao<', '<dc:creator>张三<'));
  return zipSync(files);
}

const firstCells = () => recognised.files.map((f) => f.tables[0]!.rows[0]![0]!.text);

async function otherProvinceDocx(): Promise<Uint8Array> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const table = new Table({ rows: [new TableRow({ children: [cell('一级指标'), cell('二级指标'), cell('三级指标'), cell('指标值')] })] });
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('项目支出绩效目标表'), table] }] })));
}

async function otherProvinceXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('申报表').getCell('A1').value = '单位名称';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('readDocuments and published tables', () => {
  it('reads another province’s .docx and .xlsx from their tables, saying which profile it recognised', async () => {
    const word = await readDocuments(await otherProvinceDocx(), 'sichuan.docx');
    const excel = await readDocuments(await otherProvinceXlsx(), 'sichuan.xlsx');
    expect(firstCells()).toEqual(['一级指标', '单位名称']);
    expect([word.profile?.id, excel.profile?.id]).toEqual(['neimenggu-wuhai', 'neimenggu-wuhai']);
    expect(word.documents).toHaveLength(1);
  });

  it('keeps jixiao’s own Word and Excel files on their own readers, without reading their tables', async () => {
    const docs = generateDocuments({ seed: 3, units: 1, projectsPerUnit: 2, year: 2020 });
    const word = await readDocuments(await writeDocx(docs), 'own.docx');
    const excel = await readDocuments(await exportXlsx(docs), 'own.xlsx');
    expect(recognised.files).toEqual([]);
    expect([word.profile, excel.profile]).toEqual([null, null]);
    expect(word.documents[0]!.projects).toHaveLength(2);
  });

  it('reads a Word file in jixiao’s layout saved by someone else with jixiao’s reader, once its tables show jixiao’s form', async () => {
    const docs = generateDocuments({ seed: 3, units: 1, projectsPerUnit: 2, year: 2020 });
    const own = await readDocuments(await writeDocx(docs), 'own.docx');
    recognised.as = hebei2020;
    const resaved = await readDocuments(savedByWord(await writeDocx(docs)), 'resaved.docx');
    expect(recognised.files).toHaveLength(1);
    expect(resaved).toEqual(own);
  });

  it('reads saved web pages and old .doc files from their tables, whatever their name', async () => {
    const page = new Uint8Array(readFileSync(resolve(import.meta.dirname, 'tables/test-files/gbk-page.html')));
    const doc = new Uint8Array(readFileSync(resolve(import.meta.dirname, 'tables/test-files/word97.doc')));
    await readDocuments(page, 'download');
    await readDocuments(doc, 'form.doc');
    expect(firstCells()).toEqual(['项目名称', '项目名称']);
    expect(readableExtensions()).toEqual(expect.arrayContaining(['.html', '.htm', '.doc', '.xls', '.docx', '.xlsx']));
  }, 120_000);

  it('reports the table reader’s error for a layout jixiao does not know, jixiao’s own for its own layout', async () => {
    recognised.refuse = true;
    await expect(readDocuments(await otherProvinceXlsx(), 'other.xlsx')).rejects.toThrow(/^other\.xlsx：无法识别的文件内容/);
    const [doc] = generateDocuments({ seed: 3, units: 1, projectsPerUnit: 1, year: 2020 });
    doc!.projects[0]!.budget.total = '十万';
    await expect(readDocuments(savedByWord(await writeDocx([doc!])), 'own.docx')).rejects.toThrow(/“十万”不是数字/);
    recognised.refuse = false;
    recognised.as = hebei2020;
    await expect(readDocuments(savedByWord(await writeDocx([doc!])), 'own.docx')).rejects.toThrow(/“十万”不是数字/);
    expect(recognised.files).toHaveLength(3);
  });
});
