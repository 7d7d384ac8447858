/**
 * Reads a workbook in jixiao's layout (./layout.ts) — an export, or the template filled in. The whole
 * workbook is checked before anything is returned; a wrong cell stops the import with its sheet, cell
 * and field. Rows with nothing in them are skipped; an empty 一级/二级 cell means "as the row above"
 * (within the project and term), as in the published form.
 */
import type ExcelJS from 'exceljs';
import type {
  AmountUnit,
  DecimalText,
  DepartmentGoals,
  Indicator,
  NumberedItem,
  Project,
  TargetDocument,
  Term,
  Unit,
} from '../../core/model/document.ts';
import { Decimal } from '../../core/model/decimal.ts';
import {
  columnOfHeading,
  INDICATOR_COLUMNS as MODEL_INDICATOR_COLUMNS,
  PROVINCIAL_INDICATOR_COLUMNS,
  type IndicatorColumnId,
} from '../../core/model/indicator-columns.ts';
import { PROVINCIAL_PROJECT_FIELDS } from '../../core/model/project-fields.ts';
import { messages } from '../../i18n/index.ts';
import { named, type MessageRef } from '../../i18n/message-ref.ts';
import { ImportError } from '../import-error.ts';
import { cellDecimal, cellText } from './cells.ts';
import { loadWorkbook } from './load-workbook.ts';
import {
  FIRST_DATA_ROW,
  PROJECT_HEADER_ROWS,
  keyOfTitle,
  sheetNames,
  type DepartmentColumn,
  type DepartmentFundsColumn,
  type DepartmentIndicatorColumn,
  type DutyColumn,
  type GoalColumn,
  type IndicatorColumn,
  type Part,
  type ProjectColumn,
  type SheetKey,
} from './layout.ts';

export async function readXlsx(bytes: Uint8Array, fileName: string): Promise<TargetDocument[]> {
  const wb = await loadWorkbook(bytes, fileName, () => named.publication.errors.notXlsx);
  return new WorkbookReader(wb, fileName).read();
}

interface DocDraft {
  unit: Unit;
  year: number | null;
  department: DepartmentGoals | null;
  projects: Project[];
}

class WorkbookReader {
  private readonly docs = new Map<string, DocDraft>();
  /** Projects by code (or by name when the code is empty), to attach indicator rows. */
  private readonly projects = new Map<string, Project>();

  constructor(
    private readonly wb: ExcelJS.Workbook,
    private readonly file: string,
  ) {}

  private fail(sheet: ExcelJS.Worksheet, cell: ExcelJS.Cell | null, field: string | null, reason: MessageRef): never {
    throw new ImportError(
      { file: this.file, sheet: sheet.name, ...(cell === null ? {} : { cell: cell.address }), ...(field === null ? {} : { field }) },
      reason,
    );
  }

  private sheet(key: SheetKey, required: boolean): ExcelJS.Worksheet | undefined {
    const names = sheetNames(key);
    const sheet = this.wb.worksheets.find((s) => names.includes(s.name.trim()));
    if (sheet === undefined && required) throw new ImportError({ file: this.file }, named.publication.errors.missingSheet(names[0]!));
    return sheet;
  }

  read(): TargetDocument[] {
    const department = this.sheet('department', false);
    const projects = this.sheet('projects', true)!;
    const goals = this.sheet('goals', true)!;
    const indicators = this.sheet('indicators', true)!;
    if (department !== undefined) this.readDepartment(department);
    this.readDepartmentTable();
    this.readProjects(projects);
    this.readGoals(goals);
    this.readIndicators(indicators);
    const docs = [...this.docs.values()].filter((d) => d.department !== null || d.projects.length > 0);
    if (docs.length === 0) throw new ImportError({ file: this.file }, named.publication.errors.notATargetDocument);
    return docs.map((d) => ({ unit: d.unit, year: d.year, department: d.department, projects: d.projects }));
  }

  /** Column numbers by key, from a header row; required keys must be there. */
  private columns<K extends string>(
    sheet: ExcelJS.Worksheet,
    headerRow: number,
    pick: Parameters<typeof keyOfTitle<K>>[1],
    required: readonly K[],
    titles: Record<K, string>,
    /** Other headings a column goes by (an indicator column's, as forms print it: a template in a profile's headings). */
    alias: (title: string) => K | undefined = () => undefined,
  ): Map<K, number> {
    const found = new Map<K, number>();
    sheet.getRow(headerRow).eachCell((cell, col) => {
      const key = keyOfTitle(cellText(cell), pick) ?? alias(cellText(cell));
      if (key !== undefined && !found.has(key)) found.set(key, col);
    });
    for (const key of required) {
      if (!found.has(key)) this.fail(sheet, null, null, named.publication.errors.missingColumn(titles[key]));
    }
    return found;
  }

