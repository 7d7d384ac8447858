import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Actuals, EvaluationStatement, ProjectActuals, StatementKind } from '../../core/actuals/actuals.ts';
import { evaluateDocument } from '../../core/evaluation/department.ts';
import type { ProjectEvaluation } from '../../core/evaluation/evaluate.ts';
import { sichuanSelfEvaluation } from '../../core/forms/profiles/sichuan-self-evaluation.ts';
import type { TargetDocument } from '../../core/model/document.ts';
import { readActualsFile } from '../actuals/read-actuals.ts';
import { readDocumentFile, readDocuments } from '../read-document.ts';
import { withoutNullOptionals } from '../tables/fixtures.testing.ts';
import { evaluationForms } from './forms.ts';
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

/**
 * In 四川's 自评表 profile: the published form of ../tables/fixtures/sichuan-qingshen-self-evaluation,
 * its year filled in (actual values, an unmet row explained, a budget not all spent, the closing
 * paragraphs written), evaluated, printed, and read back by the table reader as that form.
 */
describe('the 自评表 in a province’s profile', async () => {
  const fixture = JSON.parse(
    readFileSync(join(ROOT, 'src/formats/tables/fixtures/sichuan-qingshen-self-evaluation/expected.json'), 'utf8'),
  ) as { documents: TargetDocument[]; actuals: Actuals };
  const document = fixture.documents[0]!;
  const code = document.projects[0]!.code;
  const written = (kind: StatementKind, text: string): EvaluationStatement => ({ kind, text, instruction: false });
  const filled: ProjectActuals = {
    ...fixture.actuals.projects[0]!,
    results: '全年工资及社保按月足额发放缴纳。',
    spending: [{ date: '2023-12-31', cumulative: '240.00', note: '' }],
    values: [
      { index: 1, date: '2023-12-31', value: '100%', note: '' },
      { index: 2, date: '2023-12-31', value: '95%', note: '' },
    ],
    evaluation: [
      {
        index: null,
        notApplicable: false,
        notApplicableReason: '',
        analysis: '年末两人调出，工资结余。',
        points: null,
        gradePercent: null,
      },
      { index: 2, notApplicable: false, notApplicableReason: '', analysis: '两名新进人员次年参保。', points: null, gradePercent: null },
    ],
    // In the order the form prints them; the 原因 cell's (年末两人调出…) is read last.
    statements: [
      written('results', '全年工资及社保按月足额发放缴纳。'),
      written('conclusion', '自评得分 97.43 分，工资按时足额发放。'),
      written('problems', '新进人员参保滞后。'),
      written('improvements', '入职当月办理参保。'),
      written('budgetAnalysis', '年末两人调出，工资结余。'),
    ],
  };
  const evaluated = evaluateDocument(document, { projects: [filled] }, { profile: sichuanSelfEvaluation });
  const project = evaluated.projects[0]!;
  /** What the table reader makes of the printed scores: a note per scored line, with its analysis. */
  const notes = [
    { index: null, analysis: '年末两人调出，工资结余。', score: project.budget.score },
    { index: 1, analysis: '', score: project.indicators[0]!.score },
    { index: 2, analysis: '两名新进人员次年参保。', score: project.indicators[1]!.score },
  ].map((n) => ({ ...n, notApplicable: false, notApplicableReason: '', points: null, gradePercent: null }));

  it('is scored as the form weights it: 10 for the budget, the rows’ own 权重 for the rest', () => {
    expect(project.budget.points).toBe('10.00');
    expect(project.indicators.map((i) => [i.points, i.met])).toEqual([
      ['60.00', true],
      ['30.00', false],
    ]);
  });

  it.each([
    ['docx', writeEvaluationDocx],
    ['xlsx', writeEvaluationXlsx],
  ] as const)('reads back from %s as that profile: the same documents, actuals, scores and statements', async (kind, write) => {
    const read = await readDocuments(await write([evaluated], { profile: sichuanSelfEvaluation }), `self-evaluation.${kind}`);
    expect(read.profile?.id).toBe('sichuan-self-evaluation');
    expect(withoutNullOptionals(read.documents)).toEqual(withoutNullOptionals(fixture.documents));
    expect(read.actuals).toEqual({ projects: [{ ...filled, projectCode: code, evaluation: notes }] });
  });

  it('lays the form out as 四川 prints it', async () => {
    const s = await sheets(await writeEvaluationXlsx([evaluated], { profile: sichuanSelfEvaluation }));
    // No summary sheet: 四川's forms have none.
    expect(s.map((x) => x.name)).toEqual([code]);
    const c = s[0]!.cells;
    expect(c.get('A1')).toBe('部门预算项目支出绩效自评表（2023年度）');
    expect(c.get('A2')).toBe('报表编号：510000_0013zp');
    expect(line(c, rowOf(c, '项目名称'))).toEqual(['项目名称', '51000021R000000019951-工资性支出']);
    expect(line(c, rowOf(c, '主管部门'))).toEqual(['主管部门', '青神县发展和改革局本级', '实施单位（盖章）', '青神县发展和改革局']);
    expect(line(c, rowOf(c, '年度预算数（万元）'))).toEqual([
      '预算执行情况（10分）',
      '年度预算数（万元）',
      '年初预算',
      '调整后预算数',
      '预算执行数',
      '预算执行率',
      '权重',
      '得分',
      '原因',
    ]);
    expect(line(c, rowOf(c, '总额'))).toEqual(['总额', '238.93', '251.89', '240.00', '95.28%', '10', '9.53', '年末两人调出，工资结余。']);
    expect(line(c, rowOf(c, '其中：财政资金'))).toEqual(['其中：财政资金', '238.93', '251.89', '240.00', '95.28%', '/', '/']);
    // Columns fitted to what they hold: the rate, in what is 指标值's column below, on one line.
    const [form] = evaluationForms([evaluated], sichuanSelfEvaluation);
    expect(form!.columns[5]).toBeGreaterThanOrEqual('95.28%'.length + 2);
    expect(line(c, rowOf(c, '单位资金'))).toEqual(['单位资金', '0.00', '/', '/']);
    // The block label carries the rows' points; the sign, the bare value and the unit in cells of their own.
    expect(line(c, rowOf(c, '一级指标'))).toEqual(['绩效指标（90分）', ...sichuanSelfEvaluation.columns.map((col) => col.heading)]);
    const score = project.indicators[1]!.score;
    expect(line(c, rowOf(c, '足额保障率（参保率）'))).toEqual([
      '效益指标',
      '社会效益指标',
      '足额保障率（参保率）',
      '=',
      '100',
      '%',
      '95%',
      '30',
      score,
      '两名新进人员次年参保。',
    ]);
    expect(line(c, rowOf(c, '合计'))).toEqual(['合计', '100', project.total]);
    expect(line(c, rowOf(c, '存在问题'))).toEqual(['存在问题', '新进人员参保滞后。']);
  });

  it('prints each project of several units, the rows out of the score marked not to fill', async () => {
    const sample = evaluateDocument(documents[0]!, actuals, { profile: sichuanSelfEvaluation });
    const read = await readDocuments(await writeEvaluationDocx([sample], { profile: sichuanSelfEvaluation }), 'sample.docx');
    expect(read.profile?.id).toBe('sichuan-self-evaluation');
    expect(read.documents.flatMap((d) => d.projects.map((p) => [p.code, p.indicators.length]))).toEqual(
      documents[0]!.projects.map((p) => [p.code, p.indicators.length]),
    );
    // A scored row reads back with its score; a 不适用 row's 权重 and 得分 are "/", read as none beside its reason.
    const printed = (p: ProjectEvaluation) =>
      p.indicators.flatMap((i) => (i.status === 'scored' ? [i.score] : i.notApplicableReason !== '' || i.explanation !== '' ? [null] : []));
    expect(read.actuals!.projects.map((p) => p.evaluation.filter((n) => n.index !== null).map((n) => n.score))).toEqual(
      sample.projects.map(printed),
    );
    expect(sample.projects.some((p) => p.indicators.some((i) => i.status === 'notApplicable'))).toBe(true);
  });
});
