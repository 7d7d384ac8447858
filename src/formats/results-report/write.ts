/**
 * The 评价结果应用表 as a workbook: one row per project with its budget, self-evaluation and
 * evaluation results, next year's request and the recommended action (src/store/results/report.ts),
 * in the look of the other report forms (../report-grid).
 */
import { messages } from '../../i18n/index.ts';
import type { GridRow } from '../report-grid/grid.ts';
import { formsWorkbook } from '../report-grid/xlsx.ts';

export interface ResultsReportRow {
  unitName: string;
  projectCode: string;
  projectName: string;
  budget: string | null;
  selfScore: string | null;
  selfGrade: string | null;
  evaluationScore: string | null;
  evaluationGrade: string | null;
  nextBudget: string | null;
  openRectifications: number;
  action: string | null;
}

export async function writeResultsXlsx(bureauName: string, year: number, rows: readonly ResultsReportRow[]): Promise<Uint8Array> {
  const m = messages().rectification.results;
  const h = m.headers;
  const none = m.none;
  const header: GridRow = {
    header: true,
    cells: [
      h.unit,
      h.projectCode,
      h.projectName,
      h.budget(year),
      h.selfScore,
      h.selfGrade,
      h.evaluationScore,
      h.evaluationGrade,
      h.nextBudget(year + 1),
      h.openRectifications,
      h.action,
    ].map((text) => ({ text, label: true })),
  };
  const amount = (a: string | null) =>
    a === null ? { text: none, align: 'center' as const } : { text: a, amount: true, align: 'right' as const };
  const body: GridRow[] = rows.map((r) => ({
    cells: [
      { text: r.unitName },
      { text: r.projectCode, noWrap: true },
      { text: r.projectName },
      amount(r.budget),
      { text: r.selfScore ?? none, align: 'center' },
      { text: r.selfGrade ?? none, align: 'center' },
      { text: r.evaluationScore ?? none, align: 'center' },
      { text: r.evaluationGrade ?? none, align: 'center' },
      amount(r.nextBudget),
      { text: String(r.openRectifications), align: 'center' },
      { text: r.action ?? none },
    ],
  }));
  return formsWorkbook([
    {
      sheetName: m.sheet,
      title: m.pageTitle(year),
      subtitle: null,
      caption: { left: m.caption(bureauName), right: m.amountUnit },
      columns: [16, 20, 24, 11, 8, 8, 8, 8, 11, 8, 14],
      rows: [header, ...body],
      notes: [m.note],
      landscape: true,
    },
  ]);
}
