import ExcelJS from 'exceljs';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FormProfile } from '../../core/forms/profile.ts';
import { defaultProfileFor, FORM_PROFILES } from '../../core/forms/profiles.ts';
import { columnOfHeading, INDICATOR_COLUMNS, PROVINCIAL_INDICATOR_COLUMNS } from '../../core/model/indicator-columns.ts';
import type { TargetDocument } from '../../core/model/document.ts';
import { messages, setLocale } from '../../i18n/index.ts';
import { importFailure } from '../import-error.testing.ts';
import { LAYOUT_VARIATIONS, generatedDocuments, seedDocuments } from '../publication/fixtures.testing.ts';
import { readDocumentFile } from '../read-document.ts';
import { readPublishedText } from '../text/read.ts';
import { readXlsx } from './read-xlsx.ts';
import { exportXlsx, xlsxTemplate } from './write-xlsx.ts';

/** The text importer's fixtures: layouts of real published documents. */
const TEXT_FIXTURES = resolve(import.meta.dirname, '../text/fixtures');

async function workbookOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}
const bytesOf = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());

const importError = (bytes: Uint8Array) => importFailure(readXlsx(bytes, 'in.xlsx'));

describe('XLSX round trip: readXlsx(exportXlsx(x)) equals x', () => {
  it('the seed', async () => {
    const seed = seedDocuments();
    expect(await readXlsx(await exportXlsx(seed), 'seed.xlsx')).toEqual(seed);
  });

  for (const [name, layout] of Object.entries(LAYOUT_VARIATIONS)) {
    it(`generated documents, ${name}: two units in one workbook`, async () => {
      const docs = generatedDocuments(layout);
      expect(await readXlsx(await exportXlsx(docs), `${name}.xlsx`)).toEqual(docs);
    });
  }

  for (const fixture of readdirSync(TEXT_FIXTURES).filter((f) => f.endsWith('.txt'))) {
    it(`the published-text fixture ${fixture}`, async () => {
      const docs = readPublishedText(readFileSync(join(TEXT_FIXTURES, fixture)), { fileName: fixture });
      expect(await readXlsx(await exportXlsx(docs), `${fixture}.xlsx`)).toEqual(docs);
    });
  }

  it('the columns only some provinces print, and the header fields, where the documents have them', async () => {
    const docs = generatedDocuments({ provincial: true, longTerm: true });
    const bytes = await exportXlsx(docs);
    expect(await readXlsx(bytes, 'provincial.xlsx')).toEqual(docs);
    const wb = await workbookOf(bytes);
    expect(wb.getWorksheet('绩效指标')!.getRow(1).values).toEqual(
      expect.arrayContaining(['指标性质', '度量单位', '权重', '指标方向性', '指标解释', '指标来源', '上年指标值', '前年指标值']),
    );
    expect(wb.getWorksheet('项目')!.getRow(1).values).toEqual(expect.arrayContaining(['项目分类', '项目负责人', '中期预算']));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '说明',
      '部门整体目标',
      '项目',
      '绩效目标',
      '绩效指标',
      '部门整体支出',
      '年度履职目标',
      '部门整体绩效指标',
      '选项',
    ]);
    // Without them, the workbook is as it was: no empty provincial columns, no 部门整体支出 sheets.
    const plain = await workbookOf(await exportXlsx(seedDocuments()));
    expect(plain.worksheets.map((w) => w.name)).not.toContain('部门整体支出');
    expect(plain.getWorksheet('绩效指标')!.getRow(1).values).not.toContain('权重');
    expect(plain.getWorksheet('项目')!.getRow(1).values).not.toContain('中期预算');
  });

  it('the 部门整体支出 sheets filled in by hand: an amount typed as text, an "as above" 一级, a wrong amount named by cell', async () => {
    const wb = await workbookOf(await xlsxTemplate(2021, { ...defaultProfileFor(2021), kind: 'department' }));
    wb.getWorksheet('部门整体目标')!.addRow(['990101', '测试单位', 2021, '总体绩效目标', null, '', '履职尽责。']);
    wb.getWorksheet('部门整体支出')!.addRow(['990101', '测试单位', 2021, '万元', '10', 6, 4]);
    wb.getWorksheet('年度履职目标')!.addRow(['990101', '测试单位', 2021, 1, '法律援助', '办理案件', '法律援助', 5.5]);
    const indicators = wb.getWorksheet('部门整体绩效指标')!;
    indicators.addRow(['990101', '测试单位', 2021, 1, '年度', '产出指标', '数量指标', '', '办案数', '≥120件', '计划', '']);
    indicators.addRow(['990101', '测试单位', 2021, 2, '', '', '', '', '结案数', '≥100件', '计划', '']);
    const [doc] = await readXlsx(await bytesOf(wb), 'department.xlsx');
    expect(doc!.department).toMatchObject({
      overallGoal: '履职尽责。',
      funds: { amountUnit: '万元', total: '10.00', project: '6.00', basic: '4.00' },
      duties: [{ duty: '法律援助', task: '办理案件', projectName: '法律援助', amount: '5.50' }],
    });
    expect(doc!.department!.indicators!.map((i) => [i.level1, i.level2, i.description])).toEqual([
      ['产出指标', '数量指标', '办案数'],
      ['产出指标', '数量指标', '结案数'],
    ]);
    wb.getWorksheet('部门整体支出')!.getCell('F2').value = '六万';
    expect((await importError(await bytesOf(wb))).location).toMatchObject({ sheet: '部门整体支出', cell: 'F2', field: '项目支出' });
  });

  it('a weight that is not a number names its cell and column', async () => {
    const wb = await workbookOf(await exportXlsx(generatedDocuments({ provincial: true })));
    const sheet = wb.getWorksheet('绩效指标')!;
    const col = (sheet.getRow(1).values as unknown[]).indexOf('权重');
    sheet.getCell(2, col).value = '十分';
    const e = await importError(await bytesOf(wb));
    expect(e.location).toMatchObject({ sheet: '绩效指标', cell: `${sheet.getColumn(col).letter}2`, field: '权重' });
  });

  it('a workbook written in English reads back in Chinese (headers are found in either language)', async () => {
    const docs = generatedDocuments(LAYOUT_VARIATIONS.everything!);
    setLocale('en');
    let bytes: Uint8Array;
    try {
      bytes = await exportXlsx(docs);
    } finally {
      setLocale('zh-CN');
    }
    expect((await workbookOf(bytes)).worksheets.map((w) => w.name)).toContain('Indicators');
    expect(await readXlsx(bytes, 'en.xlsx')).toEqual(docs);
  });

  it('amounts stay exact decimals, as written: 0.10 + 0.20, cents, large sums, "5" and "5.00"', async () => {
    const [doc] = generatedDocuments({ fundSources: true });
    const p = doc!.projects[0]!;
    const edited: TargetDocument = {
      ...doc!,
      projects: [
        {
          ...p,
          budget: {
            total: '0.30',
            fiscal: '0.1',
            other: '0.20',
            sources: [
              { name: '财政拨款', amount: '1234567890.07' },
              { name: '其他', amount: null },
            ],
          },
          spendingPlan: [
            { checkpoint: '6月底', percent: '33.3' },
            { checkpoint: '12月底', percent: '100' },
          ],
        },
        { ...p, code: `${p.code}-2`, budget: { ...p.budget, total: '123456789012345.6789', fiscal: '5', other: null } },
      ],
    };
    const back = await readXlsx(await exportXlsx([edited]), 'exact.xlsx');
    expect(back).toEqual([edited]);
  });

  it('projects with different checkpoints share the columns: "/" marks a checkpoint a project does not have', async () => {
    const [a] = generatedDocuments({ checkpoints: 'quarterly' });
    const [b] = generatedDocuments({ checkpoints: 'seed' }, 21);
    const reversed = { ...b!.projects[1]!, unit: a!.unit, spendingPlan: [...b!.projects[1]!.spendingPlan].reverse() };
    const mixed: TargetDocument = { ...a!, projects: [a!.projects[0]!, { ...b!.projects[0]!, unit: a!.unit }, reversed] };
    const bytes = await exportXlsx([mixed]);
    const sheet = (await workbookOf(bytes)).getWorksheet('项目')!;
    expect(sheet.getRow(2).values).toContain('第一季度');
    expect(sheet.getRow(2).values).toContain('3月底');
    expect(sheet.getRow(3).values).toContain('/');
    expect(await readXlsx(bytes, 'mixed.xlsx')).toEqual([mixed]);
  });
});

