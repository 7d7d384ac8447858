/**
 * The monitoring forms (财预〔2019〕136号): per unit a summary of its projects by warning level, and
 * per project the 项目支出绩效运行监控表 — budget execution against the plan with the unit's cause and
 * corrective measure, then per indicator 年度指标值, 执行至今完成值, 完成进度, 全年预计完成值, 偏差原因,
 * 完成可能性, 纠偏措施 — as grids for the XLSX and DOCX writers.
 */
import type { MonitoringExplanation } from '../../core/actuals/as-of.ts';
import type { IndicatorProgress, ProjectMonitoring, UnitMonitoring } from '../../core/monitoring/monitor.ts';
import { messages } from '../../i18n/index.ts';
import { indicatorGroups, sheetName, type GridCell, type GridRow, type ReportForm } from '../report-grid/grid.ts';

const label = (text: string, more: Partial<GridCell> = {}): GridCell => ({ text, label: true, ...more });
const value = (text: string | null, more: Partial<GridCell> = {}): GridCell => ({ text: text ?? '', align: 'center', ...more });
const amount = (text: string | null, more: Partial<GridCell> = {}): GridCell => value(text, { amount: true, ...more });
const percent = (p: string | null) => (p === null ? '' : `${p}%`);
const unitName = (u: { code: string | null; name: string }) => (u.code === null ? u.name : `${u.code} ${u.name}`);

function causeText(e: MonitoringExplanation): string {
  if (e.cause === null) return '';
  const category = messages().monitoring.causeCategories[e.cause.category];
  return e.cause.text === '' ? category : `${category}：${e.cause.text}`;
}

const likelihoodText = (e: MonitoringExplanation) => (e.likelihood === null ? '' : messages().monitoring.likelihoods[e.likelihood]);

/** 完成进度, and for a cumulative count the share due by the date beside it. */
function progressText(i: IndicatorProgress, band: string): string {
  if (i.progress === null) return band;
  return i.pace === null ? percent(i.progress) : `${percent(i.progress)}（${messages().monitoring.table.paceExpected(i.pace.expected)}）`;
}

/** Ten columns: 一级 ("满意度指标" on one line), 二级 ("社会效益指标"), 三级 and seven for the row's figures and explanations. */
const COLUMNS = [12, 14, 18, 10, 10, 10, 10, 19, 9, 21];

