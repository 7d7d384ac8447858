/**
 * A project's self-evaluation printed in a province's 自评表 profile (四川 部门预算项目支出绩效自评表,
 * 510000_0013zp), laid out as the published form is (src/formats/tables/fixtures/sichuan-qingshen-self-evaluation):
 * the profile's header fields; 项目基本情况 with 项目年度目标 against 年度目标完成情况; 预算执行情况 by fund
 * source (年初预算, 调整后预算数, 预算执行数, 预算执行率, 权重, 得分, 原因); the indicator table in the
 * profile's columns under its headings (指标性质 and 度量单位 in cells of their own, the 指标值 bare), its
 * block label carrying the indicators' points ("绩效指标（90分）"); 合计; then 评价结论, 存在问题, 改进措施.
 * The table reader (src/formats/tables/) reads it back to the same documents and actuals, as that profile.
 */
import type { EvaluationStatement, StatementKind } from '../../core/actuals/actuals.ts';
import type { IndicatorScore, ProjectEvaluation } from '../../core/evaluation/evaluate.ts';
import type { FormProfile } from '../../core/forms/profile.ts';
import { Decimal } from '../../core/model/decimal.ts';
import type { ProjectFieldId } from '../../core/model/project-fields.ts';
import { messages } from '../../i18n/index.ts';
import { profileFormTitle } from '../publication/profile-form.ts';
import { indicatorGroups, placeCells, sheetName, type GridCell, type GridRow, type ReportForm } from '../report-grid/grid.ts';
import { valueCell } from '../tables/target-cells.ts';
import { displayWidth } from '../xlsx/page.ts';
import { allFiscal, amount, label, percent, value } from './cells.ts';

/** What 四川's form prints in a cell it says not to fill (the budget line's sub-rows' 权重 and 得分, a 不适用 row's). */
const NOT_FILLED = '/';

/** Points as the form prints them, without trailing zeros ("60.00" → "60"): 权重 and the block labels. */
const bare = (points: string) => new Decimal(points).toFixed();

const statementOf = (p: ProjectEvaluation, kind: StatementKind): EvaluationStatement | undefined =>
  p.statements.find((s) => s.kind === kind);

/**
 * Column widths fitted to what the columns hold, as the published form's are: the 预算执行情况 block's
 * amounts and rates lie over the indicator columns, so "251.89" and "100.00%" must fit where a target
 * table has a narrow 指标性质. A cell of one column counts with its longest line, labels and prose only
 * up to a few characters (they wrap), plus room for the cell's margins. In Excel width units (a CJK
 * character is 2).
 */
const LABEL_FIT = 6;
const VALUE_FIT = 8;
const MARGINS = 2;

const UNBREAKABLE = /^[^\s\u2e80-\uffff]*$/u;

/** A line's width: a percent sign is as wide as nearly two digits ("100.00%" must not break before it). */
const printedWidth = (line: string) => displayWidth(line) + (line.match(/%/gu)?.length ?? 0);

function fittedColumns(rows: GridRow[], width: number): number[] {
  const widths = new Array<number>(width).fill(MARGINS);
  const placed = placeCells({
    sheetName: '',
    title: '',
    subtitle: null,
    caption: null,
    columns: widths,
    rows,
    notes: [],
    landscape: false,
  });
  for (const c of placed.filter((c) => c.span === 1)) {
    for (const line of c.text.split('\n')) {
      // A line with neither a space nor a CJK character (an amount, a rate, a score) cannot wrap: it counts whole.
      const fit = UNBREAKABLE.test(line) ? Number.POSITIVE_INFINITY : c.label ? LABEL_FIT : VALUE_FIT;
      widths[c.column] = Math.max(widths[c.column]!, Math.min(printedWidth(line), fit) + MARGINS);
    }
  }
  return widths;
}

export function profileProjectForm(p: ProjectEvaluation, profile: FormProfile, taken: Set<string>): ReportForm {
  const width = 1 + profile.columns.length;
  const rows = [...headerRows(p, profile, width), ...basicsRows(p, width), ...executionRows(p, width)];
  // The blocks above the indicators are printed whole, with the indicators' header and first group.
  for (const row of rows) row.keepWithNext = true;
  rows.push(...indicatorRows(p, profile), ...closingRows(p, width));
  return {
    sheetName: sheetName(p.projectCode || p.projectName, taken),
    title: profileFormTitle(profile, p.year),
    subtitle: null,
    caption:
      profile.reportCode === undefined
        ? null
        : { left: messages().evaluation.report.profileForm.reportCode(profile.reportCode), right: '' },
    columns: fittedColumns(rows, width),
    rows,
    notes: [],
    landscape: false,
  };
}

