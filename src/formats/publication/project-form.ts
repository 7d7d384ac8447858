/**
 * The official 项目绩效目标表 as a grid of rows and cells, shared by the DOCX and PDF writers so both
 * print the same form. The rows are those of the published form (the seed is a Word file of it):
 * unit line, 项目编码/项目名称, 预算规模及资金用途 with the use of funds under it, 资金支出计划（%）
 * (checkpoints, then percents), 绩效目标, then the indicator table with 一级/二级 cells merged down
 * over their rows. Read cell by cell, with a merged-into cell as an empty cell, the rows are exactly
 * what the published-text reader (`src/formats/text/`) reads, so a DOCX is read back by the same rules.
 */
import type { Indicator, Project, Term } from '../../core/model/document.ts';
import { messages } from '../../i18n/index.ts';

/** Horizontal layout units across the table; writers scale them to the page's text width. */
export const FORM_WIDTH = 1000;

export type CellAlign = 'left' | 'center' | 'right';

export interface FormCell {
  /** The cell's paragraphs; a paragraph may hold line breaks ("\n"). */
  paragraphs: string[];
  /** Left and right edges, in layout units. */
  x0: number;
  x1: number;
  /** 'restart' starts a vertically merged cell; 'continue' is merged into the cell above. */
  merge?: 'restart' | 'continue';
  align: CellAlign;
  /** Labels of the form (项目编码, 一级指标 …) as opposed to the unit's own values. */
  label: boolean;
  /** Narrow cells (a monthly spending plan): smaller type and margins so "100.00" fits on one line. */
  compact?: boolean;
}

export interface FormRow {
  cells: FormCell[];
  /** The unit line above the form's frame: printed without borders. */
  frameless: boolean;
  /** Header rows of the indicator table, repeated by writers that can. */
  header: boolean;
}

/** A cell placed on the table's grid of columns. */
export interface GridCell extends FormCell {
  column: number;
  span: number;
}

export interface FormTable {
  /** Widths of the grid columns, in layout units (they add up to FORM_WIDTH). */
  columns: number[];
  rows: { cells: GridCell[]; frameless: boolean; header: boolean }[];
}

const form = () => messages().publication.form;

/** Cells from edges: `cellsAt([0, 110, 1000], ['a', 'b'])` gives a cell over 0–110 and one over 110–1000. */
export function cellsAt(edges: readonly number[], contents: readonly Omit<FormCell, 'x0' | 'x1'>[]): FormCell[] {
  return contents.map((c, i) => ({ ...c, x0: edges[i]!, x1: edges[i + 1]! }));
}

export const label = (text: string, align: CellAlign = 'center'): Omit<FormCell, 'x0' | 'x1'> => ({
  paragraphs: [text],
  align,
  label: true,
});
export const value = (text: string, align: CellAlign = 'center'): Omit<FormCell, 'x0' | 'x1'> => ({
  paragraphs: text.split('\n'),
  align,
  label: false,
});
export const merged = (): Omit<FormCell, 'x0' | 'x1'> => ({ paragraphs: [''], align: 'center', label: true, merge: 'continue' });

/**
 * The form's first column and the indicator table's 一级: "满意度指标" (five characters of 五号 宋体,
 * with the cell's margins) on one line in Word and in the PDF; 二级 takes six (社会效益指标).
 */
export const LABEL_EDGE = 150;
const LEVEL2_EDGE = 320;
/** 预算数 | value | 其中：财政资金 | value | 其他资金 | value, after the row label. */
const PAIR_EDGES = [0, LABEL_EDGE, 250, 390, 580, 720, 850, FORM_WIDTH];
const SPLIT_EDGES = [0, LABEL_EDGE, 420, 550, FORM_WIDTH];
const WIDE_EDGES = [0, LABEL_EDGE, FORM_WIDTH];

export function evenEdges(count: number): number[] {
  const edges = [0, LABEL_EDGE];
  for (let i = 1; i <= count; i++) edges.push(Math.round(LABEL_EDGE + ((FORM_WIDTH - LABEL_EDGE) * i) / count));
  return edges;
}

export const row = (cells: FormCell[], extra: Partial<FormRow> = {}): FormRow => ({ cells, frameless: false, header: false, ...extra });
const amount = (v: string | null) => value(v ?? '');