  private *dataRows(sheet: ExcelJS.Worksheet, first: number): Generator<ExcelJS.Row> {
    for (let r = first; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      let empty = true;
      row.eachCell((cell) => {
        if (cellText(cell) !== '') empty = false;
      });
      if (!empty) yield row;
    }
  }

  private docFor(sheet: ExcelJS.Worksheet, row: ExcelJS.Row, cols: ReadonlyMap<string, number>, yearTitle: string): DocDraft {
    const text = (key: 'unitCode' | 'unitName' | 'year') => {
      const col = cols.get(key);
      return col === undefined ? '' : cellText(row.getCell(col));
    };
    const yearText = text('year');
    let year: number | null = null;
    if (yearText !== '') {
      year = Number(yearText.normalize('NFKC').replace(/年度?$/, ''));
      if (!Number.isInteger(year) || year < 1990 || year > 2100) {
        this.fail(sheet, row.getCell(cols.get('year')!), yearTitle, named.publication.errors.notAYear(yearText));
      }
    }
    const code = text('unitCode');
    const name = text('unitName');
    const key = JSON.stringify([code, name, year]);
    let doc = this.docs.get(key);
    if (doc === undefined) {
      doc = { unit: { code: code === '' ? null : code, name }, year, department: null, projects: [] };
      this.docs.set(key, doc);
    }
    return doc;
  }

  private readDepartment(sheet: ExcelJS.Worksheet): void {
    const t = messages().publication.xlsx.department;
    const e = named.publication.errors;
    const cols = this.columns<DepartmentColumn>(sheet, 1, (x) => x.department as Record<DepartmentColumn, string>, ['part', 'text'], t);
    /** Per document: the open items at each depth, to nest the next one. */
    const open = new Map<DocDraft, { part: Part; path: NumberedItem[] }>();
    for (const row of this.dataRows(sheet, FIRST_DATA_ROW.department)) {
      const doc = this.docFor(sheet, row, cols, t.year);
      const dept = (doc.department ??= { overallGoal: '', subGoals: [], safeguards: [] });
      const get = (key: DepartmentColumn) => {
        const col = cols.get(key);
        return col === undefined ? '' : cellText(row.getCell(col));
      };
      const partCell = row.getCell(cols.get('part')!);
      const part = keyOfTitle(get('part'), (x) => ({
        overallGoal: x.department.overallGoal,
        subGoal: x.department.subGoal,
        safeguard: x.department.safeguard,
      }));
      if (part === undefined) this.fail(sheet, partCell, t.part, e.badPart(get('part')));
      if (part === 'overallGoal') {
        dept.overallGoal = dept.overallGoal === '' ? get('text') : `${dept.overallGoal}\n${get('text')}`;
        continue;
      }
      const depthText = get('depth');
      const depth = depthText === '' ? 1 : Number(depthText);
      const state = open.get(doc);
      const path = state?.part === part ? state.path : [];
      if (!Number.isInteger(depth) || depth < 1 || depth > path.length + 1) {
        this.fail(sheet, row.getCell(cols.get('depth') ?? cols.get('part')!), t.depth, e.badDepth(depthText));
      }
      const item: NumberedItem = { label: get('label'), text: get('text'), children: [] };
      const siblings = depth === 1 ? (part === 'subGoal' ? dept.subGoals : dept.safeguards) : path[depth - 2]!.children;
      siblings.push(item);
      path.length = depth - 1;
      path.push(item);
      open.set(doc, { part, path });
    }
  }

