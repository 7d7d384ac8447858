/**
 * A project's or a unit's 部门整体 form printed in a province's profile (表样), for the DOCX and PDF
 * writers: the profile's title, its header fields as label | value pairs, the goals, and the indicator
 * table in the profile's columns under its headings — 指标性质 and 度量单位 in cells of their own (the
 * 指标值 cell then holds the value alone), the weight in its column, and a 中期 set beside the 年度 set
 * where the profile prints both, the 一级 column shared. A 部门整体支出 profile prints 资金总额 / 项目支出 /
 * 基本支出, 年度总体目标, the 年度履职目标 and the unit's indicators. Each is laid out so that the table
 * reader (src/formats/tables/) reads it back to the same documents and recognises the same profile.
 *
 * jixiao's own form (河北 2020, the 2021 framework) stays ./project-form.ts's, printed exactly as before.
 */
import type { FormProfile } from '../../core/forms/profile.ts';
import { hebei2020 } from '../../core/forms/profiles/hebei-2020.ts';
import type { DepartmentGoals, Indicator, Project, Term, Unit } from '../../core/model/document.ts';
import { INDICATOR_COLUMNS, type IndicatorColumnId } from '../../core/model/indicator-columns.ts';
import type { ProjectFieldId } from '../../core/model/project-fields.ts';
import { messages } from '../../i18n/index.ts';
import { valueCell } from '../tables/target-cells.ts';
import {
  type CellAlign,
  cellsAt,
  FORM_WIDTH,
  type FormCell,
  type FormRow,
  LABEL_EDGE,
  label,
  merged,
  projectFormRows,
  row,
  runsByTerm,
  spendingPlanRows,
  value,
} from './project-form.ts';

const form = () => messages().publication.form;

/**
 * What a Word file printed in a province's profile says in its properties (keywords): jixiao's own
 * readers then leave it to the table reader, which reads any province's form and tells its profile.
 */
export const PROFILE_KEYWORD = 'jixiao-profile:';

/** Whether a profile's form is jixiao's own: its columns under the same headings, one set, a header block above. */
export function printsOwnForm(profile: FormProfile | undefined): boolean {
  if (profile === undefined) return true;
  const own = hebei2020.columns;
  return (
    profile.kind === 'project' &&
    profile.layout === undefined &&
    profile.terms.length === 1 &&
    profile.columns.length === own.length &&
    profile.columns.every((c, i) => c.id === own[i]!.id && c.heading === own[i]!.heading)
  );
}

/** The title a profile's form is printed under, with the year it is for ("…批复表（2022年度）"). */
export function profileFormTitle(profile: FormProfile, year: number | null): string {
  return year === null ? profile.title : `${profile.title}${form().formYear(year)}`;
}

/** A project's form in the profile (jixiao's own where the profile's form is: see printsOwnForm). */
export function formRows(project: Project, profile?: FormProfile): FormRow[] {
  if (profile === undefined || printsOwnForm(profile)) return projectFormRows(project);
  const rows = [amountUnitRow(project.amountUnit), ...fieldRows(projectFields(project, profile))];
  rows.push(...spendingPlanRows(project));
  rows.push(...goalRows(project.goals, profile));
  rows.push(...indicatorTable(project.indicators, profile));
  return rows;
}

/**
 * A unit's projects on one sheet, as a flat profile prints them (四川 申报表): the profile's header fields
 * and 年度目标 as leading columns merged down over each project's indicator rows, then its indicator
 * columns. What a flat sheet has no column for (资金用途, 支出计划 …) it does not print; the project code
 * goes before the name.
 */
