/**
 * Writes documents as an Excel workbook people fill in and import again without loss (see ./layout.ts),
 * and the blank template: drop-down lists for 一级 and, depending on it, 二级 indicators (as the
 * year's indicator framework names them), for 年度/长期, 项目属性 and 金额单位; amounts and
 * percentages checked as they are typed. Every sheet prints on A4 with its header rows on each page.
 * In the template 预算数 is a formula (财政资金 + 其他资金) and the sheets are protected, all but
 * the cells to fill in, so the headers the importer looks for stay as they are.
 */
import ExcelJS from 'exceljs';
import { defaultProfileFor } from '../../core/forms/profiles.ts';
import type { FormProfile } from '../../core/forms/profile.ts';
import type { Indicator, NumberedItem, Project, TargetDocument } from '../../core/model/document.ts';
import { formForYear, frameworkOf } from '../../core/framework/framework.ts';
import {
  columnOfHeading,
  INDICATOR_COLUMNS,
  PROVINCIAL_INDICATOR_COLUMNS,
  type IndicatorColumnId,
} from '../../core/model/indicator-columns.ts';
import { messages } from '../../i18n/index.ts';
import { cellText, writeAmount } from './cells.ts';
import {
  DEPARTMENT_COLUMNS,
  DEPARTMENT_FUNDS_COLUMNS,
  DUTY_COLUMNS,
  FIRST_DATA_ROW,
  GOAL_COLUMNS,
  OPTIONAL_PROJECT_COLUMNS,
  PROJECT_COLUMNS_AFTER_SOURCES,
  PROJECT_COLUMNS_BEFORE_SOURCES,
  PROJECT_HEADER_ROWS,
  VALIDATED_ROWS,
  departmentIndicatorColumns,
  indicatorColumns,
  type IndicatorColumn,
  type OptionalProjectColumn,
  type Part,
  type ProjectColumn,
} from './layout.ts';
import { a4FitToWidth, fitRowHeight } from './page.ts';

/** The seed's checkpoints: what the template offers until a bureau's practice says otherwise. */
const DEFAULT_CHECKPOINTS = ['3月底', '6月底', '10月底', '12月底'];

/** The optional columns a workbook has: those the documents fill in (an export), or those its profile prints (the template). */
interface OptionalColumns {
  project: ReadonlySet<OptionalProjectColumn>;
  indicator: ReadonlySet<IndicatorColumnId>;
  /** The 部门整体支出绩效目标表's sheets (its funds, 履职目标 and indicators). */
  departmentTable: boolean;
  /** The headings the template's profile prints for its further indicator columns (jixiao's own keep theirs). */
  headings: Partial<Record<IndicatorColumnId, string>>;
}

/**
 * The documents as the workbook; with a form profile, its header fields and further indicator columns
 * too (filled in or not), the latter under its headings.
 */
export async function exportXlsx(
  docs: readonly TargetDocument[],
  options: { profile?: FormProfile | undefined } = {},
): Promise<Uint8Array> {
  const projects = docs.flatMap((d) => d.projects);
  const has = (value: unknown) => value !== undefined && value !== null;
  const indicators = [...projects.flatMap((p) => p.indicators), ...docs.flatMap((d) => d.department?.indicators ?? [])];
  const filled: OptionalColumns = {
    project: new Set(OPTIONAL_PROJECT_COLUMNS.filter((k) => projects.some((p) => has(k === 'mediumTerm' ? p.budget.mediumTerm : p[k])))),
    indicator: new Set(PROVINCIAL_INDICATOR_COLUMNS.filter((c) => indicators.some((i) => has(i[c.id]))).map((c) => c.id)),
    headings: {},
    departmentTable: docs.some(
      (d) => has(d.department?.funds) || (d.department?.duties ?? []).length > 0 || (d.department?.indicators ?? []).length > 0,
    ),
  };
  const profile = options.profile === undefined ? undefined : profileColumns(options.profile);
  const columns: OptionalColumns =
    profile === undefined
      ? filled
      : {
          project: new Set(OPTIONAL_PROJECT_COLUMNS.filter((k) => filled.project.has(k) || profile.project.has(k))),
          indicator: new Set(
            PROVINCIAL_INDICATOR_COLUMNS.map((c) => c.id).filter((id) => filled.indicator.has(id) || profile.indicator.has(id)),
          ),
          headings: profile.headings,
          departmentTable: filled.departmentTable || profile.departmentTable,
        };
  return workbook(docs, docs[0]?.year ?? null, columns);
}

