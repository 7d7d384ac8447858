/**
 * The rows around an indicator table that are not part of it: label/value pairs on a row (label
 * cell, then value cell, several pairs a row), labels over their values (a row of goal labels over
 * their texts: 东莞's 中期滚动目标 | 年度目标, 四川's 项目年度目标 | 年度目标完成情况; a row of labels
 * alone over a row of values), a value beside its label merged down from the row above, the
 * sample's 资金支出计划 over its percentages, captions written as "预算单位:东莞市交通运输局",
 * "单位:万元" or "315002怀来县司法局", and the title with its year.
 */
import { isTemplateInstruction } from '../../core/text/template-instruction.ts';
import { columnOfHeading, INDICATOR_COLUMNS, normalizeHeading } from '../../core/model/indicator-columns.ts';
import { projectFieldOfLabel, type ProjectFieldId } from '../../core/model/project-fields.ts';
import { declaredAmountUnit } from './amount.ts';
import type { FormRead } from './form-read.ts';
import type { Grid, GridCell } from './grid.ts';
import { readGoalTexts } from '../text/numbering.ts';
import {
  type DepartmentLabel,
  departmentLabelOf,
  fieldOfLabel,
  type GoalLabel,
  goalLabelOf,
  isFundSourceLabel,
  isSpendingPlanLabel,
} from './labels.ts';
import type { PlacedText } from './place.ts';

type Label = { field: ProjectFieldId } | { goal: GoalLabel } | { department: DepartmentLabel } | { source: string } | { notKept: true };

/**
 * Labels of what the model deliberately does not keep: a clerk's telephone number (重庆 审批表), the
 * people who filled the form in, and the finance bureau's own routing of it (乌海's 归口科室, the
 * bureau's office that handles the unit). Their values are read past, not refused.
 */
const NOT_KEPT = /^(?:联系电话|联系人|填报人|填表人|审核人|经办人|归口科室)[:：]?$/u;

function labelOf(text: string): Label | undefined {
  if (text.length > 40) return undefined;
  if (NOT_KEPT.test(text.trim())) return { notKept: true };
  const field = fieldOfLabel(text);
  if (field !== undefined) return { field };
  const goal = goalLabelOf(text);
  if (goal !== undefined) return { goal };
  const department = departmentLabelOf(text);
  if (department !== undefined) return { department };
  return isFundSourceLabel(text) ? { source: text.trim() } : undefined;
}

const YEAR = /((?:19|20)\d{2})\s*年/u;
const YEAR_ONLY = /^[(（]?\s*((?:19|20)\d{2})\s*年度?\s*[)）]?$/u;
const CAPTION = /([^\s:：]{2,12})\s*[:：]\s*(\S*)/gu;
const STAMP = /^[(（]?盖章[)）]?$/u;
/** A unit printed as its code run into its name, "315002怀来县司法局" (a code of five digits or more). */
const UNIT_LINE = /^([0-9]{5,})\s*([^\d\s:：][^:：]*)$/u;

/** A title ("…自评表(2023年度)", "( 2019 年度)") or caption line: its year, 部门整体, unit and labelled values. */
export function readCaption(text: string, form: FormRead, at: PlacedText['at']): void {
  const t = text.trim();
  if (t === '' || t.length > 80) return;
  const unitLine = UNIT_LINE.exec(t);
  if (unitLine !== null && form.fields.unit === undefined) {
    form.unitCode ??= { text: unitLine[1]!, at };
    form.fields.unit = { text: unitLine[2]!.trim(), at };
    return;
  }
  if (form.title === null && t.includes('表') && !t.includes(':') && !t.includes('：')) form.title = normalizeHeading(t);
  if (form.year === null && (t.includes('表') || YEAR_ONLY.test(t))) {
    const m = YEAR.exec(t);
    if (m !== null) form.year = Number(m[1]);
  }
  if (t.includes('部门整体')) form.department = true;
  form.declaredUnit ??= declaredAmountUnit(t) ?? null;
  if (!t.includes(':') && !t.includes('：')) return;
  for (const m of t.matchAll(CAPTION)) {
    const field = projectFieldOfLabel(m[1]!);
    const value = m[2]!;
    if (field !== undefined && value !== '' && !STAMP.test(value) && form.fields[field] === undefined)
      form.fields[field] = { text: value, at };
  }
}

interface Distinct {
  column: number;
  cell: GridCell;
  label: Label | undefined;
}