export function flatFormRows(projects: readonly Project[], profile: FormProfile): FormRow[] {
  const f = form();
  const headings = fieldHeadings();
  const fields = profile.header.map((id) => ({ id, heading: headings[id] }));
  const columns = columnsOf(profile);
  const lead = [...fields.map(() => 6), 12];
  const widths = [...lead, ...columns.map((c) => c.width)];
  const total = widths.reduce((a, b) => a + b, 0);
  let at = 0;
  const edges = [0, ...widths.map((w) => Math.round(((at += w) * FORM_WIDTH) / total))];
  const rows = [
    // One unit for the sheet: the first project's (a unit's projects share theirs).
    amountUnitRow(projects[0]?.amountUnit ?? profile.amountUnit),
    row(cellsAt(edges, [...fields.map((c) => label(c.heading)), label(f.annualGoals), ...columns.map((c) => label(c.heading))]), {
      header: true,
    }),
  ];
  for (const project of projects) {
    const values = fieldValues(project);
    // A sheet without a code column prints the code before the name, as 四川's does ("51000021R000000019951-工资性支出").
    if (!profile.header.includes('code') && project.code !== '') values.name = `${project.code}-${project.name}`;
    const leading = [
      ...fields.map((c) => values[c.id] ?? ''),
      project.goals
        .filter((g) => g.term === 'annual')
        .map((g) => g.text)
        .join('\n'),
    ];
    const slots = project.indicators.length === 0 ? [[undefined]] : project.indicators.map((i) => [i]);
    slots.forEach((_, r) => {
      const merge = slots.length === 1 ? undefined : r === 0 ? ('restart' as const) : ('continue' as const);
      const own = leading.map((text) => (merge === 'continue' ? merged() : { ...value(text, 'left'), ...(merge ? { merge } : {}) }));
      rows.push(row(cellsAt(edges, [...own, ...slotCells(slots, r, [{ term: null, columns }], null)])));
    });
  }
  return rows;
}

/** A unit's 部门整体支出绩效目标表 in a 部门整体 profile. */
export function departmentFormRows(unit: Unit, department: DepartmentGoals, profile: FormProfile): FormRow[] {
  const f = form();
  const funds = department.funds;
  const rows = [amountUnitRow(funds?.amountUnit ?? profile.amountUnit), ...fieldRows([[f.unitName, codeName(unit)]])];
  if (funds !== undefined && funds !== null) {
    // Labels over their amounts, as 宁德's 年度预算安排 prints them.
    const edges = [0, 333, 667, FORM_WIDTH];
    rows.push(row(cellsAt(edges, [label(f.fundsTotal), label(f.fundsProject), label(f.fundsBasic)])));
    rows.push(row(cellsAt(edges, [value(funds.total ?? ''), value(funds.project ?? ''), value(funds.basic ?? '')])));
  }
  if (department.overallGoal !== '') rows.push(row(cellsAt(WIDE, [label(f.departmentOverallGoal), value(department.overallGoal, 'left')])));
  if ((department.duties ?? []).length > 0) {
    const edges = [0, 300, 600, 850, FORM_WIDTH];
    rows.push(row(cellsAt(edges, [label(f.duty), label(f.dutyTask), label(f.dutyProject), label(f.dutyAmount)])));
    for (const d of department.duties ?? [])
      rows.push(row(cellsAt(edges, [value(d.duty, 'left'), value(d.task, 'left'), value(d.projectName, 'left'), value(d.amount ?? '')])));
  }
  rows.push(...indicatorTable(department.indicators ?? [], profile));
  return rows;
}

const WIDE = [0, LABEL_EDGE, FORM_WIDTH];
/** Two label | value pairs a row. */
const PAIRS = [0, LABEL_EDGE, 500, 500 + LABEL_EDGE, FORM_WIDTH];
/** Fields whose text is long: a row of their own. */
const LONG: ReadonlySet<ProjectFieldId> = new Set(['name', 'useOfFunds', 'department']);

/** "433001-乌海市供销合作社联合社": the code and the name in one cell, as 四川 and 乌海 print them. */
const codeName = (unit: Unit) => (unit.code === null ? unit.name : `${unit.code}-${unit.name}`);

const amountUnitRow = (unit: string): FormRow =>
  row(cellsAt([0, FORM_WIDTH], [value(form().amountUnit(unit), 'right')]), { frameless: true });

type Pair = [label: string, text: string, id?: ProjectFieldId];

/**
 * The header fields: the profile's, in its order, then any other the project has (a value is never
 * left out for the profile not listing it). Fund sources follow under their own names.
 */
function projectFields(project: Project, profile: FormProfile): Pair[] {
  const headings = fieldHeadings();
  const values = fieldValues(project);
  const ids = Object.keys(values) as ProjectFieldId[];
  const order = [...profile.header, ...ids.filter((id) => !profile.header.includes(id))];
  const pairs: Pair[] = order.flatMap((id): Pair[] => {
    const text = values[id];
    return profile.header.includes(id) || (text !== null && text !== undefined && text !== '') ? [[headings[id], text ?? '', id]] : [];
  });
  return [...pairs, ...project.budget.sources.map((s): Pair => [s.name, s.amount ?? ''])];
}