/**
 * The blank template; `year` picks the indicator framework of the drop-down lists, and the form
 * profile (by default the year's) the header fields and indicator columns beyond jixiao's own.
 */
export async function xlsxTemplate(year?: number, profile: FormProfile = defaultProfileFor(year ?? null)): Promise<Uint8Array> {
  return workbook([], year ?? null, profileColumns(profile));
}

/** The optional columns a profile prints. */
function profileColumns(profile: FormProfile): OptionalColumns {
  return {
    project: new Set(OPTIONAL_PROJECT_COLUMNS.filter((k) => profile.header.includes(k))),
    indicator: new Set(PROVINCIAL_INDICATOR_COLUMNS.filter((c) => profile.columns.some((p) => p.id === c.id)).map((c) => c.id)),
    departmentTable: profile.kind === 'department',
    headings: Object.fromEntries(
      profile.columns
        .filter((c) => PROVINCIAL_INDICATOR_COLUMNS.some((p) => p.id === c.id))
        // 乌海 prints 正向/反向 under 指标性质, the sign under 指标方向: a heading that names another
        // column to the workbook's reader keeps jixiao's own, or the two would be read swapped.
        .filter((c) => columnOfHeading(INDICATOR_COLUMNS, c.heading) === c.id)
        .map((c) => [c.id, c.heading]),
    ),
  };
}

const x = () => messages().publication.xlsx;

async function workbook(docs: readonly TargetDocument[], year: number | null, optional: OptionalColumns): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  instructions(wb);
  const lists = listFormulas(year);
  const sheets = [
    departmentSheet(wb, docs, lists),
    projectSheet(wb, docs, lists, optional.project),
    goalSheet(wb, docs, lists),
    indicatorSheet(wb, docs, lists, indicatorColumns(optional.indicator), optional.headings),
    ...(optional.departmentTable ? departmentTableSheets(wb, docs, lists, optional.indicator, optional.headings) : []),
  ];
  listsSheet(wb, year);
  for (const { sheet, headerRows } of sheets) {
    fitRowHeights(sheet, headerRows + 1);
    if (docs.length === 0) await protectAllButInput(sheet, headerRows);
  }
  // Opens on the instructions (template) or on the projects (export).
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: docs.length === 0 ? 0 : 2, visibility: 'visible' }];
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  right: { style: 'thin' },
  bottom: { style: 'thin' },
};
const FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 11 };

function styleHeader(cell: ExcelJS.Cell): void {
  cell.font = { ...FONT, bold: true };
  cell.fill = HEADER_FILL;
  cell.border = THIN;
  cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
}

/** A sheet and the rows of its header, printed on every page. */
interface Written {
  sheet: ExcelJS.Worksheet;
  headerRows: number;
}

function addSheet(wb: ExcelJS.Workbook, name: string, headerRows: number, xSplit: number): ExcelJS.Worksheet {
  const sheet = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: headerRows, xSplit }], pageSetup: a4FitToWidth(true) });
  sheet.pageSetup.printTitlesRow = `1:${headerRows}`;
  return sheet;
}

/** Heights for the wrapped data rows, which Excel leaves one line high until a cell is edited. */
function fitRowHeights(sheet: ExcelJS.Worksheet, firstRow: number): void {
  for (let r = firstRow; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: { text: string; width: number }[] = [];
    row.eachCell((cell, c) => cells.push({ text: cellText(cell), width: sheet.getColumn(c).width ?? 9 }));
    fitRowHeight(row, cells);
  }
}

/** Locks the headers and the formulas; the rows to fill in (and the validated rows below) stay open. */
async function protectAllButInput(sheet: ExcelJS.Worksheet, headerRows: number): Promise<void> {
  for (let c = 1; c <= sheet.columnCount; c++) sheet.getColumn(c).protection = { locked: false };
  sheet.eachRow((row, r) =>
    row.eachCell({ includeEmpty: r <= headerRows }, (cell) => {
      if (r <= headerRows || cell.formula !== undefined) cell.protection = { locked: true };
    }),
  );
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    sort: true,
    autoFilter: true,
  });
}

