import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readPublishedText } from '../text/read.ts';
import { importFailure } from '../import-error.testing.ts';
import { readActualsFile } from './read-actuals.ts';
import { readDate } from './read-date.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const seed = readPublishedText(readFileSync(join(import.meta.dirname, '../../../samples/huailai-sifaju-2020.txt')), {
  fileName: 'huailai-sifaju-2020.txt',
});
const csv = (text: string) => new TextEncoder().encode(text);
const HEADER = '项目编码,指标序号,实际值,日期,说明\n';
const read = (text: string) => readActualsFile(csv(text), 'a.csv', seed);

describe('reading an actuals CSV', () => {
  it('drops a NUL from a cell: no database column could hold it', async () => {
    const a = await read(`${HEADER}315-0105-JBN-2D9U,,1.00,2020-03-31,一季度\u0000支出\n`);
    expect(a.projects[0]!.spending).toEqual([{ date: '2020-03-31', cumulative: '1.00', note: '一季度支出' }]);
  });

  it('reads the seeded year: spending, values, explanations, evaluation inputs', async () => {
    const a = await readActualsFile(readFileSync(join(FIXTURES, 'huailai-2020-actuals.csv')), 'huailai-2020-actuals.csv', seed);
    expect(a.projects.map((p) => p.projectCode)).toEqual(seed[0]!.projects.map((p) => p.code));
    const legalAid = a.projects[0]!;
    expect(legalAid.spending).toEqual([
      { date: '2020-03-31', cumulative: '1.00', note: '一季度支出' },
      { date: '2020-06-30', cumulative: '2.50', note: '' },
      { date: '2020-10-31', cumulative: '3.75', note: '' },
      { date: '2020-12-31', cumulative: '5.00', note: '全年支出' },
    ]);
    expect(legalAid.values[0]).toEqual({ index: 1, date: '2020-12-31', value: '96%', note: '结案统计' });
    expect(legalAid.results).toBe('全年办理法律援助案件并按期结案，困难群众受益');
    expect(legalAid.evaluation).toEqual([
      {
        index: 4,
        notApplicable: false,
        notApplicableReason: '',
        analysis: '指标值设定偏保守，2021年调整为≥12',
        points: null,
        gradePercent: null,
      },
      { index: 6, notApplicable: true, notApplicableReason: '与第5行重复且未设指标值', analysis: '', points: null, gradePercent: null },
    ]);
    const equipment = a.projects[3]!;
    expect(equipment.monitoring).toEqual([
      { index: 1, date: '2020-06-30', cause: null, likelihood: 'possible', measure: '', expectedYearEnd: '50' },
      {
        index: 1,
        date: '2020-10-31',
        cause: { category: 'facilities', text: '设备供货延迟' },
        likelihood: 'impossible',
        measure: '改为分批采购，剩余部分次年完成',
        expectedYearEnd: '40',
      },
    ]);
  });

  it('reads UTF-8 with a BOM and GB18030, and the usual ways of writing dates', async () => {
    for (const file of ['utf8-bom.csv', 'gb18030.csv']) {
      const a = await readActualsFile(readFileSync(join(FIXTURES, file)), file, seed);
      expect(a.projects[0]!.spending).toEqual([{ date: '2020-03-31', cumulative: '1.50', note: '一季度支出' }]);
      expect(a.projects[0]!.values).toEqual([{ index: 1, date: '2020-12-31', value: '96%', note: '结案统计' }]);
    }
  });

  it.each([
    ['2020-06-30', '2020-06-30'],
    ['2020/6/30', '2020-06-30'],
    ['2020.6.30', '2020-06-30'],
    ['2020年6月30日', '2020-06-30'],
    ['20200630', '2020-06-30'],
    ['2020-06-30 00:00:00', '2020-06-30'],
    ['2020-06-31', null],
    ['6月30日', null],
  ])('reads the date %s as %s', (text, date) => {
    expect(readDate(text)).toBe(date);
  });

  it('accepts columns in any order, skips blank lines, reads a quoted note with a comma', async () => {
    const a = await read('日期,实际值,项目编码,指标序号\n\n2020-03-31,0.50,315-0105-JBN-2D9U,\n');
    expect(a.projects[0]!.spending).toEqual([{ date: '2020-03-31', cumulative: '0.50', note: '' }]);
    const b = await read(`${HEADER}315-0105-JBN-2D9U,,0.50,2020-03-31,"办公用品，差旅"\n`);
    expect(b.projects[0]!.spending[0]!.note).toBe('办公用品，差旅');
  });
});