/** The labels the header fields print under. */
function fieldHeadings(): Record<ProjectFieldId, string> {
  const f = form();
  return {
    code: f.projectCode,
    name: f.projectName,
    unit: f.unitName,
    department: f.department,
    attribute: f.attribute,
    period: f.period,
    category: f.category,
    constructionPeriod: f.constructionPeriod,
    manager: f.manager,
    approvalNumber: f.approvalNumber,
    subjectCode: f.subjectCode,
    useOfFunds: f.useOfFunds,
    total: f.total,
    fiscal: f.fiscal,
    other: f.other,
    mediumTerm: f.budgetMediumTerm,
  };
}

function fieldValues(project: Project): Record<ProjectFieldId, string | null | undefined> {
  const b = project.budget;
  return {
    code: project.code,
    name: project.name,
    unit: codeName(project.unit),
    department: project.department,
    attribute: project.attribute,
    period: project.period,
    category: project.category,
    constructionPeriod: project.constructionPeriod,
    manager: project.manager,
    approvalNumber: project.approvalNumber,
    subjectCode: project.subjectCode,
    useOfFunds: project.useOfFunds,
    total: b.total,
    fiscal: b.fiscal,
    other: b.other,
    mediumTerm: b.mediumTerm,
  };
}

function fieldRows(pairs: readonly Pair[]): FormRow[] {
  const rows: FormRow[] = [];
  let pending: Pair | null = null;
  const flush = () => {
    if (pending !== null) rows.push(row(cellsAt(WIDE, [label(pending[0]), value(pending[1], 'left')])));
    pending = null;
  };
  for (const pair of pairs) {
    if (pair[2] !== undefined && LONG.has(pair[2])) {
      rows.push(row(cellsAt(WIDE, [label(pair[0]), value(pair[1], 'left')])));
    } else if (pending === null) {
      pending = pair;
    } else {
      const [a, b] = [pending as Pair, pair];
      rows.push(row(cellsAt(PAIRS, [label(a[0]), value(a[1]), label(b[0]), value(b[1])])));
      pending = null;
    }
  }
  flush();
  return rows;
}

/** The goals, one row per term under its label (中期目标, 年度目标), numbered where a term has several. */
function goalRows(goals: Project['goals'], profile: FormProfile | undefined): FormRow[] {
  const f = form();
  const longTerm = profile?.longTermGoalsLabel ?? f.longTermGoals;
  return runsByTerm(goals).map((run) => {
    const paragraphs = run.length === 1 ? [run[0]!.text] : run.map((g, i) => `${f.goalNumber(i + 1)}${g.text}`);
    const title = run[0]!.term === 'longTerm' ? longTerm : f.annualGoals;
    return row(cellsAt(WIDE, [label(title), { paragraphs, align: 'left', label: false }]));
  });
}

interface Column {
  id: IndicatorColumnId;
  heading: string;
  longTermHeading: string;
  width: number;
  align: CellAlign;
}

const PROSE: ReadonlySet<IndicatorColumnId> = new Set(['description', 'explanation']);

/** The profile's indicator columns (a 自评表's result columns have no place in a target table). */
function columnsOf(profile: FormProfile): Column[] {
  return profile.columns.flatMap((p) => {
    const c = INDICATOR_COLUMNS.find((d) => d.id === p.id);
    if (c === undefined) return [];
    return [
      {
        id: c.id,
        heading: p.heading,
        longTermHeading: p.longTermHeading ?? p.heading,
        width: c.width,
        align: PROSE.has(c.id) ? 'left' : 'center',
      },
    ];
  });
}

/**
 * What an indicator's cell in a column holds: the 指标值 without the sign and unit printed beside it;
 * under 三级 the 绩效指标描述 of an indicator named only there (the 2020 form's way) where the profile
 * has no 描述 column, as such forms name an indicator in 三级.
 */
function cellText(indicator: Indicator, id: IndicatorColumnId, columns: readonly Column[]): string {
  const has = (c: IndicatorColumnId) => columns.some((k) => k.id === c);
  if (id === 'level3' && indicator.level3 === '' && !has('description')) return indicator.description;
  if (id !== 'target') return indicator[id] ?? '';
  if (!has('nature') && !has('measureUnit')) return indicator.target;
  return valueCell(indicator.target, {
    nature: has('nature') ? (indicator.nature ?? null) : null,
    measureUnit: has('measureUnit') ? (indicator.measureUnit ?? null) : null,
  });
}