/** The header fields an evaluation holds, under the labels a 自评表 prints; the others it cannot print. */
function fieldOf(p: ProjectEvaluation, id: ProjectFieldId, profile: FormProfile): { label: string; text: string } | undefined {
  const m = messages().evaluation.report;
  switch (id) {
    case 'code':
      return { label: messages().publication.form.projectCode, text: p.projectCode };
    case 'name':
      // A form without a code field prints the code before the name, as 四川's does ("51000021R000000019951-工资性支出").
      return {
        label: m.projectName,
        text: profile.header.includes('code') || p.projectCode === '' ? p.projectName : `${p.projectCode}-${p.projectName}`,
      };
    case 'department':
      return { label: m.department, text: p.department ?? '' };
    case 'unit':
      return { label: m.profileForm.implementer, text: p.unit.code === null ? p.unit.name : `${p.unit.code}-${p.unit.name}` };
    default:
      return undefined;
  }
}

/** The header block: 项目名称 on a row of its own, other fields two a row (主管部门 | 实施单位). */
function headerRows(p: ProjectEvaluation, profile: FormProfile, width: number): GridRow[] {
  const fields = profile.header.flatMap((id) => {
    const f = fieldOf(p, id, profile);
    return f === undefined ? [] : [{ id, ...f }];
  });
  const rows: GridRow[] = [];
  const wide = (f: { label: string; text: string }) =>
    rows.push({ cells: [label(f.label, { span: 2 }), value(f.text, { span: width - 2 })] });
  const paired = fields.filter((f) => f.id !== 'name');
  for (const f of fields.filter((f) => f.id === 'name')) wide(f);
  const first = Math.ceil((width - 4) / 2);
  for (let i = 0; i + 1 < paired.length; i += 2) {
    const [a, b] = [paired[i]!, paired[i + 1]!];
    rows.push({
      cells: [
        label(a.label, { span: 2 }),
        value(a.text, { span: first }),
        label(b.label, { span: 2 }),
        value(b.text, { span: width - 4 - first }),
      ],
    });
  }
  if (paired.length % 2 === 1) wide(paired[paired.length - 1]!);
  return rows;
}

/** 项目基本情况: 项目年度目标 against 年度目标完成情况, and 项目实施内容及过程概述 (the evaluation holds none). */
function basicsRows(p: ProjectEvaluation, width: number): GridRow[] {
  const f = messages().evaluation.report.profileForm;
  const goals = p.goals.length === 1 ? p.goals : p.goals.map((g, i) => `${messages().publication.form.goalNumber(i + 1)}${g}`);
  const results = p.results !== '' ? p.results : (statementOf(p, 'results')?.text ?? '');
  const half = Math.ceil((width - 3) / 2);
  return [
    {
      cells: [
        label(f.basics, { rowSpan: 3 }),
        label(f.goalsAchieved, { span: 2, rowSpan: 2 }),
        label(f.annualGoal, { span: half }),
        label(f.results, { span: width - 3 - half }),
      ],
    },
    { cells: [value(goals.join('\n'), { span: half, align: 'left' }), value(results, { span: width - 3 - half, align: 'left' })] },
    { cells: [label(f.process, { span: 2 }), value('', { span: width - 3 })] },
  ];
}

/**
 * 预算执行情况 by fund source: 总额 with the scored line's 权重 and 得分 and the 原因 beside all the rows;
 * 财政资金 with its 全年 figures where all the money is fiscal (see allFiscal); the further sources and
 * 其他资金 with their 年初预算 alone, as spending is recorded for the project, not per source.
 */
function executionRows(p: ProjectEvaluation, width: number): GridRow[] {
  const f = messages().evaluation.report.profileForm;
  const b = p.budget;
  const reason = b.explanation !== '' ? b.explanation : (statementOf(p, 'budgetAnalysis')?.text ?? '');
  const fiscalKnown = allFiscal(b) && b.fiscal !== null;
  const subRow = (name: string, initial: string | null, known: boolean): GridRow => ({
    cells: [
      label(name),
      amount(initial),
      amount(known ? b.adjusted : null),
      amount(known ? b.spent : null),
      value(known ? percent(b.rate) : ''),
      value(NOT_FILLED),
      value(NOT_FILLED),
    ],
  });
  const sources = [
    subRow(f.fiscal, b.fiscal, fiscalKnown),
    ...b.sources.map((s) => subRow(s.name, s.amount, false)),
    subRow(f.other, b.other, false),
  ];
  return [
    {
      cells: [
        label(f.execution(b.scored ? bare(b.points) : null), { rowSpan: 2 + sources.length }),
        label(f.budget),
        label(f.initial),
        label(f.adjusted),
        label(f.spent),
        label(f.rate),
        label(f.weight),
        label(f.score),
        label(f.reason, { span: width - 8 }),
      ],
    },
    {
      cells: [
        label(f.total),
        amount(b.initial),
        amount(b.adjusted),
        amount(b.spent),
        value(percent(b.rate)),
        value(b.scored ? bare(b.points) : ''),
        amount(b.scored ? b.score : null),
        value(reason, { span: width - 8, rowSpan: 1 + sources.length, align: 'left' }),
      ],
    },
    ...sources,
  ];
}