describe('errors name the file, the line and the column, and nothing is half-read', () => {
  it.each([
    [`${HEADER}315-9999-XXX-0000,,1,2020-03-31,\n`, 'a.csv 第 2 行 字段「项目编码」：目标文件中没有项目编码为“315-9999-XXX-0000”的项目'],
    [`${HEADER}315-0105-JBN-2D9U,7,96,2020-12-31,\n`, 'a.csv 第 2 行 字段「指标序号」：指标序号“7”不在 1–6 之间（该项目有 6 行指标）'],
    [`${HEADER}315-0105-JBN-2D9U,0,96,2020-12-31,\n`, 'a.csv 第 2 行 字段「指标序号」：指标序号“0”不在 1–6 之间（该项目有 6 行指标）'],
    [
      `${HEADER}315-0105-JBN-2D9U,,1,2020-02-30,\n`,
      'a.csv 第 2 行 字段「日期」：“2020-02-30”不是有效日期（写作 2020-06-30、2020/6/30 或 2020年6月30日）',
    ],
    [`${HEADER}315-0105-JBN-2D9U,,1,,\n`, 'a.csv 第 2 行 字段「日期」：不能为空'],
    [`${HEADER}315-0105-JBN-2D9U,,五万,2020-03-31,\n`, 'a.csv 第 2 行 字段「实际值」：“五万”不是金额（万元，如 12.50）'],
    [`${HEADER}315-0105-JBN-2D9U,,-1,2020-03-31,\n`, 'a.csv 第 2 行 字段「实际值」：“-1”不是金额（万元，如 12.50）'],
    [`${HEADER}315-0105-JBN-2D9U,,,2020-03-31,\n`, 'a.csv 第 2 行：这一行只有项目编码和日期，没有记录任何内容'],
    ['项目编码,实际值,日期\n', 'a.csv 第 1 行：表头缺少列：指标序号（表头应为：项目编码,指标序号,实际值,日期,说明）'],
    ['项目编码,指标序号,实际值,日期,金额\n', 'a.csv 第 1 行：无法识别的列“金额”'],
    ['', 'a.csv：文件中没有数据（第一行应为表头：项目编码,指标序号,实际值,日期,说明）'],
  ])('%j', async (text, message) => {
    expect((await importFailure(read(text))).message).toBe(message);
  });

  it("says a broken CSV or XLSX is one, with the parser's reason", async () => {
    expect((await importFailure(read(`${HEADER}315-0105-JBN-2D9U,,"1,2020-03-31,\n`))).message).toMatch(
      /^a\.csv.*：不是有效的 CSV 文件（.+）$/,
    );
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect((await importFailure(readActualsFile(zip, 'a.xlsx', seed))).message).toMatch(/^a\.xlsx：不是有效的 XLSX 文件（.+）$/);
  });

  it('names the earlier line of a duplicate', async () => {
    const e = await importFailure(read(`${HEADER}315-0105-JBN-2D9U,,1,2020-03-31,\n315-0105-JBN-2D9U,,2,2020-03-31,\n`));
    expect(e.message).toBe('a.csv 第 3 行 字段「实际值」：同一项目、同一指标序号、同一日期的实际值已在第 2 行填写');
  });

  it('reports the line where a record starts, after a note spanning lines', async () => {
    const e = await importFailure(read(`${HEADER}315-0105-JBN-2D9U,,1,2020-03-31,"两行\n说明"\n315-0105-JBN-2D9U,,x,2020-06-30,\n`));
    expect(e.location.line).toBe(4);
  });

  it('checks the optional columns', async () => {
    const extra = (cols: string, cells: string) =>
      importFailure(read(`项目编码,指标序号,实际值,日期,${cols}\n315-0105-JBN-2D9U,1,96,2020-12-31,${cells}\n`)).then((e) => e.message);
    expect(await extra('偏差原因类别', '资金')).toContain('“资金”不是偏差原因类别');
    expect(await extra('偏差原因', '资金未到位')).toContain('字段「偏差原因类别」：填写了偏差原因，但没有偏差原因类别');
    expect(await extra('完成可能性', '很难')).toContain('“很难”不是完成可能性');
    expect(await extra('不适用', '也许')).toContain('“也许”应为“是”或“否”');
    // A row with a value must say why in 不适用理由; its 说明 is about the value.
    expect(await extra('不适用,说明', '是,按统计口径')).toContain('字段「不适用」：标为不适用，但没有说明理由');
    expect(await extra('得分比例', '120')).toContain('“120”不是 0 到 100 之间的百分比');
    expect(await extra('全年预算数', '4')).toContain('“全年预算数”只用于项目行');
    const onProject = await importFailure(read('项目编码,指标序号,实际值,日期,分值\n315-0105-JBN-2D9U,,1,2020-12-31,10\n'));
    expect(onProject.message).toContain('“分值”只用于指标行');
    const conflict = await importFailure(
      read('项目编码,指标序号,实际值,日期,全年预算数\n315-0105-JBN-2D9U,,1,2020-06-30,6\n315-0105-JBN-2D9U,,2,2020-12-31,5.5\n'),
    );
    expect(conflict.message).toBe('a.csv 第 3 行 字段「全年预算数」：“全年预算数”已在第 2 行填写为不同的值');
  });

  it('reads the reason a row does not apply', async () => {
    const a = await read('项目编码,指标序号,实际值,日期,不适用,不适用理由\n315-0105-JBN-2D9U,3,97,2020-12-31,是,当年未发生此类案件\n');
    expect(a.projects[0]!.evaluation).toMatchObject([{ index: 3, notApplicable: true, notApplicableReason: '当年未发生此类案件' }]);
  });

  it('reads short category names, 是/否 and percentages with a sign', async () => {
    const a = await read(
      '项目编码,指标序号,实际值,日期,偏差原因类别,偏差原因,纠偏措施,不适用,得分比例,分值\n' +
        '315-0105-JBN-2D9U,3,部分达成,2020-12-31,硬件条件,设备未到,催交,否,75%,12.5\n',
    );
    const p = a.projects[0]!;
    expect(p.monitoring[0]!.cause).toEqual({ category: 'facilities', text: '设备未到' });
    expect(p.evaluation).toEqual([
      { index: 3, notApplicable: false, notApplicableReason: '', analysis: '', points: '12.5', gradePercent: '75' },
    ]);
  });
});