describe('the template', () => {
  it('has the sheets, the instructions and drop-down lists for 一级, 二级 (by 一级), 年度/长期 and 项目属性', async () => {
    const bytes = await xlsxTemplate(2021);
    const wb = await workbookOf(bytes);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['说明', '部门整体目标', '项目', '绩效目标', '绩效指标', '选项']);
    expect(wb.getWorksheet('选项')!.state).toBe('hidden');
    expect(String(wb.getWorksheet('说明')!.getCell('A1').value)).toContain('模板');
    // The 2021 form: 成本指标 is a 一级, named for its 二级 list.
    expect(wb.definedNames.getRanges('成本指标').ranges).toEqual(["'选项'!$B$2:$B$4"]);
    const indicators = wb.getWorksheet('绩效指标')!;
    expect(indicators.getRow(1).values).toEqual([
      undefined,
      '项目编码',
      '项目名称',
      '序号',
      '年度/长期',
      '一级指标',
      '二级指标',
      '三级指标',
      '绩效指标描述',
      '指标值',
      '指标值确定依据',
      '备注',
    ]);
    expect(indicators.getCell('E2').dataValidation).toMatchObject({ type: 'list', formulae: ["'选项'!$A$1:$A$4"] });
    expect(indicators.getCell('F7').dataValidation).toMatchObject({ type: 'list', formulae: ['INDIRECT($E2)'] });
    expect(indicators.getCell('D2').dataValidation).toMatchObject({ type: 'list', formulae: ['"年度,长期"'] });
    const projects = wb.getWorksheet('项目')!;
    expect(projects.getRow(2).values).toEqual(expect.arrayContaining(['3月底', '6月底', '10月底', '12月底']));
    await expect(readXlsx(bytes, 'blank.xlsx')).rejects.toThrow('blank.xlsx：文件中没有预算绩效目标');
  });

  for (const profile of FORM_PROFILES)
    it(`in the profile ${profile.id}: its further indicator columns under its headings, its header fields`, async () => {
      const wb = await workbookOf(await xlsxTemplate(2021, profile));
      const headings = wb.getWorksheet('绩效指标')!.getRow(1).values as unknown[];
      // Under the profile's headings, but where one names another column to the reader (乌海's 指标性质 over
      // 正向/反向, 指标方向 over the sign): there jixiao's own, or the workbook would read back swapped.
      for (const c of profile.columns.filter((c) => PROVINCIAL_INDICATOR_COLUMNS.some((p) => p.id === c.id)))
        expect(headings).toContain(
          columnOfHeading(INDICATOR_COLUMNS, c.heading) === c.id
            ? c.heading
            : messages().publication.xlsx.indicators[c.id as keyof ReturnType<typeof messages>['publication']['xlsx']['indicators']],
        );
      const header = wb.getWorksheet('项目')!.getRow(1).values as unknown[];
      for (const f of profile.header.filter((f) => f === 'manager' || f === 'mediumTerm' || f === 'category'))
        expect(header).toContain(messages().publication.xlsx.projects[f]);
      expect(wb.worksheets.some((w) => w.name === '部门整体支出')).toBe(profile.kind === 'department');
    });

  it('shows the columns and header fields of the profile it is made for', async () => {
    const profile = {
      ...defaultProfileFor(2021),
      columns: [...defaultProfileFor(2021).columns, { id: 'weight', heading: '分值' }, { id: 'direction', heading: '指标方向性' }],
      header: [...defaultProfileFor(2021).header, 'manager', 'mediumTerm'],
    } satisfies FormProfile;
    const wb = await workbookOf(await xlsxTemplate(2021, profile));
    const headings = wb.getWorksheet('绩效指标')!.getRow(1).values as unknown[];
    // Under the profile's own headings, which the reader knows by the descriptor's aliases.
    expect(headings.slice(-4)).toEqual(['分值', '指标方向性', '指标值确定依据', '备注']);
    expect(wb.getWorksheet('项目')!.getRow(1).values).toEqual(expect.arrayContaining(['项目负责人', '中期预算']));
    expect(wb.getWorksheet('项目')!.getRow(1).values).not.toContain('项目分类');
    wb.getWorksheet('项目')!.addRow(['', '测试单位', 2021, '315-1', '法律援助']);
    const sheet = wb.getWorksheet('绩效指标')!;
    sheet.addRow(['315-1', '法律援助', 1, '年度', '产出指标', '数量指标', '', '办案数', '≥120件']);
    sheet.getCell(2, headings.indexOf('分值')).value = 10;
    const [doc] = await readXlsx(await bytesOf(wb), 'profile.xlsx');
    expect(doc!.projects[0]!.indicators[0]).toMatchObject({ description: '办案数', weight: '10' });
  });

  it('filled in as people do — numbers typed, a formula, 20%, an empty "as above" 一级 — reads back exactly, amounts to the cent', async () => {
    const wb = await workbookOf(await xlsxTemplate(2020));
    const p = wb.getWorksheet('项目')!;
    const header = (title: string) => (p.getRow(1).values as unknown[]).indexOf(title);
    const plan = (checkpoint: string) => (p.getRow(2).values as unknown[]).indexOf(checkpoint);
    const row = p.getRow(3);
    row.getCell(header('单位编码')).value = '315002';
    row.getCell(header('单位名称')).value = '怀来县司法局';
    row.getCell(header('预算年度')).value = 2020;
    row.getCell(header('项目编码')).value = '315-0105-JBN-2D9U';
    row.getCell(header('项目名称')).value = '法律援助';
    row.getCell(header('预算数')).value = { formula: 'N3+O3', result: 0.1 + 0.2 };
    row.getCell(header('财政资金')).value = 0.1;
    row.getCell(header('其他资金')).value = 0.2;
    row.getCell(header('资金用途')).value = '办理法律援助案件';
    row.getCell(plan('3月底')).value = 0.2;
    // A style of its own: ExcelJS gives the cells of an unlocked column one shared style object.
    row.getCell(plan('3月底')).style = { ...row.getCell(plan('3月底')).style, numFmt: '0%' };
    row.getCell(plan('6月底')).value = 50;
    row.getCell(plan('10月底')).value = '75.00';
    row.getCell(plan('12月底')).value = 100;
    const g = wb.getWorksheet('绩效目标')!;
    g.addRow(['315-0105-JBN-2D9U', '法律援助', 1, '年度', '1、组织法律援助']);
    g.addRow(['315-0105-JBN-2D9U', '法律援助', 2, '', '困难群众得到受益']);
    const i = wb.getWorksheet('绩效指标')!;
    i.addRow(['315-0105-JBN-2D9U', '法律援助', 1, '年度', '产出指标', '数量指标', '', '结案率', '≥95%', '计划标准']);
    i.addRow(['315-0105-JBN-2D9U', '法律援助', 2, '', '', '', '', '受益人数', 100, '计划标准', '按季度统计']);
    const [doc] = await readXlsx(await bytesOf(wb), 'filled.xlsx');
    expect(doc!.unit).toEqual({ code: '315002', name: '怀来县司法局' });
    expect(doc!.year).toBe(2020);
    expect(doc!.department).toBeNull();
    const project = doc!.projects[0]!;
    expect(project.budget).toEqual({ total: '0.30', fiscal: '0.10', other: '0.20', sources: [] });
    expect(project.amountUnit).toBe('万元');
    expect(project.spendingPlan).toEqual([
      { checkpoint: '3月底', percent: '20' },
      { checkpoint: '6月底', percent: '50' },
      { checkpoint: '10月底', percent: '75.00' },
      { checkpoint: '12月底', percent: '100' },
    ]);
    expect(project.goals).toEqual([
      { term: 'annual', text: '组织法律援助' },
      { term: 'annual', text: '困难群众得到受益' },
    ]);
    expect(project.indicators[1]).toEqual({
      term: 'annual',
      level1: '产出指标',
      level2: '数量指标',
      level3: '',
      description: '受益人数',
      target: '100',
      basis: '计划标准',
      remark: '按季度统计',
    });
  });
});

