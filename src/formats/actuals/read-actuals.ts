/**
 * Reads an actuals file (实际值文件): CSV (UTF-8 with or without BOM, or GB18030) or XLSX with the header
 *
 *   项目编码,指标序号,实际值,日期,说明
 *
 * A row whose 指标序号 is empty is about the project: 实际值 is the cumulative amount spent (万元)
 * by 日期. A row with 指标序号 n gives the actual value of the project's n-th indicator row
 * (1-based, as `jixiao check` numbers them), as written ("96%", "16张", "达成").
 *
 * Optional columns, in any order (docs/self-evaluation.md):
 *   monitoring   偏差原因类别, 偏差原因, 完成可能性, 纠偏措施 (either row kind); 全年预计完成值 (indicator rows)
 *   evaluation   偏差原因分析及改进措施 (either row kind); 全年预算数, 实际完成情况 (project rows);
 *                不适用, 分值, 得分比例 (indicator rows)
 *
 * Checked against the target documents: every project code must exist and every 指标序号 be one of
 * its rows. Either the whole file is read or an ImportError names the line (or sheet and cell) and
 * the column: nothing is half-read.
 */
import {
  CAUSE_CATEGORY_NAMES,
  LIKELIHOOD_NAMES,
  emptyProjectActuals,
  type Actuals,
  type CauseCategory,
  type Likelihood,
  type ProjectActuals,
} from '../../core/actuals/actuals.ts';
import { readDecimal } from '../../core/model/decimal.ts';
import type { Project, TargetDocument } from '../../core/model/document.ts';
import { named, type MessageRef } from '../../i18n/message-ref.ts';
import { ImportError, type ImportLocation } from '../import-error.ts';
import { readDate } from './read-date.ts';
import { readTable, type TableCell } from './table.ts';

type Column =
  | 'projectCode'
  | 'index'
  | 'value'
  | 'date'
  | 'note'
  | 'causeCategory'
  | 'cause'
  | 'likelihood'
  | 'measure'
  | 'expectedYearEnd'
  | 'adjustedBudget'
  | 'results'
  | 'analysis'
  | 'notApplicable'
  | 'notApplicableReason'
  | 'points'
  | 'gradePercent';

/** The header names each column is recognised by (after removing spaces and a trailing unit such as （万元）). */
const HEADERS: Readonly<Record<string, Column>> = {
  项目编码: 'projectCode',
  指标序号: 'index',
  实际值: 'value',
  日期: 'date',
  说明: 'note',
  备注: 'note',
  偏差原因类别: 'causeCategory',
  偏差原因: 'cause',
  完成可能性: 'likelihood',
  纠偏措施: 'measure',
  全年预计完成值: 'expectedYearEnd',
  全年预算数: 'adjustedBudget',
  实际完成情况: 'results',
  偏差原因分析及改进措施: 'analysis',
  改进措施: 'analysis',
  不适用: 'notApplicable',
  不适用理由: 'notApplicableReason',
  不适用原因: 'notApplicableReason',
  分值: 'points',
  得分比例: 'gradePercent',
};
const REQUIRED: readonly Column[] = ['projectCode', 'index', 'value', 'date'];
const PROJECT_ONLY: readonly Column[] = ['adjustedBudget', 'results'];
const INDICATOR_ONLY: readonly Column[] = ['expectedYearEnd', 'notApplicable', 'notApplicableReason', 'points', 'gradePercent'];

const headerKey = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\((?:万元|%|％)\)$/, '');

const byName = (names: Readonly<Record<string, string>>) => new Map(Object.entries(names).map(([k, name]) => [name, k]));
const CATEGORIES = byName(CAUSE_CATEGORY_NAMES) as Map<string, CauseCategory>;
for (const [key, name] of Object.entries(CAUSE_CATEGORY_NAMES))
  if (name.endsWith('保障')) CATEGORIES.set(name.slice(0, -2), key as CauseCategory);
const LIKELIHOODS = byName(LIKELIHOOD_NAMES) as Map<string, Likelihood>;
const YES = new Set(['是', '√', '✓', 'Y', 'y', '1', '不适用']);
const NO = new Set(['否', '', 'N', 'n', '0']);

