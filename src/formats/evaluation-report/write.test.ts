import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { evaluateDocument } from '../../core/evaluation/department.ts';
import { readActualsFile } from '../actuals/read-actuals.ts';
import { readDocumentFile } from '../read-document.ts';
import { writeEvaluationDocx, writeEvaluationXlsx } from './write.ts';

const ROOT = join(import.meta.dirname, '../../..');

/** A cell as Excel shows it: a number with its format's decimals. */
const shown = (c: ExcelJS.Cell) => (typeof c.value === 'number' ? c.value.toFixed((c.numFmt?.split('.')[1] ?? '').length) : String(c.text));
const documents = await readDocumentFile(readFileSync(join(ROOT, 'samples/huailai-sifaju-2020.txt')), 'seed.txt');
const actuals = await readActualsFile(
  readFileSync(join(ROOT, 'src/formats/actuals/fixtures/huailai-2020-actuals.csv')),
  'a.csv',
  documents,
);
const evaluation = evaluateDocument(documents[0]!, actuals);

/** Every cell's text of a sheet by address, and its merged ranges. */
async function sheets(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const cells = new Map<string, string>();
    ws.eachRow((row) => row.eachCell((c) => cells.set(c.address, c.isMerged && c.master !== c ? '' : shown(c))));
    return { name: ws.name, cells, merges: (ws.model as { merges: string[] }).merges, ws };
  });
}
const rowOf = (cells: Map<string, string>, text: string) => {
  for (const [address, t] of cells) if (t === text) return Number(address.replace(/^[A-Z]+/, ''));
  throw new Error(`no cell ${text}`);
};
const line = (cells: Map<string, string>, row: number) =>
  [...cells].filter(([a, t]) => Number(a.replace(/^[A-Z]+/, '')) === row && t !== '').map(([, t]) => t);

describe('the 自评表 workbook', () => {
  it('has the unit summary, then one sheet per project', async () => {
    const s = await sheets(await writeEvaluationXlsx([evaluation]));
    expect(s.map((x) => x.name)).toEqual(['部门整体汇总', ...documents[0]!.projects.map((p) => p.code)]);
    const summary = s[0]!.cells;
    expect(line(summary, rowOf(summary, '合计'))).toEqual(['合计', '91.10', '83.29', '91.43%', '81.60', '良']);
    expect([...summary.values()]).toContain('部门整体自评得分（按预算加权）：81.60（良）');
    // Beside it, the score with the 不适用 rows scored too (seeded-year.test.ts works it out by hand).
    expect([...summary.values()]).toContain('所有指标均计分（不适用行也计分）时的部门整体得分：78.99（中）');
  });

  it('lays out a project as the official form: budget block, goals, indicators, total and grade', async () => {
    const s = await sheets(await writeEvaluationXlsx([evaluation]));
    const c = s.find((x) => x.name === '315-0103-YBN-TSVA')!;
    expect(c.cells.get('A1')).toBe('项目支出绩效自评表');
    expect(c.cells.get('A2')).toBe('（2020年度）');
    expect(line(c.cells, rowOf(c.cells, '年度资金总额'))).toEqual(['年度资金总额', '39.00', '39.00', '35.10', '10.00', '90.00%', '9.00']);
    // No other funds: the fiscal money is all of it, budget, spending and rate.
    expect(line(c.cells, rowOf(c.cells, '其中：财政资金'))).toEqual(['其中：财政资金', '39.00', '39.00', '35.10', '—', '90.00%', '—']);
    expect(line(c.cells, rowOf(c.cells, '人民调解案件结案率'))).toEqual([
      '产出指标',
      '数量指标',
      '人民调解案件结案率',
      '≥98',
      '99',
      '25.00',
      '25.00',
    ]);
    expect(line(c.cells, rowOf(c.cells, '减少基层上访率，及时化解矛盾'))).toEqual([
      '效果指标',
      '社会效益指标',
      '减少基层上访率，及时化解矛盾',
      '不适用',
      '不适用',
      '不适用：上访率无统计口径',
    ]);
    expect(line(c.cells, rowOf(c.cells, '购买装备业务们部门覆盖率'))).toEqual([
      '购买装备业务们部门覆盖率',
      '≥50',
      '40',
      '25.00',
      '20.00',
      '两个部门的装备未到货，2021年补齐',
    ]);
    expect(line(c.cells, rowOf(c.cells, '总分'))).toEqual(['总分', '100.00', '64.00', '评价等级：中']);
    expect(line(c.cells, rowOf(c.cells, '所有指标均计分（不适用行也计分）时的总分'))).toEqual([
      '所有指标均计分（不适用行也计分）时的总分',
      '100.00',
      '64.00',
      '评价等级：中',
    ]);
    // 一级 merged over its two rows: 产出指标 on rows r and r+1.
    const r = rowOf(c.cells, '人民调解案件结案率');
    expect(c.merges).toContain(`B${r}:B${r + 1}`);
    // Amounts are numbers that sum in Excel.
    expect(c.ws.getCell(`H${r}`).value).toBe(25);
    expect(c.ws.getCell(`H${r}`).numFmt).toBe('0.00');
  });

  it('writes the same forms to Word', async () => {
    const docx = await writeEvaluationDocx([evaluation]);
    const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
    const text = xml.replace(/<w:tab\/>/g, '\t').replace(/<[^>]+>/g, '');
    for (const expected of [
      '部门整体绩效自评汇总表',
      '项目支出绩效自评表',
      '（2020年度）',
      '偏差原因分析及改进措施',
      '评价等级：中',
      '81.60',
      '28.33',
    ])
      expect(text).toContain(expected);
    // The summary, then per project the block and the indicator table, joined by a hairline paragraph:
    // a table repeats only its first rows on each page, and its header row is repeated.
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1 + 2 * 6);
    expect(xml.match(/<w:pStyle w:val="TableJoin"\/>/g)).toHaveLength(6);
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1 + 6);
    expect(xml).not.toContain('w:val="off"');
  });
});