describe('readXlsx errors name the sheet, the cell and the field, and nothing is returned', () => {
  async function seedWorkbook() {
    return workbookOf(await exportXlsx(seedDocuments()));
  }

  it('an amount that is not a number', async () => {
    const wb = await seedWorkbook();
    const p = wb.getWorksheet('项目')!;
    const col = (p.getRow(1).values as unknown[]).indexOf('预算数');
    p.getRow(5).getCell(col).value = '五万';
    const e = await importError(await bytesOf(wb));
    expect(e.location).toEqual({ file: 'in.xlsx', sheet: '项目', cell: `${p.getColumn(col).letter}5`, field: '预算数' });
    expect(e.message).toBe(`in.xlsx 工作表「项目」 单元格 ${p.getColumn(col).letter}5 字段「预算数」：“五万”不是数字`);
  });

  it('an indicator of a project the workbook does not have', async () => {
    const wb = await seedWorkbook();
    wb.getWorksheet('绩效指标')!.getCell('A7').value = '315-9999-XXX-0000';
    const e = await importError(await bytesOf(wb));
    expect(e.location).toMatchObject({ sheet: '绩效指标', cell: 'A7', field: '项目编码' });
  });

  it('a term that is neither 年度 nor 长期, an unknown 项目属性, a nesting level that skips one', async () => {
    let wb = await seedWorkbook();
    wb.getWorksheet('绩效指标')!.getCell('D3').value = '短期';
    expect((await importError(await bytesOf(wb))).location).toMatchObject({ sheet: '绩效指标', cell: 'D3', field: '年度/长期' });
    wb = await seedWorkbook();
    const p = wb.getWorksheet('项目')!;
    p.getRow(3).getCell((p.getRow(1).values as unknown[]).indexOf('项目属性')).value = '临时';
    expect((await importError(await bytesOf(wb))).reason).toBe('应为“新增”或“延续”，而不是“临时”');
    wb = await seedWorkbook();
    wb.getWorksheet('部门整体目标')!.getCell('E3').value = 3;
    expect((await importError(await bytesOf(wb))).location).toMatchObject({ sheet: '部门整体目标', cell: 'E3', field: '层级' });
  });

  it('a percentage under a blank checkpoint heading names the heading', async () => {
    const wb = await seedWorkbook();
    const p = wb.getWorksheet('项目')!;
    const col = (p.getRow(2).values as unknown[]).indexOf('6月底');
    p.getRow(2).getCell(col).value = null;
    const e = await importError(await bytesOf(wb));
    expect(e.location).toMatchObject({ sheet: '项目', cell: `${p.getColumn(col).letter}2` });
    expect(e.reason).toBe('资金支出计划的时点为空：每个比例都要写明时点（如“3月底”）');
  });

  it('a duplicated project code, a missing sheet, a file that is no workbook', async () => {
    const wb = await seedWorkbook();
    const p = wb.getWorksheet('项目')!;
    const code = (p.getRow(1).values as unknown[]).indexOf('项目编码');
    p.getRow(4).getCell(code).value = p.getRow(3).getCell(code).value;
    expect((await importError(await bytesOf(wb))).reason).toBe('项目编码“315-0105-JBN-2D9U”重复');
    const other = await seedWorkbook();
    other.removeWorksheet(other.getWorksheet('绩效指标')!.id);
    expect((await importError(await bytesOf(other))).reason).toBe('缺少工作表「绩效指标」');
    await expect(readXlsx(new TextEncoder().encode('a,b\n1,2'), 'x.xlsx')).rejects.toThrow('x.xlsx：不是 Excel 工作簿');
  });

  it('is found by content through the reader registry', async () => {
    const docs = await readDocumentFile(await exportXlsx(seedDocuments()), 'download');
    expect(docs[0]!.projects).toHaveLength(6);
  });
});