describe('reading an actuals XLSX', () => {
  async function workbook(rows: unknown[][]): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('实际值');
    for (const r of rows) ws.addRow(r);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }
  it('reads the same columns, with date cells and number cells', async () => {
    const bytes = await workbook([
      ['项目编码', '指标序号', '实际值', '日期', '说明'],
      ['315-0105-JBN-2D9U', null, 1.5, new Date(Date.UTC(2020, 2, 31)), '一季度'],
      ['315-0105-JBN-2D9U', 1, '96%', '2020/12/31', null],
    ]);
    const a = await readActualsFile(bytes, 'a.xlsx', seed);
    expect(a.projects[0]!.spending).toEqual([{ date: '2020-03-31', cumulative: '1.5', note: '一季度' }]);
    expect(a.projects[0]!.values).toEqual([{ index: 1, date: '2020-12-31', value: '96%', note: '' }]);
  });
  it('names the sheet and the cell of an error', async () => {
    const bytes = await workbook([
      ['项目编码', '指标序号', '实际值', '日期'],
      ['315-0105-JBN-2D9U', 9, '96%', '2020-12-31'],
    ]);
    const e = await importFailure(readActualsFile(bytes, 'a.xlsx', seed));
    expect(e.message).toBe('a.xlsx 工作表「实际值」 单元格 B2 字段「指标序号」：指标序号“9”不在 1–6 之间（该项目有 6 行指标）');
  });
});