  private readProjects(sheet: ExcelJS.Worksheet): void {
    const t = messages().publication.xlsx.projects;
    const e = named.publication.errors;
    const plain = new Map<ProjectColumn, number>();
    const groups: { group: 'sources' | 'spendingPlan'; item: string; col: number }[] = [];
    let group: 'sources' | 'spendingPlan' | null = null;
    const lastCol = Math.max(sheet.getRow(1).cellCount, sheet.getRow(PROJECT_HEADER_ROWS).cellCount);
    for (let col = 1; col <= lastCol; col++) {
      const top = cellText(sheet.getCell(1, col));
      const sub = cellText(sheet.getCell(PROJECT_HEADER_ROWS, col));
      const topKey = keyOfTitle(top, (x) => x.projects);
      if (topKey === 'sources' || topKey === 'spendingPlan') group = topKey;
      else if (topKey !== undefined) group = null;
      // A 资金支出计划 column whose checkpoint is blank is kept, to refuse a percentage typed under it.
      if (group !== null && sub !== top && (sub !== '' || group === 'spendingPlan')) groups.push({ group, item: sub, col });
      else if (topKey !== undefined && topKey !== 'sources' && topKey !== 'spendingPlan' && !plain.has(topKey)) plain.set(topKey, col);
    }
    for (const key of ['code', 'name'] as const) {
      if (!plain.has(key)) this.fail(sheet, null, null, e.missingColumn(t[key]));
    }
    const na = messages().publication.xlsx.notApplicable;
    for (const row of this.dataRows(sheet, FIRST_DATA_ROW.projects)) {
      const doc = this.docFor(sheet, row, plain, t.year);
      const cellOf = (key: ProjectColumn) => (plain.has(key) ? row.getCell(plain.get(key)!) : null);
      const get = (key: ProjectColumn) => {
        const cell = cellOf(key);
        return cell === null ? '' : cellText(cell);
      };
      const percent = (cell: ExcelJS.Cell | null, field: string): DecimalText | null => {
        if (cell === null) return null;
        const v = cellDecimal(cell);
        if (v === undefined) this.fail(sheet, cell, field, e.notANumber(cellText(cell)));
        return v;
      };
      const amount = (cell: ExcelJS.Cell | null, field: string) => this.amount(sheet, cell, field);
      const unitText = get('amountUnit');
      if (unitText !== '' && unitText !== '万元' && unitText !== '元')
        this.fail(sheet, cellOf('amountUnit'), t.amountUnit, e.badAmountUnit(unitText));
      const attribute = get('attribute');
      if (attribute !== '' && attribute !== '新增' && attribute !== '延续')
        this.fail(sheet, cellOf('attribute'), t.attribute, e.badAttribute(attribute));
      const ownUnit = plain.has('projectUnitName') || plain.has('projectUnitCode');
      const project: Project = {
        code: get('code'),
        name: get('name'),
        unit: ownUnit ? { code: get('projectUnitCode') === '' ? null : get('projectUnitCode'), name: get('projectUnitName') } : doc.unit,
        amountUnit: (unitText === '' ? '万元' : unitText) as AmountUnit,
        budget: {
          total: amount(cellOf('total'), t.total),
          fiscal: amount(cellOf('fiscal'), t.fiscal),
          other: amount(cellOf('other'), t.other),
          sources: [],
        },
        useOfFunds: get('useOfFunds'),
        spendingPlan: [],
        goals: [],
        indicators: [],
        department: get('department') === '' ? null : get('department'),
        attribute: attribute === '' ? null : (attribute as '新增' | '延续'),
        period: get('period') === '' ? null : get('period'),
      };
      // The header fields only some forms print: an empty cell, like a missing column, is none.
      for (const key of PROVINCIAL_PROJECT_FIELDS) if (get(key) !== '') project[key] = get(key);
      const mediumTerm = amount(cellOf('mediumTerm'), t.mediumTerm);
      if (mediumTerm !== null) project.budget.mediumTerm = mediumTerm;
      for (const g of groups) {
        const cell = row.getCell(g.col);
        if (cellText(cell) === na) continue;
        if (g.item === '') {
          if (cellText(cell) !== '')
            this.fail(sheet, sheet.getCell(PROJECT_HEADER_ROWS, g.col), t.spendingPlan, named.textFormat.emptyCheckpoint);
          continue;
        }
        const value = (g.group === 'sources' ? amount : percent)(cell, `${t[g.group]}：${g.item}`);
        if (g.group === 'sources') project.budget.sources.push({ name: g.item, amount: value });
        else project.spendingPlan.push({ checkpoint: g.item, percent: value });
      }
      const key = projectKey(project.code, project.name);
      if (key === '') this.fail(sheet, cellOf('code'), t.code, e.missingProjectCode);
      if (this.projects.has(key)) this.fail(sheet, cellOf('code'), t.code, e.duplicateProject(key));
      this.projects.set(key, project);
      doc.projects.push(project);
    }
  }

