/**
 * Walks every table of a file, row by row, into forms: indicator tables (one, or a flat sheet of
 * many projects), a 自评表's budget block, a 部门整体 table's 年度履职目标, closing paragraphs, and label
 * rows between them. A project's name (or code) met again starts the next form, so a file of many
 * projects — one table each, or header and indicators in separate tables — reads as many forms.
 */
import { isTemplateInstruction } from '../../core/text/template-instruction.ts';
import type { StatementKind } from '../../core/actuals/actuals.ts';
import type { Term } from '../../core/model/document.ts';
import type { TableFile, Grid, GridCell } from './grid.ts';
import { dutiesHeaderAt, readDutiesBlock } from './duties-block.ts';
import { executionHeaderAt, readExecutionBlock } from './execution-block.ts';
import { emptyForm, type FormRead } from './form-read.ts';
import { readFlatSheet } from './flat-sheet.ts';
import { readCaption, readLabelRow, startsNewForm } from './header-block.ts';
import { headingScore, indicatorHeaderAt } from './indicator-header.ts';
import { endsIndicatorTable, readIndicatorTable } from './indicator-rows.ts';
import { closingLabelOf, indicatorTermOf } from './labels.ts';
import type { Place } from './place.ts';

const STATEMENTS: Partial<Record<NonNullable<ReturnType<typeof closingLabelOf>>, StatementKind>> = {
  conclusion: 'conclusion',
  problems: 'problems',
  improvements: 'improvements',
};

export interface TablesRead {
  forms: FormRead[];
  /** The row most like an indicator heading, for the error when none was found. */
  likeliestHeading: { grid: Grid; row: number } | null;
}

/** The text of a row holding a single written cell. */
function soleText(row: readonly GridCell[]): string | undefined {
  let text: string | undefined;
  for (const c of row) {
    if (c.mergedFrom !== null || c.text.trim() === '') continue;
    if (text !== undefined) return undefined;
    text = c.text.trim();
  }
  return text;
}

const isBlank = (row: readonly GridCell[]) => row.every((c) => c.mergedFrom !== null || c.text.trim() === '');

export function readTables(file: TableFile): TablesRead {
  const forms: FormRead[] = [];
  let form = null as FormRead | null;
  let pending: { text: string; at: Place }[] = [];
  let likeliest: { grid: Grid; row: number; score: number } | null = null;
  /** The term a row above the next indicator heading named. */
  let term: Term | null = null;

  const startForm = (at: Place): FormRead => {
    form = emptyForm(at);
    for (const p of pending) readCaption(p.text, form, p.at);
    pending = [];
    forms.push(form);
    return form;
  };
  const current = (at: Place): FormRead => form ?? startForm(at);

  for (const grid of file.tables) {
    const start: Place = { grid, row: 0, column: 0 };
    // A title before a table belongs to the form the table starts, or continues the current one.
    if (form === null || form.indicators.length > 0) pending.push(...grid.before.map((text) => ({ text, at: start })));
    else for (const text of grid.before) readCaption(text, form, start);

    for (let r = 0; r < grid.rows.length; ) {
      const row = grid.rows[r]!;
      if (isBlank(row)) {
        r++;
        continue;
      }
      const at: Place = { grid, row: r, column: 0 };
      const header = indicatorHeaderAt(file.file, grid, r);
      if (header !== null) {
        if (term !== null && header.sets.length === 1) header.sets[0]!.term = term;
        term = null;
        if (header.projectColumns.has('name')) {
          const seed = current(at);
          r = readFlatSheet(file.file, grid, header, forms, seed);
          if (seed.indicators.length === 0 && seed.fields.name === undefined) forms.splice(forms.indexOf(seed), 1);
          form = null;
        } else {
          r = readIndicatorTable(file.file, grid, header, current(at));
        }
        continue;
      }
      const named = soleText(row);
      const termHere = named === undefined ? undefined : indicatorTermOf(named);
      if (termHere !== undefined) {
        term = termHere;
        r++;
        continue;
      }
      const score = headingScore(grid, r);
      if (score > (likeliest?.score ?? 0)) likeliest = { grid, row: r, score };
      const execution = executionHeaderAt(grid, r);
      if (execution !== null) {
        r = readExecutionBlock(grid, r, execution, current(at));
        continue;
      }
      const duties = dutiesHeaderAt(grid, r);
      if (duties !== null) {
        r = readDutiesBlock(grid, r, duties, current(at), (n) => isBlank(grid.rows[n]!) || endsIndicatorTable(file.file, grid, n));
        continue;
      }
      if (form !== null && form.indicators.length > 0 && readClosingRow(row, form)) {
        r++;
        continue;
      }
      if (form !== null && startsNewForm(grid, r, form)) startForm(at);
      r += readLabelRow(grid, r, current(at));
    }
    // Captions of a table that continued the current form (no new header block) are that form's.
    if (form !== null) for (const p of pending.splice(0)) readCaption(p.text, form, p.at);
  }
  return { forms, likeliestHeading: likeliest === null ? null : { grid: likeliest.grid, row: likeliest.row } };
}

/** 合计, signatures and opinions end a form; 评价结论, 存在问题, 改进措施 are kept as statements. */
function readClosingRow(row: readonly GridCell[], form: FormRead): boolean {
  const own = row.filter((c) => c.mergedFrom !== 'left' && c.mergedFrom !== 'above');
  const first = own.findIndex((c) => c.text.trim() !== '');
  if (first < 0) return false;
  const closing = closingLabelOf(own[first]!.text.trim());
  if (closing === undefined) return false;
  const kind = STATEMENTS[closing];
  const text = own[first + 1]?.text.trim() ?? '';
  if (kind !== undefined && text !== '') form.statements.push({ kind, text, instruction: isTemplateInstruction(text) });
  return true;
}