/** What an indicator's cell under a profile column holds. */
function indicatorCell(i: IndicatorScore, id: FormProfile['columns'][number]['id']): GridCell {
  const scored = i.status === 'scored';
  switch (id) {
    case 'level3':
      return value(i.level3 || i.description, { align: 'left' });
    case 'nature':
      return value(i.nature);
    case 'target':
      return value(valueCell(i.target, { nature: i.nature, measureUnit: i.measureUnit }));
    case 'measureUnit':
      return value(i.measureUnit);
    case 'actual':
      return value(i.actual?.value ?? '');
    // A row out of the score (不适用, or its 一级 unknown) has no points: the form's mark for a cell not to fill.
    case 'weight':
      return value(scored ? bare(i.points) : NOT_FILLED);
    case 'score':
      return scored ? amount(i.score) : value(NOT_FILLED);
    case 'shortfallReason': {
      const m = messages().evaluation.report;
      const text = i.notApplicableReason
        ? [m.notApplicableBecause(i.notApplicableReason), i.explanation].filter(Boolean).join('\n')
        : i.explanation;
      return value(text, { align: 'left' });
    }
    case 'description':
      return value(i.description, { align: 'left' });
    default:
      // The evaluation keeps of a row what a 自评表 prints; no shipped 自评表 profile has another column.
      return value('');
  }
}

/**
 * The indicator table: its header row (the block label in the label column, as the page repeats it),
 * a row per indicator with 一级/二级 merged down over their group, then 合计 with the points and the total
 * under 权重 and 得分. None where the evaluation has no rows: a heading alone is what a reader refuses.
 */
function indicatorRows(p: ProjectEvaluation, profile: FormProfile): GridRow[] {
  if (p.indicators.length === 0) return [];
  const f = messages().evaluation.report.profileForm;
  const indicatorPoints = p.indicators.filter((i) => i.status === 'scored').reduce((s, i) => s.plus(i.points), new Decimal(0));
  const rows: GridRow[] = [
    {
      cells: [label(f.indicators(indicatorPoints.toFixed())), ...profile.columns.map((c) => label(c.heading))],
      header: true,
      keepWithNext: true,
    },
  ];
  const { level1, level2, kept } = indicatorGroups(p.indicators);
  p.indicators.forEach((i, k) => {
    // The label column beside an 一级 group is merged over it, and so breaks with it.
    const cells: GridCell[] = level1[k]! > 0 ? [label('', { rowSpan: level1[k] })] : [];
    for (const c of profile.columns) {
      if (c.id === 'level1') {
        if (level1[k]! > 0) cells.push(value(i.level1, { rowSpan: level1[k] }));
      } else if (c.id === 'level2') {
        if (level2[k]! > 0) cells.push(value(i.level2, { rowSpan: level2[k] }));
      } else cells.push(indicatorCell(i, c.id));
    }
    rows.push({ cells, keepWithNext: kept[k]! });
  });
  const firstTotal = profile.columns.findIndex((c) => c.id === 'weight' || c.id === 'score');
  if (firstTotal >= 0)
    rows.push({
      cells: [
        label(f.sum, { span: 1 + firstTotal }),
        ...profile.columns
          .slice(firstTotal)
          .map((c) => (c.id === 'weight' ? value(bare(p.points)) : c.id === 'score' ? amount(p.total) : value(''))),
      ],
    });
  return rows;
}

/** 评价结论, 存在问题, 改进措施 (as the unit wrote them, empty where it did not), and the signature line. */
function closingRows(p: ProjectEvaluation, width: number): GridRow[] {
  const f = messages().evaluation.report.profileForm;
  const statements = [
    [f.conclusion, 'conclusion'],
    [f.problems, 'problems'],
    [f.improvements, 'improvements'],
  ] as const;
  const half = Math.floor(width / 2);
  return [
    ...statements.map(([name, kind]) => ({
      cells: [label(name, { span: 2 }), value(statementOf(p, kind)?.text ?? '', { span: width - 2, align: 'left' })],
    })),
    { cells: [label(f.manager, { span: half, align: 'left' }), label(f.financeManager, { span: width - half, align: 'left' })] },
  ];
}