  /** The project a goal or indicator row names, and its term. */
  private projectAndTerm(
    sheet: ExcelJS.Worksheet,
    row: ExcelJS.Row,
    cols: ReadonlyMap<string, number>,
    titles: { projectCode: string; term: string },
  ): { project: Project; term: Term } {
    const e = named.publication.errors;
    const get = (key: string) => (cols.has(key) ? cellText(row.getCell(cols.get(key)!)) : '');
    const key = projectKey(get('projectCode'), get('projectName'));
    const project = this.projects.get(key);
    if (project === undefined) this.fail(sheet, row.getCell(cols.get('projectCode')!), titles.projectCode, e.unknownProject(key));
    return { project, term: this.termOf(sheet, row, cols, titles) };
  }

  /** A row's 年度/长期 (年度 when empty). */
  private termOf(sheet: ExcelJS.Worksheet, row: ExcelJS.Row, cols: ReadonlyMap<string, number>, titles: { term: string }): Term {
    const terms = messages().publication.xlsx.terms;
    const text = cols.has('term') ? cellText(row.getCell(cols.get('term')!)) : '';
    const term: Term | undefined =
      text === '' || text === terms.annual || text === 'annual'
        ? 'annual'
        : text === terms.longTerm || text === 'longTerm'
          ? 'longTerm'
          : undefined;
    if (term === undefined) this.fail(sheet, row.getCell(cols.get('term')!), titles.term, named.publication.errors.badTerm(text));
    return term;
  }

  private readGoals(sheet: ExcelJS.Worksheet): void {
    const t = messages().publication.xlsx.goals;
    const cols = this.columns<GoalColumn>(sheet, 1, (x) => x.goals, ['projectCode', 'text'], t);
    for (const row of this.dataRows(sheet, FIRST_DATA_ROW.goals)) {
      const { project, term } = this.projectAndTerm(sheet, row, cols, t);
      // A number typed before the goal ("1、") is numbering, not text: the form numbers goals itself.
      const text = cellText(row.getCell(cols.get('text')!)).replace(/^\d{1,2}[、.．](?!\d)\s*/, '');
      project.goals.push({ term, text });
    }
  }

  private readIndicators(sheet: ExcelJS.Worksheet): void {
    const t = messages().publication.xlsx.indicators;
    const cols = this.columns<IndicatorColumn>(
      sheet,
      1,
      (x) => x.indicators,
      ['projectCode', 'level1', 'level2', 'target'],
      t,
      indicatorAlias,
    );
    for (const row of this.dataRows(sheet, FIRST_DATA_ROW.indicators)) {
      const { project, term } = this.projectAndTerm(sheet, row, cols, t);
      project.indicators.push(this.indicator(sheet, row, cols, t, term, project.indicators));
    }
  }

  /** The 部门整体支出绩效目标表's sheets, where the workbook has them; each adds to its document's department part. */
  private readDepartmentTable(): void {
    const x = messages().publication.xlsx;
    const e = named.publication.errors;
    const part = (sheet: ExcelJS.Worksheet, row: ExcelJS.Row, cols: ReadonlyMap<string, number>) => {
      const doc = this.docFor(sheet, row, cols, x.departmentFunds.year);
      return (doc.department ??= { overallGoal: '', subGoals: [], safeguards: [] });
    };
    const funds = this.sheet('departmentFunds', false);
    if (funds !== undefined) {
      const t = x.departmentFunds;
      const cols = this.columns<DepartmentFundsColumn>(funds, 1, (y) => y.departmentFunds, ['total'], t);
      for (const row of this.dataRows(funds, FIRST_DATA_ROW.departmentFunds)) {
        const cell = (key: DepartmentFundsColumn) => (cols.has(key) ? row.getCell(cols.get(key)!) : null);
        const unitText = cell('amountUnit') === null ? '' : cellText(cell('amountUnit')!);
        if (unitText !== '' && unitText !== '万元' && unitText !== '元')
          this.fail(funds, cell('amountUnit'), t.amountUnit, e.badAmountUnit(unitText));
        part(funds, row, cols).funds = {
          amountUnit: (unitText === '' ? '万元' : unitText) as AmountUnit,
          total: this.amount(funds, cell('total'), t.total),
          project: this.amount(funds, cell('project'), t.project),
          basic: this.amount(funds, cell('basic'), t.basic),
        };
      }
    }
    const duties = this.sheet('duties', false);
    if (duties !== undefined) {
      const t = x.duties;
      const cols = this.columns<DutyColumn>(duties, 1, (y) => y.duties, ['duty', 'task'], t);
      for (const row of this.dataRows(duties, FIRST_DATA_ROW.duties)) {
        const get = (key: DutyColumn) => (cols.has(key) ? cellText(row.getCell(cols.get(key)!)) : '');
        const amount = this.amount(duties, cols.has('amount') ? row.getCell(cols.get('amount')!) : null, t.amount);
        (part(duties, row, cols).duties ??= []).push({ duty: get('duty'), task: get('task'), projectName: get('projectName'), amount });
      }
    }
    const indicators = this.sheet('departmentIndicators', false);
    if (indicators !== undefined) {
      const t = x.departmentIndicators;
      const cols = this.columns<DepartmentIndicatorColumn>(
        indicators,
        1,
        (y) => y.departmentIndicators,
        ['level1', 'level2', 'target'],
        t,
        indicatorAlias,
      );
      for (const row of this.dataRows(indicators, FIRST_DATA_ROW.departmentIndicators)) {
        const department = part(indicators, row, cols);
        const term = this.termOf(indicators, row, cols, t);
        (department.indicators ??= []).push(this.indicator(indicators, row, cols, t, term, department.indicators ?? []));
      }
    }
  }