describe('the printed and protected workbook, read back with ExcelJS', () => {
  const DATA_SHEETS = ['部门整体目标', '项目', '绩效目标', '绩效指标'];

  it('every sheet prints on A4, landscape where wide, fitted to the width, the header rows on every page', async () => {
    const wb = await workbookOf(await exportXlsx(seedDocuments()));
    for (const sheet of wb.worksheets.filter((s) => s.state !== 'hidden')) {
      expect(sheet.pageSetup, sheet.name).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    }
    expect(wb.getWorksheet('说明')!.pageSetup.orientation).toBe('portrait');
    for (const name of DATA_SHEETS) expect(wb.getWorksheet(name)!.pageSetup.orientation, name).toBe('landscape');
    expect(wb.getWorksheet('项目')!.pageSetup.printTitlesRow).toBe('1:2');
    expect(wb.getWorksheet('项目')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(wb.getWorksheet('绩效指标')!.pageSetup.printTitlesRow).toBe('1:1');
  });

  it('项目编码 columns hold 17 characters and more; wrapped rows are as tall as their text (CJK counting double)', async () => {
    const seed = seedDocuments();
    const wb = await workbookOf(await exportXlsx(seed));
    const codeColumn = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).indexOf('项目编码');
    for (const name of ['项目', '绩效目标', '绩效指标']) {
      const sheet = wb.getWorksheet(name)!;
      expect(sheet.getColumn(codeColumn(sheet)).width, name).toBeGreaterThanOrEqual(17);
    }
    const goals = wb.getWorksheet('绩效目标')!;
    const text = (goals.getRow(1).values as unknown[]).indexOf('目标内容');
    const width = goals.getColumn(text).width!;
    goals.eachRow((row, r) => {
      if (r === 1) return;
      const chars = [...String(row.getCell(text).value)].length;
      // All-CJK text of more than a line's worth of double-width characters needs more than a line.
      if (chars * 2 > width) expect(row.height, `row ${r}`).toBeGreaterThan(15);
      expect(row.getCell(text).alignment.wrapText).toBe(true);
    });
  });

  it('amounts and percentages are validated with a Chinese message; the template computes 预算数 and locks all but the input', async () => {
    const wb = await workbookOf(await xlsxTemplate(2020));
    const p = wb.getWorksheet('项目')!;
    const column = (title: string) => (p.getRow(1).values as unknown[]).indexOf(title);
    const letter = (title: string) => p.getColumn(column(title)).letter;
    const plan = (p.getRow(2).values as unknown[]).indexOf('6月底');
    expect(p.getCell(`${letter('财政资金')}3`).dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'greaterThanOrEqual',
      formulae: [0],
      errorStyle: 'stop',
      showErrorMessage: true,
      error: expect.stringContaining('不小于 0 的数字'),
    });
    expect(p.getCell(3, plan).dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 100] });
    expect(p.getCell(3, plan).dataValidation.error).toContain('0 到 100');
    const total = p.getCell(`${letter('预算数')}3`);
    expect(total.formula).toBe(
      `IF(AND(${letter('财政资金')}3="",${letter('其他资金')}3=""),"",N(${letter('财政资金')}3)+N(${letter('其他资金')}3))`,
    );
    expect(p.getCell(`${letter('财政资金')}3`).numFmt).toBe('0.00');
    for (const name of DATA_SHEETS) {
      const sheet = wb.getWorksheet(name)!;
      expect((sheet as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet, name).toBe(true);
      expect(sheet.getCell('A1').protection?.locked, name).not.toBe(false);
    }
    expect(p.getCell(`${letter('财政资金')}3`).protection).toMatchObject({ locked: false });
    expect(p.getCell(`${letter('项目编码')}40`).protection).toMatchObject({ locked: false });
    expect(total.protection?.locked).not.toBe(false);
  });

  it('an amount typed without decimals, as a number or as text, reads as two decimals (10 → 10.00); an export keeps its own', async () => {
    const wb = await workbookOf(await xlsxTemplate(2020));
    const p = wb.getWorksheet('项目')!;
    const column = (title: string) => (p.getRow(1).values as unknown[]).indexOf(title);
    const row = p.getRow(3);
    row.getCell(column('项目编码')).value = '315-0105-JBN-2D9U';
    row.getCell(column('项目名称')).value = '法律援助';
    row.getCell(column('预算数')).value = null;
    for (const title of ['预算数', '财政资金', '其他资金']) row.getCell(column(title)).style = { numFmt: 'General' };
    row.getCell(column('预算数')).value = 10;
    row.getCell(column('财政资金')).value = '7.5';
    row.getCell(column('其他资金')).value = 2.125;
    const [doc] = await readXlsx(await bytesOf(wb), 'typed.xlsx');
    expect(doc!.projects[0]!.budget).toMatchObject({ total: '10.00', fiscal: '7.50', other: '2.125' });
  });
});
