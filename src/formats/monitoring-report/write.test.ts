import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { monitorDocument } from '../../core/monitoring/monitor.ts';
import { readActualsFile } from '../actuals/read-actuals.ts';
import { readDocumentFile } from '../read-document.ts';
import { writeMonitoringDocx, writeMonitoringXlsx } from './write.ts';

const ROOT = join(import.meta.dirname, '../../..');

/** A cell as Excel shows it: a number with its format's decimals. */
const shown = (c: ExcelJS.Cell) => (typeof c.value === 'number' ? c.value.toFixed((c.numFmt?.split('.')[1] ?? '').length) : String(c.text));
const documents = await readDocumentFile(readFileSync(join(ROOT, 'samples/huailai-sifaju-2020.txt')), 'seed.txt');
const actuals = await readActualsFile(
  readFileSync(join(ROOT, 'src/formats/actuals/fixtures/huailai-2020-actuals.csv')),
  'a.csv',
  documents,
);
const monitoring = monitorDocument(documents[0]!, actuals, '2020-10-31');

async function texts(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const rows: string[][] = [];
    ws.eachRow((row, n) => {
      const cells: string[] = [];
      row.eachCell((c) => {
        if (!(c.isMerged && c.master !== c) && shown(c) !== '') cells.push(shown(c));
      });
      rows[n] = cells;
    });
    return { name: ws.name, rows: rows.filter((r) => r !== undefined), landscape: ws.pageSetup.orientation === 'landscape' };
  });
}

describe('the 监控表 workbook', () => {
  it('summarises the unit by light, then one landscape sheet per project', async () => {
    const s = await texts(await writeMonitoringXlsx([monitoring]));
    expect(s.map((x) => x.name)).toEqual(['监控汇总', ...documents[0]!.projects.map((p) => p.code)]);
    expect(s.every((x) => x.landscape)).toBe(true);
    const summary = s[0]!.rows;
    expect(summary[0]).toEqual(['315002 怀来县司法局 绩效运行监控（截至 2020年10月31日）']);
    expect(summary.find((r) => r[0] === '315-0103-JBN-NGVM')).toEqual([
      '315-0103-JBN-NGVM',
      '社区矫正',
      '8.00',
      '4.00',
      '50.00%',
      '75.00%',
      '25.00',
      '红灯',
      '经费保障：专线费用年底集中结算',
      '与运营商约定11月结算',
    ]);
    // 29 rows have no actual by 10月底 (seeded-year.test.ts counts them by hand).
    expect(summary.at(-1)).toEqual(['绿灯 3 个，黄灯 1 个，红灯 2 个；未填报指标 29 行']);
  });

  it('lists each indicator with its target, progress, expectation, cause, likelihood and measure', async () => {
    const s = await texts(await writeMonitoringXlsx([monitoring]));
    const d = s.find((x) => x.name === '315-0103-YBN-W3GC')!.rows;
    expect(d.find((r) => r.includes('更新业务部门办公设施'))).toEqual([
      '产出指标',
      '数量指标',
      '更新业务部门办公设施',
      '>50',
      '30',
      '60.00%',
      '40',
      '硬件条件保障：设备供货延迟',
      '完全不可能',
      '改为分批采购，剩余部分次年完成',
    ]);
    // A row with nothing recorded says so instead of leaving the cell blank.
    expect(d.find((r) => r.includes('部门办公设施更新率'))!.slice(2, 5)).toEqual(['部门办公设施更新率', '>50', '未填报']);
    // A count due in parts shows the share due beside its progress.
    const e = s.find((x) => x.name === '315-0101-JBN-GXGK')!.rows;
    expect(e.find((r) => r.includes('≥15张'))!.slice(3, 6)).toEqual(['≥15张', '12张', '80.00%（应达 75.00%）']);
    expect(d.find((r) => r.includes('预警等级'))).toBeDefined();
    expect(d.find((r) => r.includes('红灯'))).toEqual([
      '年度资金总额',
      '20.00',
      '15.00',
      '75.00%',
      '10月底（2020年10月31日）',
      '75.00%',
      '0.00 个百分点',
      '红灯',
    ]);
    // No other funds: the fiscal money is all of it, its spending and rate too.
    expect(d.find((r) => r[0] === '其中：财政资金')).toEqual(['其中：财政资金', '20.00', '15.00', '75.00%', '—', '—', '—', '—']);
  });

  it('prints on A4 fitted to the width; project codes stay on one line, wrapped rows are as tall as their text', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeMonitoringXlsx([monitoring])) as unknown as ArrayBuffer);
    const codes: ExcelJS.Cell[] = [];
    for (const sheet of wb.worksheets) {
      expect(sheet.pageSetup, sheet.name).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      sheet.eachRow((row) => row.eachCell((c) => /^\d{3}-\d{4}-[A-Z]{3}-[A-Z0-9]{4}$/.test(shown(c)) && codes.push(c)));
    }
    expect(codes.length).toBeGreaterThan(documents[0]!.projects.length);
    for (const c of codes) expect(c.alignment.wrapText, c.address).not.toBe(true);
    const sheet = wb.getWorksheet('315-0103-YBN-W3GC')!;
    const heights: number[] = [];
    sheet.eachRow((r) => r.eachCell((c) => shown(c) === '改为分批采购，剩余部分次年完成' && heights.push(r.height)));
    // 15 CJK characters in a column 21 wide: two lines.
    expect(heights).toEqual([expect.any(Number)]);
    expect(heights[0]).toBeGreaterThan(28);
  });

  it('writes the same forms to Word on landscape pages', async () => {
    const xml = strFromU8(unzipSync(await writeMonitoringDocx([monitoring]))['word/document.xml']!);
    const text = xml.replace(/<[^>]+>/g, '');
    for (const expected of ['项目支出绩效运行监控表', '执行至今完成值', '全年预计完成值', '完全不可能', '人员保障：宣传骨干抽调防疫'])
      expect(text).toContain(expected);
    expect(xml).toContain('w:orient="landscape"');
    // The summary, then per project the block and the indicator table, joined by a hairline paragraph:
    // a table repeats only its first rows on each page, and its header row is repeated.
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1 + 2 * 6);
    expect(xml.match(/<w:pStyle w:val="TableJoin"\/>/g)).toHaveLength(6);
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1 + 6);
    expect(xml).not.toContain('w:val="off"');
  });
});