  /** An amount cell: exact, read as budgets are written (see typedAmount); null when empty or absent. */
  private amount(sheet: ExcelJS.Worksheet, cell: ExcelJS.Cell | null, field: string): DecimalText | null {
    if (cell === null) return null;
    const v = cellDecimal(cell);
    if (v === undefined) this.fail(sheet, cell, field, named.publication.errors.notANumber(cellText(cell)));
    return typedAmount(cell, v);
  }

  /** One indicator row of a sheet; an empty 一级/二级 is the one above among `earlier` (of the same term). */
  private indicator(
    sheet: ExcelJS.Worksheet,
    row: ExcelJS.Row,
    cols: ReadonlyMap<string, number>,
    t: Record<IndicatorColumnId, string>,
    term: Term,
    earlier: readonly Indicator[],
  ): Indicator {
    const e = named.publication.errors;
    const get = (key: string) => {
      const col = cols.get(key);
      return col === undefined ? '' : cellText(row.getCell(col));
    };
    const previous = [...earlier].reverse().find((i) => i.term === term);
    const indicator: Indicator = {
      term,
      level1: get('level1'),
      level2: get('level2'),
      level3: get('level3'),
      description: get('description'),
      target: get('target'),
      basis: get('basis'),
      remark: get('remark'),
    };
    // The columns only some forms print: an empty cell, like a missing column, is none.
    for (const c of PROVINCIAL_INDICATOR_COLUMNS) {
      const col = cols.get(c.id);
      if (col === undefined || get(c.id) === '') continue;
      if (c.type === 'text') indicator[c.id] = get(c.id);
      else {
        const cell = row.getCell(col);
        const value = cellDecimal(cell);
        if (value === undefined || value === null || value.startsWith('-')) this.fail(sheet, cell, t[c.id], e.notANumber(cellText(cell)));
        indicator[c.id] = value;
      }
    }
    // As in the published form: an empty 一级/二级 is the one above.
    const sameLevel1 = indicator.level1 === '' || indicator.level1 === previous?.level1;
    if (indicator.level1 === '' && previous !== undefined) indicator.level1 = previous.level1;
    if (indicator.level2 === '' && sameLevel1 && previous !== undefined) indicator.level2 = previous.level2;
    return indicator;
  }
}

/**
 * An amount typed into a cell of no number format (10, or the text "10") reads with two decimals, as
 * budgets are written (10.00); padded, never rounded. A cell formatted with its decimals, as an
 * export writes them, reads as it shows.
 */
function typedAmount(cell: ExcelJS.Cell | null, value: DecimalText | null): DecimalText | null {
  const format = cell?.numFmt;
  if (value === null || (format !== undefined && format !== 'General')) return value;
  return (value.split('.')[1]?.length ?? 0) >= 2 ? value : new Decimal(value).toFixed(2);
}

const indicatorAlias = (title: string) => columnOfHeading(MODEL_INDICATOR_COLUMNS, title);

/** Indicator rows name their project by code, or by name when it has none yet. */
const projectKey = (code: string, name: string) => (code !== '' ? code : name);
