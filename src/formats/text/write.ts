/**
 * Writes documents in the published text format, as Word exports it (see ./read.ts): reading
 * the result gives the same documents back. The benchmark corpus and other formats' round-trip
 * tests are built with it.
 */
import type { Goal, Indicator, NumberedItem, Project, TargetDocument } from '../../core/model/document.ts';

export interface WriteTextOptions {
  lineEnding?: '\n' | '\r\n';
  /** Leave out the 其他资金 cell when the project has none, as some templates do. Default: always print it. */
  omitEmptyOtherFunds?: boolean;
  /** Leave out the 三级指标 column when no row uses it. Default: always print it, as the seed does. */
  omitEmptyLevel3?: boolean;
  /**
   * Write numbers as some Chinese templates do: full-width digits in amounts, percentages,
   * checkpoints and the unit code ("５.００", "３月底"), half-width punctuation in labels
   * ("其中:财政资金", "资金支出计划(%)").
   */
  fullWidth?: boolean;
}

const FULL_WIDTH_DIGITS = /[0-9.%]/g;
const toFullWidth = (s: string) => s.replace(FULL_WIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

export function writePublishedText(docs: readonly TargetDocument[], options: WriteTextOptions = {}): string {
  const out: string[] = [];
  for (const doc of docs) writeDocument(doc, out, options);
  // Every line ends with a line break, the last table's end included, as in Word's export.
  const eol = options.lineEnding ?? '\n';
  return `${out.join(eol)}${eol}`;
}

/** Word's TOC entry field after a heading, as the export prints it. */
const toc = (heading: string, kind: 'A' | 'C') => `${heading} TC ${heading} \\f ${kind} \\l 1 `;

function writeDocument(doc: TargetDocument, out: string[], options: WriteTextOptions): void {
  // The title makes unit and year explicit, so that they read back as they are.
  if (doc.year !== null) out.push(`${doc.unit.code ?? ''}${doc.unit.name}${doc.year}年预算绩效目标`, '');
  const d = doc.department;
  if (d !== null) {
    out.push('第一部分', '部门整体绩效目标');
    out.push(toc('一、总体绩效目标', 'A'));
    paragraphs(out, d.overallGoal === '' ? [] : d.overallGoal.split('\n'));
    out.push(toc('二、分项绩效目标', 'A'));
    paragraphs(out, d.subGoals.flatMap(itemParagraphs));
    out.push(toc('三、工作保障措施', 'A'));
    paragraphs(out, d.safeguards.flatMap(itemParagraphs));
  }
  if (doc.projects.length > 0) out.push('第二部分', '预算项目绩效目标');
  doc.projects.forEach((p, i) => writeProject(p, i + 1, out, options));
}

function paragraphs(out: string[], lines: readonly string[]): void {
  for (const line of lines) out.push(line, '');
  if (lines.length === 0) out.push('');
}

function itemParagraphs(item: NumberedItem): string[] {
  const [first = '', ...rest] = item.text.split('\n');
  return [`${item.label}${first}`, ...rest, ...item.children.flatMap(itemParagraphs)];
}

/** One table row: each cell on its own TAB line, a cell's further paragraphs after a blank line. */
function row(out: string[], cells: readonly string[]): void {
  for (const cell of cells) {
    const [first = '', ...rest] = cell.split('\n');
    out.push(`\t${first}`);
    for (const p of rest) out.push('', p);
  }
  out.push('');
}

function writeProject(p: Project, n: number, out: string[], options: WriteTextOptions): void {
  const fw = options.fullWidth === true;
  const num = (s: string | null) => (s === null ? '' : fw ? toFullWidth(s) : s);
  out.push(toc(`${n}、${p.name}绩效目标表`, 'C'));
  row(out, [`${num(p.unit.code)}${p.unit.name}`, `单位${fw ? ':' : '：'}${p.amountUnit}`]);
  row(out, ['项目编码', p.code, '项目名称', p.name]);
  const extra: string[] = [];
  if (p.department !== null) extra.push('主管部门', p.department);
  if (p.attribute !== null) extra.push('项目属性', p.attribute);
  if (p.period !== null) extra.push('项目起止时间', p.period);
  if (extra.length > 0) row(out, extra);

  const b = p.budget;
  const budget = ['预算规模及资金用途', '预算数', num(b.total), fw ? '其中:财政资金' : '其中：财政资金', num(b.fiscal)];
  if (b.other !== null || !options.omitEmptyOtherFunds) budget.push('其他资金', num(b.other));
  row(out, budget);
  row(out, ['', p.useOfFunds]);
  if (b.sources.length > 0) row(out, ['资金来源', ...b.sources.flatMap((s) => [s.name, num(s.amount)])]);

  if (p.spendingPlan.length > 0) {
    row(out, [fw ? '资金支出计划(%)' : '资金支出计划（%）', ...p.spendingPlan.map((c) => num(c.checkpoint))]);
    row(out, ['', ...p.spendingPlan.map((c) => num(c.percent))]);
  }

  const anyLongTerm = p.goals.some((g) => g.term === 'longTerm') || p.indicators.some((i) => i.term === 'longTerm');
  for (const run of runsByTerm(p.goals)) {
    const label = run[0]!.term === 'longTerm' ? '长期目标' : anyLongTerm ? '年度目标' : '绩效目标';
    row(out, [label, run.map(goalText).join('\n')]);
  }

  const level3 = !options.omitEmptyLevel3 || p.indicators.some((i) => i.level3 !== '');
  const remark = p.indicators.some((i) => i.remark !== '');
  const header = [
    '一级指标',
    '二级指标',
    ...(level3 ? ['三级指标'] : []),
    '绩效指标描述',
    '指标值',
    '指标值确定依据',
    ...(remark ? ['备注'] : []),
  ];
  for (const run of runsByTerm(p.indicators)) {
    if (anyLongTerm) row(out, [run[0]!.term === 'longTerm' ? '长期绩效指标' : '年度绩效指标']);
    row(out, header);
    let previous: Indicator | null = null;
    for (const i of run) {
      // A 一级 cell merged over its rows is exported once, as the seed shows.
      const level1 = previous !== null && previous.level1 === i.level1 ? '' : i.level1;
      row(out, [level1, i.level2, ...(level3 ? [i.level3] : []), i.description, i.target, i.basis, ...(remark ? [i.remark] : [])]);
      previous = i;
    }
  }
  out.push('');
}

function goalText(goal: Goal, i: number): string {
  return `${i + 1}、${goal.text}`;
}

/** Consecutive items of the same term: each run is printed under its own label. */
function runsByTerm<T extends { term: string }>(items: readonly T[]): T[][] {
  const runs: T[][] = [];
  for (const item of items) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last[0]!.term === item.term) last.push(item);
    else runs.push([item]);
  }
  return runs;
}
