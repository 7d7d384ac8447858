/**
 * The self-evaluation forms (财预〔2020〕10号): one 项目支出绩效自评表 per project — budget block
 * (年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分), 年度总体目标 against 实际完成情况, the
 * indicator table (一级/二级 merged down, 年度指标值, 实际完成值, 分值, 得分, 偏差原因分析及改进措施),
 * 总分 and 评价等级 — and the unit's 部门整体 summary, as grids for the XLSX and DOCX writers.
 */
import type { DepartmentEvaluation } from '../../core/evaluation/department.ts';
import type { ProjectEvaluation } from '../../core/evaluation/evaluate.ts';
import { GRADES } from '../../core/evaluation/settings.ts';
import type { FormProfile } from '../../core/forms/profile.ts';
import { messages } from '../../i18n/index.ts';
import { allFiscal, amount, label, percent, value } from './cells.ts';
import { profileProjectForm } from './profile-forms.ts';
import { indicatorGroups, sheetName, type GridCell, type GridRow, type ReportForm } from '../report-grid/grid.ts';

const unitName = (u: { code: string | null; name: string }) => (u.code === null ? u.name : `${u.code} ${u.name}`);

/** The 财政资金 row (see allFiscal). 分值 and 得分 belong to the total. */
function fiscalCells(b: ProjectEvaluation['budget']): GridCell[] {
  const dash = value('—');
  if (!allFiscal(b)) return [amount(b.fiscal), dash, dash, dash, dash, dash];
  return [amount(b.fiscal ?? b.initial), amount(b.adjusted), amount(b.spent), dash, value(percent(b.rate)), dash];
}

/**
 * Nine columns: the block label, three for the row's subject (一级 with "满意度指标" and 二级 with
 * "社会效益指标" on one line), five for values (and the analysis): 分值 with 100.00, 执行率 with
 * 100.00% on one line.
 */
const COLUMNS = [7, 14, 16, 12, 8, 8, 10, 11, 14];

export function projectForm(p: ProjectEvaluation, taken: Set<string>): ReportForm {
  const m = messages().evaluation.report;
  const na = m.notApplicable;
  const rows: GridRow[] = [
    { cells: [label(m.projectName), value(p.projectName, { span: 8, align: 'left' })] },
    { cells: [label(m.department), value(p.department, { span: 3 }), label(m.implementer), value(unitName(p.unit), { span: 4 })] },
    {
      cells: [
        label(m.funds, { rowSpan: 4 }),
        label('', { span: 2 }),
        label(m.initial),
        label(m.adjusted),
        label(m.spent),
        label(m.points),
        label(m.rate),
        label(m.score),
      ],
    },
    {
      cells: [
        label(m.totalFunds, { span: 2 }),
        amount(p.budget.initial),
        amount(p.budget.adjusted),
        amount(p.budget.spent),
        p.budget.scored ? amount(p.budget.points) : value(na),
        value(percent(p.budget.rate)),
        p.budget.scored ? amount(p.budget.score) : value(na),
      ],
    },
    { cells: [label(m.fiscal, { span: 2 }), ...fiscalCells(p.budget)] },
    { cells: [label(m.other, { span: 2 }), amount(p.budget.other), value('—'), value('—'), value('—'), value('—'), value('—')] },
    { cells: [label(m.goals, { rowSpan: 2 }), label(m.expected, { span: 4 }), label(m.results, { span: 4 })] },
    {
      cells: [
        value(p.goals.map((g, i) => `${i + 1}、${g}`).join('\n'), { span: 4, align: 'left' }),
        value(p.results, { span: 4, align: 'left' }),
      ],
    },
  ];

  const { level1, level2, kept } = indicatorGroups(p.indicators);
  rows.push({
    cells: [
      // In the header row, repeated on each page: a cell merged down the whole table would hold up the page break.
      label(messages().evaluation.report.indicators),
      label(m.level1),
      label(m.level2),
      label(m.level3),
      label(m.target),
      label(m.actual),
      label(m.points),
      label(m.score),
      label(m.explanation),
    ],
    header: true,
    keepWithNext: true,
  });
  // The block above the indicators is printed whole, with the indicators' header and first group.
  for (const row of rows) row.keepWithNext = true;
  p.indicators.forEach((i, k) => {
    const cells: GridCell[] = [];
    // The label column beside an 一级 group is merged over it, and so breaks with it.
    if (level1[k]! > 0) cells.push(label('', { rowSpan: level1[k] }), value(i.level1, { rowSpan: level1[k] }));
    if (level2[k]! > 0) cells.push(value(i.level2, { rowSpan: level2[k] }));
    const scored = i.status === 'scored';
    cells.push(
      value(i.level3 || i.description, { align: 'left' }),
      value(i.target),
      value(i.actual?.value ?? ''),
      scored ? amount(i.points) : value(na),
      scored ? amount(i.score) : value(na),
      value(
        i.notApplicableReason ? [m.notApplicableBecause(i.notApplicableReason), i.explanation].filter(Boolean).join('\n') : i.explanation,
        { align: 'left' },
      ),
    );
    rows.push({ cells, keepWithNext: kept[k]! });
  });
  rows.push({ cells: [label(m.total, { span: 6 }), amount(p.points), amount(p.total), value(`${m.grade}：${p.grade}`)] });
  const all = p.withoutNotApplicable;
  if (all)
    rows.push({ cells: [label(m.totalAllRows, { span: 6 }), amount(all.points), amount(all.total), value(`${m.grade}：${all.grade}`)] });

  return {
    sheetName: sheetName(p.projectCode, taken),
    title: m.title,
    subtitle: p.year === null ? null : m.year(p.year),
    caption: null,
    columns: COLUMNS,
    rows,
    notes: [],
    landscape: false,
  };
}