/** The rows of one project's form, jixiao's own (a province's form: ./profile-form.ts). */
export function projectFormRows(project: Project): FormRow[] {
  const f = form();
  const rows: FormRow[] = [];
  // The code and the name apart, as they read: 315002 怀来县司法局.
  const unitLine = project.unit.code === null ? project.unit.name : `${project.unit.code} ${project.unit.name}`;
  rows.push(
    row(cellsAt([0, 700, FORM_WIDTH], [value(unitLine, 'left'), value(f.amountUnit(project.amountUnit), 'right')]), {
      frameless: true,
    }),
  );
  rows.push(row(cellsAt(SPLIT_EDGES, [label(f.projectCode), value(project.code), label(f.projectName), value(project.name, 'left')])));
  if (project.department !== null || project.attribute !== null || project.period !== null) {
    rows.push(
      row(
        cellsAt(
          PAIR_EDGES.slice(1).map((e, i) => (i === 0 ? 0 : e)),
          [
            label(f.department),
            value(project.department ?? ''),
            label(f.attribute),
            value(project.attribute ?? ''),
            label(f.period),
            value(project.period ?? ''),
          ],
        ),
      ),
    );
  }
  const b = project.budget;
  rows.push(
    row(
      cellsAt(PAIR_EDGES, [
        { ...label(f.budget), merge: 'restart' },
        label(f.total),
        amount(b.total),
        label(f.fiscal),
        amount(b.fiscal),
        label(f.other),
        amount(b.other),
      ]),
    ),
  );
  rows.push(row(cellsAt(WIDE_EDGES, [merged(), value(project.useOfFunds, 'left')])));
  for (let i = 0; i < b.sources.length; i += 3) {
    const chunk = b.sources.slice(i, i + 3);
    rows.push(
      row(
        // The last amount reaches the right edge when the row has fewer than three sources.
        cellsAt(
          [...PAIR_EDGES.slice(0, 1 + chunk.length * 2), FORM_WIDTH],
          [label(f.sources), ...chunk.flatMap((s) => [label(s.name), amount(s.amount)])],
        ),
      ),
    );
  }
  rows.push(...spendingPlanRows(project));
  // Goals and indicators print in runs of one term, in their order, labelled by term once a project
  // has long-term ones, as the published text has them.
  const anyLongTerm = project.goals.some((g) => g.term === 'longTerm') || project.indicators.some((i) => i.term === 'longTerm');
  for (const run of runsByTerm(project.goals)) {
    const title = run[0]!.term === 'longTerm' ? f.longTermGoals : anyLongTerm ? f.annualGoals : f.goals;
    const paragraphs = run.map((g, i) => `${f.goalNumber(i + 1)}${g.text}`);
    rows.push(row(cellsAt(WIDE_EDGES, [label(title), { paragraphs, align: 'left', label: false }])));
  }
  if (project.goals.length === 0) rows.push(row(cellsAt(WIDE_EDGES, [label(f.goals), value('', 'left')])));

  rows.push(...indicatorRows(project.indicators, anyLongTerm));
  return rows;
}

/** 资金支出计划（%）: the checkpoints over their percentages; none where the project has no plan. */
export function spendingPlanRows(project: Project): FormRow[] {
  if (project.spendingPlan.length === 0) return [];
  const edges = evenEdges(project.spendingPlan.length);
  const compact = project.spendingPlan.length > 6;
  return [
    row(
      cellsAt(edges, [
        { ...label(form().spendingPlan), merge: 'restart' },
        ...project.spendingPlan.map((c) => ({ ...label(c.checkpoint), compact })),
      ]),
    ),
    row(cellsAt(edges, [merged(), ...project.spendingPlan.map((c) => ({ ...value(c.percent ?? ''), compact }))])),
  ];
}

type Column = { key: keyof Omit<Indicator, 'term'>; title: string; align: CellAlign };

/**
 * Column edges. 三级 gets room when it is filled in (the seed leaves it empty); empty, it is just two
 * characters wide, its heading set as 三级 / 指标 rather than wrapped unevenly.
 */
function indicatorColumns(withRemark: boolean, withLevel3: boolean): { columns: Column[]; edges: number[] } {
  const f = form();
  const columns: Column[] = [
    { key: 'level1', title: f.level1, align: 'center' },
    { key: 'level2', title: f.level2, align: 'center' },
    { key: 'level3', title: f.level3, align: 'center' },
    { key: 'description', title: f.description, align: 'left' },
    { key: 'target', title: f.target, align: 'center' },
    { key: 'basis', title: f.basis, align: 'center' },
  ];
  const level3 = LEVEL2_EDGE + (withLevel3 ? (withRemark ? 100 : 120) : NARROW_LEVEL3);
  if (!withRemark) {
    return { columns, edges: [0, LABEL_EDGE, LEVEL2_EDGE, level3, withLevel3 ? 650 : 660, 780, FORM_WIDTH] };
  }
  columns.push({ key: 'remark', title: f.remark, align: 'center' });
  return { columns, edges: [0, LABEL_EDGE, LEVEL2_EDGE, level3, withLevel3 ? 590 : 600, 700, 870, FORM_WIDTH] };
}

/** Two characters of 五号 type and the cell's margins, not three. */
const NARROW_LEVEL3 = 72;

