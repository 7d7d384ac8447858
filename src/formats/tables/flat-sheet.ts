/**
 * One sheet for many projects (四川 申报表 as issue 13 describes it): 单位名称, 项目名称, 预算数 and 年度目标
 * as leading columns merged down over each project's rows. A project starts where its name cell
 * does; a row with no name and no indicator before it (or between projects) is a department line
 * (预算单位 code-name and its total), which names the department of the projects below it.
 */
import { named } from '../../i18n/message-ref.ts';
import { declaredAmountUnit } from './amount.ts';
import { emptyForm, type FormRead } from './form-read.ts';
import type { Grid } from './grid.ts';
import type { IndicatorHeader } from './indicator-header.ts';
import { endsIndicatorTable, newRowState, noteHeader, readIndicatorRow, type RowState } from './indicator-rows.ts';
import { failAt, type PlacedText } from './place.ts';

/** Reads the sheet's rows into new forms (each given `seed`'s year and unit); returns the first row after them. */
export function readFlatSheet(file: string, grid: Grid, header: IndicatorHeader, forms: FormRead[], seed: FormRead): number {
  const nameColumn = header.projectColumns.get('name')!;
  for (const cell of grid.rows[header.row]!) seed.declaredUnit ??= declaredAmountUnit(cell.text) ?? null;
  const level3Columns = header.sets.map((s) => s.columns.get('level3')!);
  let form: FormRead | null = null;
  let state: RowState = newRowState(header);
  let department: PlacedText | null = null;
  let r = header.row + 1;
  for (; r < grid.rows.length && !endsIndicatorTable(file, grid, r); r++) {
    const row = grid.rows[r]!;
    const name = row[nameColumn]!;
    if (name.mergedFrom === null && name.text.trim() !== '') {
      form = {
        ...emptyForm({ grid, row: r, column: nameColumn }),
        year: seed.year,
        title: seed.title,
        declaredUnit: seed.declaredUnit,
        flat: true,
      };
      noteHeader(header, form);
      for (const [field, c] of header.projectColumns) {
        const text = row[c]!.text.trim();
        if (text !== '') form.fields[field] = { text, at: { grid, row: r, column: c } };
      }
      if (department !== null) form.fields.department ??= department;
      for (const [field, value] of Object.entries(seed.fields) as [keyof FormRead['fields'], PlacedText][]) form.fields[field] ??= value;
      for (const [term, c] of header.goalColumns) {
        const text = row[c]!.text.trim();
        if (text !== '') form.goals.push({ term, text });
      }
      forms.push(form);
      state = newRowState(header);
    } else if (name.mergedFrom === null) {
      const level3 = level3Columns.find((c) => row[c]!.mergedFrom === null && row[c]!.text.trim() !== '');
      if (level3 !== undefined) failAt(file, { grid, row: r, column: level3 }, named.formats.tables.noProject(row[level3]!.text.trim()));
      const first = row.findIndex((cell) => cell.mergedFrom === null && cell.text.trim() !== '');
      if (first >= 0) department = { text: row[first]!.text.trim(), at: { grid, row: r, column: first } };
      form = null;
      continue;
    }
    if (form === null) continue;
    readIndicatorRow(file, grid, r, header, state, form);
  }
  return r;
}