export function departmentForm(d: DepartmentEvaluation, taken: Set<string>): ReportForm {
  const m = messages().evaluation.report;
  const h = m.summaryHeaders;
  const rows: GridRow[] = [
    { cells: [h.index, h.code, h.name, h.budget, h.spent, h.rate, h.total, h.grade].map((t) => label(t)), header: true },
    ...d.projects.map((p, i) => ({
      cells: [
        value(String(i + 1)),
        value(p.projectCode, { noWrap: true }),
        value(p.projectName, { align: 'left' }),
        amount(p.budget.adjusted, { align: 'right' }),
        amount(p.budget.spent, { align: 'right' }),
        value(percent(p.budget.rate), { align: 'right' }),
        amount(p.total, { align: 'right' }),
        value(p.grade),
      ],
    })),
    {
      cells: [
        label(m.summaryTotal, { span: 3 }),
        amount(d.budget, { align: 'right' }),
        amount(d.spent, { align: 'right' }),
        value(percent(d.rate), { align: 'right' }),
        amount(d.score, { align: 'right' }),
        value(d.grade),
      ],
    },
  ];
  return {
    sheetName: sheetName(m.summarySheet, taken),
    title: m.summaryTitle,
    subtitle: d.year === null ? null : m.year(d.year),
    caption: { left: unitName(d.unit), right: messages().monitoring.report.amountUnit },
    columns: [5, 20, 29, 12, 12, 11, 11, 9],
    rows,
    notes: [
      `${m.summaryScore}：${d.score ?? ''}（${d.grade ?? ''}）`,
      ...(d.withoutNotApplicable ? [`${m.summaryScoreAllRows}：${d.withoutNotApplicable.score}（${d.withoutNotApplicable.grade}）`] : []),
      `${m.summaryGrades}：${GRADES.map((g) => m.gradeCount(g, d.gradeCounts[g])).join('，')}`,
    ],
    landscape: false,
  };
}

/**
 * The forms of one or more units: each unit's summary, then its projects' 自评表. In a 自评表 profile,
 * each project's form as the province prints it, and no summary: the province's form set has none,
 * and a file of its forms alone reads back as that profile.
 */
export function evaluationForms(units: readonly DepartmentEvaluation[], profile?: FormProfile): ReportForm[] {
  const taken = new Set<string>();
  if (profile !== undefined) {
    if (profile.kind !== 'selfEvaluation') throw new Error(`${profile.id} is no 自评表 profile`);
    return units.flatMap((d) => d.projects.map((p) => profileProjectForm(p, profile, taken)));
  }
  return units.flatMap((d) => [departmentForm(d, taken), ...d.projects.map((p) => projectForm(p, taken))]);
}