export function projectForm(p: ProjectMonitoring, year: number, taken: Set<string>): ReportForm {
  const m = messages().monitoring;
  const r = m.report;
  const e = p.execution;
  const checkpoint = e.checkpoint === null ? m.table.noCheckpoint : `${e.checkpoint.label}（${r.date(e.checkpoint.date)}）`;
  const rows: GridRow[] = [
    {
      cells: [
        label(m.table.projectCode),
        value(p.projectCode, { span: 2, noWrap: true }),
        label(m.table.projectName),
        value(p.projectName, { span: 6, align: 'left' }),
      ],
    },
    {
      cells: [
        label(r.budgetBlock, { rowSpan: 5 }),
        label(''),
        label(r.budget),
        label(r.spent),
        label(r.rate),
        label(r.checkpoint, { span: 2 }),
        label(r.planned),
        label(m.table.shortfall),
        label(r.light),
      ],
    },
    {
      cells: [
        label(r.totalFunds),
        amount(e.budget),
        amount(e.spent),
        value(percent(e.rate)),
        value(checkpoint, { span: 2 }),
        value(percent(e.planned)),
        value(e.shortfall === null ? '' : m.table.points(e.shortfall)),
        value(m.lights[p.light]),
      ],
    },
    {
      // Spending is recorded per project: with other funds the fiscal money's own spending is unknown.
      cells: [
        label(r.fiscal),
        amount(e.fiscal.budget),
        e.fiscal.spent === null ? value('—') : amount(e.fiscal.spent),
        value(e.fiscal.spent === null ? '—' : percent(e.fiscal.rate)),
        value('—', { span: 2 }),
        value('—'),
        value('—'),
        value('—'),
      ],
    },
    { cells: [label(r.projectCause, { span: 2 }), value(causeText(p.explanation), { span: 7, align: 'left' })] },
    { cells: [label(r.projectMeasure, { span: 2 }), value(p.explanation.measure, { span: 7, align: 'left' })] },
    {
      cells: [r.level1, r.level2, r.level3, r.target, r.actual, r.progress, r.expected, r.cause, r.likelihood, r.measure].map((t) =>
        label(t),
      ),
      header: true,
      keepWithNext: true,
    },
  ];
  // The block above the indicators is printed whole, with the indicators' header and first group.
  for (const row of rows) row.keepWithNext = true;
  const { level1, level2, kept } = indicatorGroups(p.indicators);
  p.indicators.forEach((i, k) => {
    const cells: GridCell[] = [];
    if (level1[k]! > 0) cells.push(value(i.level1, { rowSpan: level1[k] }));
    if (level2[k]! > 0) cells.push(value(i.level2, { rowSpan: level2[k] }));
    const band = i.completion.kind === 'qualitative' ? m.bands[i.completion.band] : '';
    cells.push(
      value(i.level3 || i.description, { align: 'left' }),
      value(i.target),
      value(i.actual?.value ?? m.noData),
      value(progressText(i, band)),
      value(i.explanation.expectedYearEnd),
      value(causeText(i.explanation), { align: 'left' }),
      value(likelihoodText(i.explanation)),
      value(i.explanation.measure, { align: 'left' }),
    );
    rows.push({ cells, keepWithNext: kept[k]! });
  });
  return {
    sheetName: sheetName(p.projectCode, taken),
    title: r.title,
    subtitle: `${year}年　${r.subtitle(r.date(p.date))}`,
    caption: { left: r.unitLine(unitName(p.unit)), right: r.amountUnit },
    columns: COLUMNS,
    rows,
    notes: [],
    landscape: true,
  };
}

export function summaryForm(u: UnitMonitoring, taken: Set<string>): ReportForm {
  const m = messages().monitoring;
  const t = m.table;
  const rows: GridRow[] = [
    {
      cells: [t.projectCode, t.projectName, t.budget, t.spent, t.rate, t.planned, t.shortfall, t.light, t.cause, t.measure].map((x) =>
        label(x),
      ),
      header: true,
    },
    ...u.projects.map((p) => ({
      cells: [
        value(p.projectCode, { noWrap: true }),
        value(p.projectName, { align: 'left' }),
        amount(p.execution.budget, { align: 'right' }),
        amount(p.execution.spent, { align: 'right' }),
        value(percent(p.execution.rate), { align: 'right' }),
        value(percent(p.execution.planned), { align: 'right' }),
        value(p.execution.shortfall, { align: 'right' }),
        value(m.lights[p.light]),
        value(causeText(p.explanation), { align: 'left' }),
        value(p.explanation.measure, { align: 'left' }),
      ],
    })),
  ];
  return {
    sheetName: sheetName(m.report.summarySheet, taken),
    title: t.title(unitName(u.unit), m.report.date(u.date)),
    subtitle: null,
    caption: { left: m.report.unitLine(unitName(u.unit)), right: m.report.amountUnit },
    columns: [20, 30, 12, 12, 11, 11, 10, 7, 22, 22],
    rows,
    notes: [t.summary(u.lights.green, u.lights.yellow, u.lights.red, u.unreported)],
    landscape: true,
  };
}

/** The forms of one or more units: each unit's summary, then its projects' 监控表. */
export function monitoringForms(units: readonly UnitMonitoring[]): ReportForm[] {
  const taken = new Set<string>();
  return units.flatMap((u) => [summaryForm(u, taken), ...u.projects.map((p) => projectForm(p, u.year, taken))]);
}