/**
 * The indicator table. One set: a header row and a row per indicator, 一级/二级 merged down over their
 * group, each run of one term under its title where the project has 中期 ones. 中期 and 年度 side by
 * side: the 一级 column shared, then each set's columns; an 一级's rows pair the sets' indicators in order.
 */
function indicatorTable(indicators: readonly Indicator[], profile: FormProfile): FormRow[] {
  // A heading without rows is what a table reader refuses as a table read in part: none is printed.
  if (indicators.length === 0) return [];
  const columns = columnsOf(profile);
  const sideBySide = profile.terms.length > 1;
  const level1 = columns.find((c) => c.id === 'level1');
  const own = columns.filter((c) => !sideBySide || c.id !== 'level1');
  const sets = sideBySide ? profile.terms.map((term) => ({ term, columns: own })) : [{ term: null, columns: own }];
  const layout = [...(sideBySide && level1 !== undefined ? [level1] : []), ...sets.flatMap((s) => s.columns)];
  const total = layout.reduce((sum, c) => sum + c.width, 0);
  let at = 0;
  const edges = [0, ...layout.map((c) => Math.round(((at += c.width) * FORM_WIDTH) / total))];
  const headings = [
    ...(sideBySide && level1 !== undefined ? [level1.heading] : []),
    ...sets.flatMap((s) => s.columns.map((c) => (s.term === 'longTerm' ? c.longTermHeading : c.heading))),
  ];
  const header = row(
    cellsAt(
      edges,
      headings.map((h) => label(h)),
    ),
    { header: true },
  );

  if (!sideBySide) {
    const anyLongTerm = indicators.some((i) => i.term === 'longTerm');
    return runsByTerm(indicators).flatMap((run) => {
      const f = form();
      const title = anyLongTerm
        ? [
            row(cellsAt([0, FORM_WIDTH], [label(run[0]!.term === 'longTerm' ? f.longTermIndicators : f.annualIndicators)]), {
              header: true,
            }),
          ]
        : [];
      const slots = run.map((i) => [i]);
      return [...title, header, ...slots.map((slot, r) => row(cellsAt(edges, slotCells(slots, r, [{ term: null, columns: own }], null))))];
    });
  }
  // Row by row, each 一级 group pairing its 中期 and 年度 indicators.
  const groups: string[] = [];
  for (const i of indicators) if (!groups.includes(i.level1)) groups.push(i.level1);
  const slots: (Indicator | undefined)[][] = [];
  for (const g of groups) {
    const bySet = sets.map((s) => indicators.filter((i) => i.level1 === g && i.term === s.term));
    const n = Math.max(...bySet.map((b) => b.length));
    for (let k = 0; k < n; k++) slots.push(bySet.map((b) => b[k]));
  }
  return [header, ...slots.map((_, r) => row(cellsAt(edges, slotCells(slots, r, sets, level1 ?? null))))];
}

/**
 * The cells of row `r`: the shared 一级 (when the sets share it), then each set's columns. 一级 is merged
 * down over its group's rows, a set's 二级 over the rows of the same 一级 and 二级.
 */
function slotCells(
  slots: readonly (Indicator | undefined)[][],
  r: number,
  sets: readonly { term: Term | null; columns: readonly Column[] }[],
  shared: Column | null,
): Omit<FormCell, 'x0' | 'x1'>[] {
  const l1 = (k: number) => slots[k]?.find((i) => i !== undefined)?.level1;
  const mergedDown = (text: string, same: (k: number) => boolean, align: CellAlign) =>
    text === ''
      ? value('', align)
      : same(r - 1)
        ? merged()
        : same(r + 1)
          ? { ...value(text, align), merge: 'restart' as const }
          : value(text, align);
  const cells: Omit<FormCell, 'x0' | 'x1'>[] = [];
  if (shared !== null) cells.push(mergedDown(l1(r) ?? '', (k) => l1(k) !== undefined && l1(k) === l1(r), 'center'));
  sets.forEach((set, s) => {
    const indicator = slots[r]![s];
    for (const c of set.columns) {
      if (indicator === undefined) {
        cells.push(value('', c.align));
        continue;
      }
      if (c.id === 'level1' || c.id === 'level2') {
        const key = c.id;
        const same = (k: number) => {
          const other = slots[k]?.[s];
          return other !== undefined && other.level1 === indicator.level1 && (key === 'level1' || other.level2 === indicator.level2);
        };
        cells.push(mergedDown(indicator[key], same, c.align));
        continue;
      }
      cells.push(value(cellText(indicator, c.id, set.columns), c.align));
    }
  });
  return cells;
}