/**
 * The indicator table: a header row, then one row per indicator with 一级 merged down over rows of the
 * same 一级, and 二级 over rows of the same 一级 and 二级. Once a project has long-term goals or
 * indicators, each run of one term gets a titled section (年度绩效指标, 长期绩效指标).
 */
function indicatorRows(indicators: readonly Indicator[], titled: boolean): FormRow[] {
  const f = form();
  const { columns, edges } = indicatorColumns(
    indicators.some((i) => i.remark !== ''),
    indicators.some((i) => i.level3 !== ''),
  );
  const runs = indicators.length === 0 ? [[]] : runsByTerm(indicators);
  const sections = runs.map((rows) => ({
    title: titled && rows.length > 0 ? (rows[0]!.term === 'longTerm' ? f.longTermIndicators : f.annualIndicators) : null,
    rows,
  }));
  const out: FormRow[] = [];
  for (const section of sections) {
    if (section.title !== null) out.push(row(cellsAt([0, FORM_WIDTH], [label(section.title)]), { header: true }));
    out.push(
      row(
        cellsAt(
          edges,
          columns.map((c) => label(c.title)),
        ),
        { header: true },
      ),
    );
    section.rows.forEach((indicator, i) => {
      const above = section.rows[i - 1];
      const below = section.rows[i + 1];
      const same = (a: Indicator | undefined, key: 'level1' | 'level2') =>
        a !== undefined && a.level1 === indicator.level1 && (key === 'level1' || a.level2 === indicator.level2);
      const cells = columns.map((c): Omit<FormCell, 'x0' | 'x1'> => {
        if ((c.key === 'level1' || c.key === 'level2') && indicator[c.key] !== '') {
          if (same(above, c.key)) return merged();
          if (same(below, c.key)) return { ...value(indicator[c.key], c.align), merge: 'restart' };
        }
        return value(indicator[c.key] ?? '', c.align);
      });
      out.push(row(cellsAt(edges, cells)));
    });
  }
  return out;
}

/**
 * Whether a row must print on the same page as the next: the rows above the indicator table (one
 * block with the table's header), the header rows, and the rows of an 一级 group but its last, so a
 * merged 一级/二级 cell is never cut by a page break.
 */
export function keptWithNext(rows: readonly FormRow[], r: number): boolean {
  const next = rows[r + 1];
  if (next === undefined) return false;
  if (rows[r]!.header || !rows.slice(0, r + 1).some((row) => row.header)) return true;
  return next.cells[0]?.merge === 'continue';
}

/**
 * The form cut into the parts printed as tables of their own, one under the other: the block above the
 * indicator table, then each run of indicator rows from its header rows on, as a table repeats only
 * its first rows on each page.
 */
export function formParts<R extends { header: boolean }>(rows: readonly R[]): R[][] {
  const parts: R[][] = [[]];
  rows.forEach((row, i) => {
    if (row.header && i > 0 && !rows[i - 1]!.header && parts[parts.length - 1]!.length > 0) parts.push([]);
    parts[parts.length - 1]!.push(row);
  });
  return parts;
}

/**
 * Row `r` of a table's rows with the cells it continues (merged from above) holding their text again:
 * where a page break cuts a merged 一级/二级 group, the labels start again below the cut.
 */
export function relabelled<R extends { cells: readonly GridCell[] }>(rows: readonly R[], r: number): R {
  const row = rows[r]!;
  const at = (k: number, column: number) => rows[k]?.cells.find((c) => c.column === column);
  return {
    ...row,
    cells: row.cells.map((cell) => {
      if (cell.merge !== 'continue') return cell;
      let first = r;
      while (first > 0 && at(first, cell.column)?.merge === 'continue') first--;
      const source = at(first, cell.column)!;
      const goesOn = at(r + 1, cell.column)?.merge === 'continue';
      return { ...cell, paragraphs: source.paragraphs, merge: goesOn ? ('restart' as const) : undefined };
    }),
  };
}

/** Consecutive items of the same term. */
export function runsByTerm<T extends { term: Term }>(items: readonly T[]): T[][] {
  const runs: T[][] = [];
  for (const item of items) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last[0]!.term === item.term) last.push(item);
    else runs.push([item]);
  }
  return runs;
}

/** Places rows on one grid: its columns are the union of all the rows' cell edges. */
export function toFormTable(rows: readonly FormRow[]): FormTable {
  const edges = [...new Set(rows.flatMap((r) => r.cells.flatMap((c) => [c.x0, c.x1])))].sort((a, b) => a - b);
  const index = new Map(edges.map((e, i) => [e, i]));
  return {
    columns: edges.slice(1).map((e, i) => e - edges[i]!),
    rows: rows.map((r) => ({
      frameless: r.frameless,
      header: r.header,
      cells: r.cells.map((c) => {
        const column = index.get(c.x0)!;
        return { ...c, column, span: index.get(c.x1)! - column };
      }),
    })),
  };
}
