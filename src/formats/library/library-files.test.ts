import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { FRAMEWORK_2021_ENTRIES, type LibraryEntry } from '../../core/library/index.ts';
import { ImportError } from '../import-error.ts';
import { readLibraryJson, writeLibraryJson } from './json.ts';
import { readLibrary } from './read-library.ts';
import { LIBRARY_SHEET, readLibraryXlsx, writeLibraryXlsx } from './xlsx.ts';

const ENTRIES: LibraryEntry[] = [
  ...FRAMEWORK_2021_ENTRIES,
  {
    id: '130730-001',
    level1: '产出指标',
    level2: '质量指标',
    level3: '法律援助案件结案率',
    description: '当年办结的法律援助案件占受理案件的比例',
    unit: '%',
    direction: 'higher',
    target: '≥95%',
    explanation: '反映法律援助案件办理质量',
    method: '结案数 / 受理数 × 100%',
    dataSource: '法律援助案件管理系统',
    field: 'justice',
    source: { kind: 'bureau', reference: '130730' },
    status: { state: 'approved', reason: null },
  },
  {
    id: '130730-002',
    level1: '产出指标',
    level2: '数量指标',
    level3: '办理法律援助案件数量',
    description: '',
    unit: '件',
    direction: null,
    target: '100',
    explanation: null,
    method: null,
    dataSource: null,
    field: 'justice',
    source: { kind: 'learned', reference: null },
    status: { state: 'refused', reason: '与 130730-001 重复' },
  },
  { ...FRAMEWORK_2021_ENTRIES[0]!, id: 'old', status: { state: 'retired', reason: null }, source: { kind: 'bureau', reference: '130700' } },
];

const failure = async (read: () => unknown): Promise<ImportError> => {
  try {
    await read();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('no error');
};

describe('library files as JSON', () => {
  it('round-trips every entry, its source and its status', () => {
    expect(readLibraryJson(writeLibraryJson(ENTRIES), 'lib.json')).toEqual(ENTRIES);
  });

  it('refuses the whole file, naming the entry and the field', async () => {
    const data = JSON.parse(writeLibraryJson(ENTRIES));
    data.entries[2].status = { state: 'refused', reason: null };
    expect((await failure(() => readLibraryJson(JSON.stringify(data), 'lib.json'))).message).toBe(
      'lib.json 字段「entries[2].status.reason」：不予入库的指标须写明理由',
    );
    data.entries[2].status.reason = '重复';
    data.entries[1].field = '航天';
    expect((await failure(() => readLibraryJson(JSON.stringify(data), 'lib.json'))).message).toContain('entries[1].field');
    data.entries[1].field = 'justice';
    data.entries[3].id = '130730-001';
    expect((await failure(() => readLibraryJson(JSON.stringify(data), 'lib.json'))).message).toBe(
      'lib.json 字段「entries[3].id」：编号“130730-001”重复',
    );
    data.entries[3].id = 'old';
    data.entries[0].unit = '个'.repeat(31);
    expect((await failure(() => readLibraryJson(JSON.stringify(data), 'lib.json'))).message).toBe(
      'lib.json 字段「entries[0].unit」：超过 30 个字的上限',
    );
    expect((await failure(() => readLibraryJson('{"format":"jixiao.targets"}', 'lib.json'))).message).toContain('不是 jixiao 指标库文件');
  });
});

describe('library files as XLSX', () => {
  it('round-trips every entry, and is read by content like the JSON', async () => {
    const bytes = await writeLibraryXlsx(ENTRIES);
    expect(await readLibraryXlsx(bytes, 'lib.xlsx')).toEqual(ENTRIES);
    expect(await readLibrary(bytes, 'lib.xlsx')).toEqual(ENTRIES);
    expect(await readLibrary(new TextEncoder().encode(writeLibraryJson(ENTRIES)), 'lib.json')).toEqual(ENTRIES);
  });

  /** The written workbook with one cell changed (by its heading and 1-based entry). */
  async function edited(heading: string, entry: number, value: string): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeLibraryXlsx(ENTRIES)) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet(LIBRARY_SHEET)!;
    let col = 0;
    sheet.getRow(1).eachCell((c, i) => {
      if (c.value === heading) col = i;
    });
    sheet.getRow(entry + 1).getCell(col).value = value;
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('refuses the whole file at the first bad cell, naming sheet, cell and column in Chinese', async () => {
    const cases: Array<[string, number, string, string]> = [
      ['行业/领域', 2, '航天', '“航天”不是行业/领域'],
      ['状态', 3, '作废', '“作废”不是状态'],
      ['不予入库理由', 3, '', '不予入库的指标须写明理由'],
      ['三级指标', 1, '', '不能为空'],
      ['文号或财政部门编码', 2, '', '来源为财政部门的指标须写明财政部门编码'],
      ['编号', 4, '130730-001', '编号“130730-001”重复'],
      ['三级指标', 2, '率'.repeat(201), '超过 200 个字的上限'],
    ];
    for (const [heading, entry, value, reason] of cases) {
      const e = await failure(async () => readLibraryXlsx(await edited(heading, entry, value), 'lib.xlsx'));
      expect(e.location, heading).toMatchObject({ sheet: '指标库', field: heading });
      expect(e.location.cell, heading).toMatch(new RegExp(`^[A-P]${entry + 1}$`));
      expect(e.reason, heading).toContain(reason);
    }
  });

  it('says which column or sheet is missing', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    const e = await failure(async () => readLibraryXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), 'lib.xlsx'));
    expect(e.reason).toBe('找不到工作表“指标库”');
    wb.addWorksheet(LIBRARY_SHEET).addRow(['编号', '三级指标']);
    const e2 = await failure(async () => readLibraryXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), 'lib.xlsx'));
    expect(e2.reason).toBe('缺少列“行业/领域”');
  });
});