function instructions(wb: ExcelJS.Workbook): void {
  const sheet = wb.addWorksheet(x().sheets.instructions, { pageSetup: a4FitToWidth(false) });
  sheet.getColumn(1).width = 120;
  x().instructions.forEach((line, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = line;
    cell.font = { ...FONT, bold: i === 0, size: i === 0 ? 14 : 11 };
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
}

interface Lists {
  /** A formula for a list validation, by what it lists. */
  level1: string;
  level2: (level1Cell: string) => string;
  term: string;
  attribute: string;
  amountUnit: string;
  part: string;
}

const listsRef = () => `'${x().sheets.lists}'`;

function listFormulas(year: number | null): Lists {
  const quoted = (values: readonly string[]) => `"${values.join(',')}"`;
  const d = x().department;
  return {
    level1: `${listsRef()}!$A$1:$A$${frameworkOf(formForYear(year)).length}`,
    level2: (level1Cell) => `INDIRECT(${level1Cell})`,
    term: quoted([x().terms.annual, x().terms.longTerm]),
    attribute: quoted(['新增', '延续']),
    amountUnit: quoted(['万元', '元']),
    part: quoted([d.overallGoal, d.subGoal, d.safeguard]),
  };
}

/** The hidden 「选项」 sheet: the year's 一级 names, and under each its 二级 names, named after it for INDIRECT. */
function listsSheet(wb: ExcelJS.Workbook, year: number | null): void {
  const sheet = wb.addWorksheet(x().sheets.lists, { state: 'hidden' });
  frameworkOf(formForYear(year)).forEach((l1, i) => {
    sheet.getCell(i + 1, 1).value = l1.name;
    sheet.getCell(1, i + 2).value = l1.name;
    l1.level2.forEach((l2, j) => (sheet.getCell(j + 2, i + 2).value = l2.name));
    const column = sheet.getColumn(i + 2).letter;
    wb.definedNames.add(`${listsRef()}!$${column}$2:$${column}$${l1.level2.length + 1}`, l1.name);
  });
}

/**
 * A drop-down list over a column's rows. One range each: Excel reads relative references in the
 * formula (INDIRECT($E2)) from the range's first row. (ExcelJS types leave `dataValidations` out.)
 */
function validate(sheet: ExcelJS.Worksheet, column: number, from: number, to: number, formula: (row: number) => string): void {
  addValidation(sheet, column, from, to, {
    type: 'list',
    allowBlank: true,
    formulae: [formula(from)],
    // A warning, not a stop: documents of other years and templates use other names too.
    errorStyle: 'warning',
    showErrorMessage: true,
  });
}

function addValidation(sheet: ExcelJS.Worksheet, column: number, from: number, to: number, validation: ExcelJS.DataValidation): void {
  const letter = sheet.getColumn(column).letter;
  const validations = (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  validations.add(`${letter}${from}:${letter}${to}`, validation);
}

/**
 * An amount (at least 0) or a cumulative percentage (0 to 100) over a column's rows. A stop for
 * 预算数/财政资金/其他资金; a warning in the groups, where "/" marks a checkpoint or source a project
 * does not have.
 */
function validateNumber(
  sheet: ExcelJS.Worksheet,
  column: number,
  from: number,
  to: number,
  kind: 'amount' | 'percent',
  stop: boolean,
): void {
  const v = x().validation;
  addValidation(sheet, column, from, to, {
    type: 'decimal',
    operator: kind === 'amount' ? 'greaterThanOrEqual' : 'between',
    allowBlank: true,
    formulae: kind === 'amount' ? [0] : [0, 100],
    errorStyle: stop ? 'stop' : 'warning',
    showErrorMessage: true,
    errorTitle: v.title,
    error: v[kind],
  });
}

function departmentSheet(wb: ExcelJS.Workbook, docs: readonly TargetDocument[], lists: Lists): Written {
  const d = x().department;
  const sheet = addSheet(wb, x().sheets.department, 1, 0);
  DEPARTMENT_COLUMNS.forEach((key, i) => {
    styleHeader(sheet.getCell(1, i + 1));
    sheet.getCell(1, i + 1).value = d[key];
    sheet.getColumn(i + 1).width = key === 'text' ? 90 : key === 'unitName' ? 24 : 14;
  });
  const rows: (string | number | null)[][] = [];
  for (const doc of docs) {
    const dept = doc.department;
    if (dept === null) continue;
    const unit = [doc.unit.code ?? '', doc.unit.name, doc.year];
    rows.push([...unit, d.overallGoal, null, '', dept.overallGoal]);
    const items = (part: Part, list: readonly NumberedItem[], depth: number): void => {
      for (const item of list) {
        rows.push([...unit, d[part], depth, item.label, item.text]);
        items(part, item.children, depth + 1);
      }
    };
    items('subGoal', dept.subGoals, 1);
    items('safeguard', dept.safeguards, 1);
  }
  rows.forEach((values, r) => {
    values.forEach((v, c) => {
      const cell = sheet.getCell(r + FIRST_DATA_ROW.department, c + 1);
      cell.value = v;
      cell.alignment = { wrapText: true, vertical: 'top' };
      if (c === 0) cell.numFmt = '@';
    });
  });
  const last = FIRST_DATA_ROW.department + rows.length + VALIDATED_ROWS;
  validate(sheet, DEPARTMENT_COLUMNS.indexOf('part') + 1, FIRST_DATA_ROW.department, last, () => lists.part);
  return { sheet, headerRows: 1 };
}

/**
 * Columns for named items (checkpoints, fund sources) in which every project's list appears in its own
 * order: a name new to the columns goes in after the list's previous name, and a name met out of order
 * gets a column of its own again.
 */
function sharedColumns(lists: readonly (readonly string[])[]): string[] {
  const columns: string[] = [];
  for (const list of lists) {
    let cursor = 0;
    for (const name of list) {
      const at = columns.indexOf(name, cursor);
      if (at >= 0) cursor = at + 1;
      else columns.splice(cursor++, 0, name);
    }
  }
  return columns;
}

/** The column of each item of `list` among `columns` (where sharedColumns placed it). */
function placements(list: readonly string[], columns: readonly string[]): number[] {
  let cursor = 0;
  return list.map((name) => (cursor = columns.indexOf(name, cursor) + 1) - 1);
}

function projectSheet(
  wb: ExcelJS.Workbook,
  docs: readonly TargetDocument[],
  lists: Lists,
  optional: ReadonlySet<OptionalProjectColumn>,
): Written {
  const p = x().projects;
  const sheet = addSheet(wb, x().sheets.projects, PROJECT_HEADER_ROWS, 5);
  const entries = docs.flatMap((doc) => doc.projects.map((project) => ({ doc, project })));
  const projects = entries.map((e) => e.project);
  const checkpoints =
    projects.length === 0 ? DEFAULT_CHECKPOINTS : sharedColumns(projects.map((q) => q.spendingPlan.map((c) => c.checkpoint)));
  const sources = sharedColumns(projects.map((q) => q.budget.sources.map((s) => s.name)));
  const ownUnits = entries.some(({ doc, project }) => project.unit.code !== doc.unit.code || project.unit.name !== doc.unit.name);
  const isOptional = (k: ProjectColumn): k is OptionalProjectColumn => (OPTIONAL_PROJECT_COLUMNS as readonly string[]).includes(k);
  const plain = PROJECT_COLUMNS_BEFORE_SOURCES.filter(
    (k) => (ownUnits || (k !== 'projectUnitCode' && k !== 'projectUnitName')) && (!isOptional(k) || optional.has(k)),
  );

  type Column = { key: ProjectColumn } | { group: 'sources' | 'spendingPlan'; item: string; index: number };
  const columns: Column[] = [
    ...plain.map((key) => ({ key })),
    ...sources.map((item, index) => ({ group: 'sources' as const, item, index })),
    ...PROJECT_COLUMNS_AFTER_SOURCES.map((key) => ({ key })),
    ...checkpoints.map((item, index) => ({ group: 'spendingPlan' as const, item, index })),
  ];
  columns.forEach((col, i) => {
    const c = i + 1;
    styleHeader(sheet.getCell(1, c));
    styleHeader(sheet.getCell(2, c));
    if ('key' in col) {
      sheet.getCell(1, c).value = p[col.key];
      sheet.mergeCells(1, c, 2, c);
    } else {
      sheet.getCell(2, c).value = col.item;
    }
    const wide = 'key' in col && col.key === 'useOfFunds';
    sheet.getColumn(c).width = wide ? 50 : 'key' in col ? (PROJECT_WIDTHS[col.key] ?? 12) : 12;
  });
  for (const group of ['sources', 'spendingPlan'] as const) {
    const at = columns.findIndex((col) => 'group' in col && col.group === group);
    if (at < 0) continue;
    const count = columns.filter((col) => 'group' in col && col.group === group).length;
    sheet.getCell(1, at + 1).value = p[group];
    if (count > 1) sheet.mergeCells(1, at + 1, 1, at + count);
  }

  const na = x().notApplicable;
  entries.forEach(({ doc, project }, r) => {
    const row = r + FIRST_DATA_ROW.projects;
    const own = {
      sources: placements(
        project.budget.sources.map((s) => s.name),
        sources,
      ),
      spendingPlan: placements(
        project.spendingPlan.map((c) => c.checkpoint),
        checkpoints,
      ),
    };
    columns.forEach((col, i) => {
      const cell = sheet.getCell(row, i + 1);
      cell.alignment = { wrapText: true, vertical: 'top' };
      if ('group' in col) {
        const at = own[col.group].indexOf(col.index);
        if (at < 0) cell.value = na;
        else writeAmount(cell, col.group === 'sources' ? project.budget.sources[at]!.amount : project.spendingPlan[at]!.percent);
        return;
      }
      writeProjectCell(cell, col.key, doc, project);
    });
  });

  const index = (key: ProjectColumn) => columns.findIndex((col) => 'key' in col && col.key === key) + 1;
  const last = FIRST_DATA_ROW.projects + entries.length + VALIDATED_ROWS;
  validate(sheet, index('attribute'), FIRST_DATA_ROW.projects, last, () => lists.attribute);
  validate(sheet, index('amountUnit'), FIRST_DATA_ROW.projects, last, () => lists.amountUnit);
  for (const key of ['unitCode', 'code'] as const) sheet.getColumn(index(key)).numFmt = '@';
  for (const key of ['total', 'fiscal', 'other', 'mediumTerm'] as const) {
    if (index(key) === 0) continue;
    validateNumber(sheet, index(key), FIRST_DATA_ROW.projects, last, 'amount', true);
    // Typed amounts show two decimals; the importer reads them so (10 → 10.00).
    if (docs.length === 0) sheet.getColumn(index(key)).numFmt = '0.00';
  }
  columns.forEach((col, i) => {
    if ('group' in col) validateNumber(sheet, i + 1, FIRST_DATA_ROW.projects, last, col.group === 'sources' ? 'amount' : 'percent', false);
  });
  if (docs.length === 0) {
    const letter = (key: ProjectColumn) => sheet.getColumn(index(key)).letter;
    for (let row = FIRST_DATA_ROW.projects; row <= last; row++) {
      const [fiscal, other] = [`${letter('fiscal')}${row}`, `${letter('other')}${row}`];
      sheet.getCell(row, index('total')).value = { formula: `IF(AND(${fiscal}="",${other}=""),"",N(${fiscal})+N(${other}))` };
    }
  }
  return { sheet, headerRows: PROJECT_HEADER_ROWS };
}

/** A 项目编码 column's width: codes have 17 characters and more. */
const CODE_WIDTH = 22;

/** Widths of the project sheet's plain columns in characters. */
const PROJECT_WIDTHS: Partial<Record<ProjectColumn, number>> = { code: CODE_WIDTH, projectUnitCode: 14, name: 26, unitName: 26 };

function writeProjectCell(cell: ExcelJS.Cell, key: ProjectColumn, doc: TargetDocument, project: Project): void {
  const b = project.budget;
  switch (key) {
    case 'unitCode':
      cell.value = doc.unit.code ?? '';
      return;
    case 'unitName':
      cell.value = doc.unit.name;
      return;
    case 'year':
      cell.value = doc.year;
      return;
    case 'code':
    case 'name':
    case 'useOfFunds':
      cell.value = project[key];
      return;
    case 'projectUnitCode':
      cell.value = project.unit.code ?? '';
      cell.numFmt = '@';
      return;
    case 'projectUnitName':
      cell.value = project.unit.name;
      return;
    case 'department':
    case 'attribute':
    case 'period':
      cell.value = project[key];
      return;
    case 'category':
    case 'constructionPeriod':
    case 'manager':
    case 'approvalNumber':
    case 'subjectCode':
      cell.value = project[key] ?? null;
      return;
    case 'mediumTerm':
      writeAmount(cell, b.mediumTerm ?? null);
      return;
    case 'amountUnit':
      cell.value = project.amountUnit;
      return;
    case 'total':
    case 'fiscal':
    case 'other':
      writeAmount(cell, b[key]);
      return;
  }
}

/** A sheet of rows per project item (goals, indicators): header, widths, frozen header, term list; a decimal is written as an amount. */
function listSheet<K extends string>(
  wb: ExcelJS.Workbook,
  name: string,
  keys: readonly K[],
  titles: Record<K, string>,
  widths: Partial<Record<K, number>>,
  rows: Partial<Record<K, string | number | { decimal: string | null }>>[],
): ExcelJS.Worksheet {
  const sheet = addSheet(wb, name, 1, 3);
  keys.forEach((key, i) => {
    styleHeader(sheet.getCell(1, i + 1));
    sheet.getCell(1, i + 1).value = titles[key];
    sheet.getColumn(i + 1).width = widths[key] ?? 16;
  });
  // The first column is the 项目编码.
  sheet.getColumn(1).numFmt = '@';
  sheet.getColumn(1).width = CODE_WIDTH;
  rows.forEach((values, r) =>
    keys.forEach((key, c) => {
      const cell = sheet.getCell(r + 2, c + 1);
      const value = values[key];
      if (typeof value === 'object') writeAmount(cell, value.decimal);
      else cell.value = value ?? null;
      cell.alignment = { wrapText: true, vertical: 'top' };
    }),
  );
  return sheet;
}

function goalSheet(wb: ExcelJS.Workbook, docs: readonly TargetDocument[], lists: Lists): Written {
  const rows = docs
    .flatMap((d) => d.projects)
    .flatMap((p) =>
      p.goals.map((g, i) => ({ projectCode: p.code, projectName: p.name, index: i + 1, term: x().terms[g.term], text: g.text })),
    );
  const sheet = listSheet(wb, x().sheets.goals, GOAL_COLUMNS, x().goals, { projectName: 26, index: 8, term: 10, text: 80 }, rows);
  const last = FIRST_DATA_ROW.goals + rows.length + VALIDATED_ROWS;
  validate(sheet, GOAL_COLUMNS.indexOf('term') + 1, FIRST_DATA_ROW.goals, last, () => lists.term);
  return { sheet, headerRows: 1 };
}

/** An indicator row's cells by column key; a decimal column is written as an amount. */
const indicatorCells = (indicator: Indicator) => ({
  term: x().terms[indicator.term],
  level1: indicator.level1,
  level2: indicator.level2,
  level3: indicator.level3,
  description: indicator.description,
  target: indicator.target,
  basis: indicator.basis,
  remark: indicator.remark,
  ...Object.fromEntries(
    PROVINCIAL_INDICATOR_COLUMNS.map((c) => {
      const v = indicator[c.id] ?? null;
      return [c.id, c.type === 'decimal' ? { decimal: v } : (v ?? '')];
    }),
  ),
});

/** Drop-down lists for 年度/长期, 一级 and 二级 (by 一级), and decimals checked, on an indicator sheet. */
function validateIndicators(sheet: ExcelJS.Worksheet, columns: readonly string[], rowCount: number, lists: Lists): void {
  const col = (key: string) => columns.indexOf(key) + 1;
  const last = FIRST_DATA_ROW.indicators + rowCount + VALIDATED_ROWS;
  const level1Letter = sheet.getColumn(col('level1')).letter;
  validate(sheet, col('term'), FIRST_DATA_ROW.indicators, last, () => lists.term);
  validate(sheet, col('level1'), FIRST_DATA_ROW.indicators, last, () => lists.level1);
  validate(sheet, col('level2'), FIRST_DATA_ROW.indicators, last, (r) => lists.level2(`$${level1Letter}${r}`));
  for (const c of PROVINCIAL_INDICATOR_COLUMNS)
    if (c.type === 'decimal' && col(c.id) > 0) validateNumber(sheet, col(c.id), FIRST_DATA_ROW.indicators, last, 'amount', true);
}

function indicatorSheet(
  wb: ExcelJS.Workbook,
  docs: readonly TargetDocument[],
  lists: Lists,
  columns: readonly IndicatorColumn[],
  headings: Partial<Record<IndicatorColumnId, string>>,
): Written {
  const rows = docs
    .flatMap((d) => d.projects)
    .flatMap((p) =>
      p.indicators.map((indicator, i) => ({ projectCode: p.code, projectName: p.name, index: i + 1, ...indicatorCells(indicator) })),
    );
  const titles = { ...x().indicators, ...headings };
  const sheet = listSheet(wb, x().sheets.indicators, columns, titles, { description: 40, projectName: 26, index: 8, term: 8 }, rows);
  validateIndicators(sheet, columns, rows.length, lists);
  return { sheet, headerRows: 1 };
}

/** The 部门整体支出绩效目标表: 年度预算安排 one row per document, then its 履职目标 and its indicators one row each. */
function departmentTableSheets(
  wb: ExcelJS.Workbook,
  docs: readonly TargetDocument[],
  lists: Lists,
  provincial: ReadonlySet<IndicatorColumnId>,
  headings: Partial<Record<IndicatorColumnId, string>>,
): Written[] {
  const unit = (d: TargetDocument) => ({ unitCode: d.unit.code ?? '', unitName: d.unit.name, year: d.year ?? '' });
  const widths = { unitName: 26, index: 8 };
  const fundsRows = docs.flatMap((d) => {
    const f = d.department?.funds;
    if (!f) return [];
    return [
      { ...unit(d), amountUnit: f.amountUnit, total: { decimal: f.total }, project: { decimal: f.project }, basic: { decimal: f.basic } },
    ];
  });
  const funds = listSheet(wb, x().sheets.departmentFunds, DEPARTMENT_FUNDS_COLUMNS, x().departmentFunds, widths, fundsRows);
  const fundsLast = FIRST_DATA_ROW.departmentFunds + fundsRows.length + VALIDATED_ROWS;
  validate(funds, DEPARTMENT_FUNDS_COLUMNS.indexOf('amountUnit') + 1, FIRST_DATA_ROW.departmentFunds, fundsLast, () => lists.amountUnit);
  for (const key of ['total', 'project', 'basic'] as const)
    validateNumber(funds, DEPARTMENT_FUNDS_COLUMNS.indexOf(key) + 1, FIRST_DATA_ROW.departmentFunds, fundsLast, 'amount', true);

  const dutyRows = docs.flatMap((d) =>
    (d.department?.duties ?? []).map((t, i) => ({
      ...unit(d),
      index: i + 1,
      duty: t.duty,
      task: t.task,
      projectName: t.projectName,
      amount: { decimal: t.amount },
    })),
  );
  const duties = listSheet(wb, x().sheets.duties, DUTY_COLUMNS, x().duties, { ...widths, duty: 30, task: 40, projectName: 26 }, dutyRows);
  const dutiesLast = FIRST_DATA_ROW.duties + dutyRows.length + VALIDATED_ROWS;
  validateNumber(duties, DUTY_COLUMNS.indexOf('amount') + 1, FIRST_DATA_ROW.duties, dutiesLast, 'amount', true);

  const columns = departmentIndicatorColumns(provincial);
  const indicatorRows = docs.flatMap((d) =>
    (d.department?.indicators ?? []).map((indicator, i) => ({ ...unit(d), index: i + 1, ...indicatorCells(indicator) })),
  );
  const indicators = listSheet(
    wb,
    x().sheets.departmentIndicators,
    columns,
    { ...x().departmentIndicators, ...headings },
    { ...widths, description: 40, term: 8 },
    indicatorRows,
  );
  validateIndicators(indicators, columns, indicatorRows.length, lists);
  return [funds, duties, indicators].map((sheet) => ({ sheet, headerRows: 1 }));
}