/** Reads a row of labels and values; returns how many rows it took (a goal-heading row takes the next). */
export function readLabelRow(grid: Grid, r: number, form: FormRead): number {
  const row = grid.rows[r]!;
  const cells: Distinct[] = [];
  for (const [column, cell] of row.entries()) {
    if (cell.mergedFrom === 'left') continue;
    // A label merged down from a row above starts no pair of its own (see `inherited` below).
    const label = cell.mergedFrom === null ? labelOf(cell.text) : undefined;
    cells.push({ column, cell, label });
  }
  const at = (column: number): PlacedText['at'] => ({ grid, row: r, column });
  const written = cells.filter((d) => d.cell.text.trim() !== '' && d.cell.mergedFrom === null);
  if (written.length === 0) return 1;
  if (isSpendingPlanLabel(written[0]!.cell.text)) return readSpendingPlan(grid, r, written.slice(1), form);
  // A row without labels holds captions: a title, "单位：万元", "预算单位:…", the sample's unit line.
  if (written.every((d) => d.label === undefined)) {
    for (const d of written) readCaption(d.cell.text, form, at(d.column));
    // Inside a header block, a row of two or more texts that are no captions is an unknown label and
    // its value: refused like one on a row of known labels.
    // (The top row of a heading over two rows, "绩效指标 | 指标值", is no such row.)
    const captions = written.filter((d) => /[:：]/u.test(d.cell.text) || declaredAmountUnit(d.cell.text) !== undefined);
    const heading = written.some((d) => columnOfHeading(INDICATOR_COLUMNS, d.cell.text) !== undefined);
    const blockTitle = grid.rows[r + 1]?.[written[0]!.column]?.mergedFrom === 'above';
    if (Object.keys(form.fields).length > 0 && written.length >= 2 && captions.length === 0 && !heading && !blockTitle)
      form.unread.push({ text: written[0]!.cell.text.trim(), at: at(written[0]!.column) });
    // …or the value of a field whose label is merged down beside it (预算规模及资金用途 over the 资金用途 text).
    const inherited = cells.find((d) => d.cell.mergedFrom === 'above' && fieldOfLabel(d.cell.text) !== undefined);
    const value = inherited === undefined ? undefined : cells.slice(cells.indexOf(inherited) + 1).find((d) => d.cell.mergedFrom === null);
    if (value !== undefined)
      assign(form, { field: fieldOfLabel(inherited!.cell.text)! }, { text: value.cell.text.trim(), at: at(value.column) });
    return 1;
  }
  for (const d of written) form.declaredUnit ??= declaredAmountUnit(d.cell.text) ?? null;

  const goals = cells.filter((d) => d.label !== undefined && 'goal' in d.label);
  const labelled = written.filter((d) => d.label !== undefined);
  // Labels over their values: a row of goal headings (each followed by another heading or nothing,
  // as 东莞's 中期滚动目标 | 年度目标), or a row of labels alone over a row without any (资金总额 | 项目支出
  // | 基本支出 over their amounts).
  const goalHeadings =
    goals.length > 0 &&
    goals.every((d) => {
      // Rows are padded to the table's width: the empty cells after the last heading are no values.
      const next = cells.slice(cells.indexOf(d) + 1).find((n) => n.cell.text.trim() !== '');
      return next === undefined || next.label !== undefined;
    });
  const below = grid.rows[r + 1];
  const labelRow =
    labelled.length >= 2 &&
    labelled.length === written.length &&
    below !== undefined &&
    !below.some((c) => c.mergedFrom === null && labelOf(c.text) !== undefined);
  if (below !== undefined && (goalHeadings || labelRow)) {
    for (const d of goalHeadings && !labelRow ? goals : labelled) {
      const cell = below[d.column]!;
      if (cell.mergedFrom !== null) continue;
      assign(form, d.label!, { text: cell.text.trim(), at: { grid, row: r + 1, column: d.column } });
    }
    return 2;
  }
  for (const [i, d] of cells.entries()) {
    if (d.label === undefined) {
      // Text beside no label on a row of label/value pairs would be lost: the build refuses it by its
      // cell. A block's title merged down beside its labels ("年度预算安排(万元)") is no such text.
      const valueOfLabel = cells[i - 1]?.label !== undefined;
      const blockTitle = grid.rows[r + 1]?.[d.column]?.mergedFrom === 'above' || declaredAmountUnit(d.cell.text) !== undefined;
      if (!valueOfLabel && !blockTitle && d.cell.mergedFrom === null && d.cell.text.trim() !== '')
        form.unread.push({ text: d.cell.text.trim(), at: at(d.column) });
      continue;
    }
    const next = cells[i + 1];
    if (next === undefined || next.label !== undefined) continue;
    assign(form, d.label, { text: next.cell.text.trim(), at: at(next.column) });
  }
  return 1;
}

function assign(form: FormRead, label: Label, value: PlacedText): void {
  if ('notKept' in label) return;
  if ('field' in label) {
    if (form.fields[label.field] === undefined && value.text !== '' && !STAMP.test(value.text)) form.fields[label.field] = value;
  } else if ('source' in label) {
    if (value.text !== '') form.sources.push({ name: label.source, amount: value });
  } else if ('department' in label) {
    if (value.text === '') return;
    if (label.department === 'unitCode') form.unitCode ??= value;
    else if (label.department === 'projectFunds') form.funds.project ??= value;
    else form.funds.basic ??= value;
  } else if (value.text !== '') {
    if (label.goal === 'results')
      form.statements.push({ kind: 'results', text: value.text, instruction: isTemplateInstruction(value.text) });
    else if (label.goal === 'overall') form.overallGoal ??= value.text;
    else for (const text of readGoalTexts(value.text.split('\n'))) form.goals.push({ term: label.goal, text });
  }
}

/** 资金支出计划（%）: the checkpoints in its row, their percentages in the row below. */
function readSpendingPlan(grid: Grid, r: number, checkpoints: readonly Distinct[], form: FormRead): number {
  const below = grid.rows[r + 1];
  for (const d of checkpoints) {
    const cell = below?.[d.column];
    const percent = cell === undefined || cell.mergedFrom !== null ? '' : cell.text.trim();
    form.spendingPlan.push({ checkpoint: d.cell.text.trim(), percent: { text: percent, at: { grid, row: r + 1, column: d.column } } });
  }
  return below === undefined ? 1 : 2;
}

/**
 * Whether a label row starts a new form: any header field once the current form has its indicators
 * (a header block comes before its table), or a project's name or code when the current form has
 * its own already.
 */
export function startsNewForm(grid: Grid, r: number, form: FormRead): boolean {
  for (const cell of grid.rows[r]!) {
    if (cell.mergedFrom !== null) continue;
    const field = fieldOfLabel(cell.text);
    if (field === undefined) continue;
    if (form.indicators.length > 0 || ((field === 'name' || field === 'code') && form.fields[field] !== undefined)) return true;
  }
  return false;
}