export async function readActualsFile(bytes: Uint8Array, fileName: string, documents: readonly TargetDocument[]): Promise<Actuals> {
  const t = named.monitoring.actualsFile;
  const table = await readTable(bytes, fileName);
  const fail = (at: Omit<ImportLocation, 'field'>, column: Column | null, reason: MessageRef): never => {
    throw new ImportError({ ...at, ...(column === null ? {} : { field: t.columns[column] }) }, reason);
  };

  const columns = new Map<Column, number>();
  table.header.forEach((cell, i) => {
    if (cell.text === '') return;
    const column = HEADERS[headerKey(cell.text)];
    if (column === undefined) fail(cell.at, null, t.unknownColumn(cell.text));
    else if (columns.has(column)) fail(cell.at, null, t.duplicateColumn(cell.text));
    else columns.set(column, i);
  });
  const missing = REQUIRED.filter((c) => !columns.has(c));
  if (missing.length > 0) fail(table.header[0]!.at, null, t.missingColumns(missing.map((c) => t.columns[c])));

  const projects = new Map<string, { project: Project; actuals: ProjectActuals } | 'ambiguous'>();
  for (const d of documents)
    for (const project of d.projects)
      projects.set(project.code, projects.has(project.code) ? 'ambiguous' : { project, actuals: emptyProjectActuals(project.code) });
  /** Where each once-only value was given, to name the earlier place of a duplicate or a conflict. */
  const seen = new Map<string, { value: string; at: Omit<ImportLocation, 'field'> }>();
  const where = (at: Omit<ImportLocation, 'field'>) => {
    const l = named.formats.location;
    return at.cell !== undefined ? l.cell(at.cell) : at.line !== undefined ? l.line(at.line) : at.file;
  };
  const once = (
    key: string,
    value: string,
    at: Omit<ImportLocation, 'field'>,
    column: Column,
    reason: (earlierValue: string, earlierPlace: MessageRef | string) => MessageRef | null,
  ) => {
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, { value, at });
    else {
      const r = reason(earlier.value, where(earlier.at));
      if (r !== null) fail(at, column, r);
    }
  };
  const used: ProjectActuals[] = [];

  for (const row of table.rows) {
    const cell = (c: Column): TableCell => {
      const i = columns.get(c);
      return (i === undefined ? undefined : row.cells[i]) ?? { text: '', at: row.at };
    };
    const text = (c: Column) => cell(c).text;
    const bad = (c: Column, reason: MessageRef) => fail(cell(c).at, c, reason);

    const code = text('projectCode');
    if (code === '') bad('projectCode', t.required);
    const entry = projects.get(code);
    if (entry === undefined) return bad('projectCode', t.unknownProject(code));
    if (entry === 'ambiguous') return bad('projectCode', t.ambiguousProject(code));
    const { project, actuals } = entry;
    if (!used.includes(actuals)) used.push(actuals);

    const dateText = text('date');
    if (dateText === '') bad('date', t.required);
    const date = readDate(dateText) ?? bad('date', t.badDate(dateText));

    const indexText = text('index').normalize('NFKC');
    const index = indexText === '' ? null : Number(indexText);
    if (index !== null && !(Number.isInteger(index) && index >= 1 && index <= project.indicators.length))
      bad('index', t.badIndex(indexText, project.indicators.length));
    for (const c of index === null ? INDICATOR_ONLY : PROJECT_ONLY)
      if (text(c) !== '') bad(c, index === null ? t.indicatorOnly(t.columns[c]) : t.projectOnly(t.columns[c]));

    const number = (c: Column, reason: (s: string) => MessageRef, max?: number) => {
      const s = text(c).replace(/[%％]$/, '');
      const d = readDecimal(s);
      if (typeof d !== 'string' || d.startsWith('-') || (max !== undefined && Number(d) > max)) return bad(c, reason(text(c)));
      return d;
    };
    const place = `${code}\u0001${index ?? ''}`;
    let recorded = false;

    const value = text('value');
    if (value !== '') {
      recorded = true;
      once(`value\u0001${place}\u0001${date}`, value, cell('value').at, 'value', (_, earlier) => t.duplicate(earlier));
      if (index === null) actuals.spending.push({ date, cumulative: number('value', t.badAmount), note: text('note') });
      else actuals.values.push({ index, date, value, note: text('note') });
    }

    const categoryText = text('causeCategory');
    const category = categoryText === '' ? null : (CATEGORIES.get(categoryText) ?? bad('causeCategory', t.badCategory(categoryText)));
    if (category === null && text('cause') !== '') bad('causeCategory', t.causeWithoutCategory);
    const likelihoodText = text('likelihood');
    const likelihood =
      likelihoodText === '' ? null : (LIKELIHOODS.get(likelihoodText) ?? bad('likelihood', t.badLikelihood(likelihoodText)));
    if (category !== null || likelihood !== null || text('measure') !== '' || text('expectedYearEnd') !== '') {
      recorded = true;
      actuals.monitoring.push({
        index,
        date,
        cause: category === null ? null : { category, text: text('cause') },
        likelihood,
        measure: text('measure'),
        expectedYearEnd: text('expectedYearEnd'),
      });
    }

    const na = text('notApplicable');
    if (!YES.has(na) && !NO.has(na)) bad('notApplicable', t.badYesNo(na));
    const points = text('points') === '' ? null : number('points', t.badNumber);
    const gradePercent = text('gradePercent') === '' ? null : number('gradePercent', t.badPercent, 100);
    // A row that records no value may give its reason in 说明.
    const reason = YES.has(na) ? text('notApplicableReason') || (value === '' ? text('note') : '') : '';
    if (YES.has(na) && reason === '') bad('notApplicable', t.notApplicableWithoutReason);
    if (YES.has(na) || text('analysis') !== '' || points !== null || gradePercent !== null) {
      recorded = true;
      actuals.evaluation.push({
        index,
        notApplicable: YES.has(na),
        notApplicableReason: reason,
        analysis: text('analysis'),
        points,
        gradePercent,
      });
    }

    for (const c of ['adjustedBudget', 'results'] as const) {
      const v = c === 'adjustedBudget' && text(c) !== '' ? number(c, t.badAmount) : text(c);
      if (v === '') continue;
      recorded = true;
      once(`${c}\u0001${code}`, v, cell(c).at, c, (earlierValue, earlier) =>
        earlierValue === v ? null : t.conflict(t.columns[c], earlier),
      );
      if (c === 'adjustedBudget') actuals.adjustedBudget = v;
      else actuals.results = v;
    }

    if (!recorded) fail(row.at, null, t.nothingRecorded);
  }

  for (const a of used) {
    a.spending.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
    a.values.sort((x, y) => x.index - y.index || (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  }
  return { projects: used };
}
