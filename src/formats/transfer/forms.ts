/**
 * The 转移支付区域绩效目标表 (docs/transfer-payments.md) as report grids for the XLSX and DOCX writers:
 * the layout of the Ministry's 《中央对地方专项转移支付区域绩效目标表》 — 专项名称, the departments,
 * 资金情况（万元） with 年度金额 and 其中 中央补助 / 地方资金, 年度总体目标, then 绩效指标 as 一级 / 二级 /
 * 三级 / 指标值 — for the fund as set and for each region as issued; then the roll-up of the regions
 * and projects against the issued targets, 未分解 where something is not broken down.
 */
import type { FundIndicator } from '../../core/transfer/fund.ts';
import type { Coverage, FundRollup, RollupRow } from '../../core/transfer/rollup.ts';
import type { Messages } from '../../i18n/index.ts';
import { indicatorGroups, sheetName, type GridCell, type GridRow, type ReportForm } from '../report-grid/grid.ts';

export interface FundSheet {
  year: number;
  code: string;
  name: string;
  department: string;
  issuerName: string;
  amount: string;
  amountCentral: string | null;
  amountLocal: string | null;
  goal: string;
  indicators: readonly FundIndicator[];
}

/** What a region was issued: its money and its 指标值 per row. */
export interface RegionSheet {
  bureauName: string;
  amount: string;
  targets: readonly string[];
}

type M = Messages['transfer'];

const label = (text: string, more: Partial<GridCell> = {}): GridCell => ({ text, label: true, ...more });
const value = (text: string | null, more: Partial<GridCell> = {}): GridCell => ({ text: text ?? '', align: 'center', ...more });
const amount = (text: string | null, more: Partial<GridCell> = {}): GridCell =>
  text === null ? value('—', more) : value(text, { amount: true, ...more });

/** Six columns: the block labels, then 一级, 二级, 三级 (two columns wide) and 指标值. */
const COLUMNS = [14, 14, 18, 20, 20, 16];

/**
 * The indicator rows under their header: in the 目标表 under a 绩效指标 label spanning them, 三级 two
 * columns wide and one 指标值 column (`extra` empty); in the roll-up with `extra`'s columns instead.
 */
function indicatorRows(m: M, rows: ReadonlyArray<{ indicator: FundIndicator; cells: GridCell[] }>, extra: readonly string[]): GridRow[] {
  const form = extra.length === 0;
  const head: GridRow = {
    cells: [
      ...(form ? [label(m.table.indicators, { rowSpan: rows.length + 1 })] : []),
      label(m.table.level1),
      label(m.table.level2),
      label(m.table.level3, { span: form ? 2 : 1 }),
      ...(form ? [label(m.table.target)] : extra.map((x) => label(x))),
    ],
    keepWithNext: true,
  };
  const { level1, level2, kept } = indicatorGroups(rows.map((r) => r.indicator));
  return [
    head,
    ...rows.map(({ indicator, cells }, k) => {
      const out: GridCell[] = [];
      if (level1[k]! > 0) out.push(value(indicator.level1, { rowSpan: level1[k] }));
      if (level2[k]! > 0) out.push(value(indicator.level2, { rowSpan: level2[k] }));
      out.push(value(indicator.level3, { align: 'left', span: form ? 2 : 1 }), ...cells);
      return { cells: out, keepWithNext: kept[k]! };
    }),
  ];
}

/** The 区域绩效目标表 of the fund as set (`region` null) or as issued to one region. */
export function targetForm(m: M, fund: FundSheet, region: RegionSheet | null, taken: Set<string>): ReportForm {
  const t = m.table;
  const rows: GridRow[] = [
    { cells: [label(t.name), value(fund.name, { span: 5, align: 'left' })] },
    { cells: [label(t.issuer), value(fund.issuerName, { span: 2 }), label(t.department), value(fund.department, { span: 2 })] },
    { cells: [label(t.funds, { rowSpan: 3 }), label(t.annual, { span: 2 }), amount(region?.amount ?? fund.amount, { span: 3 })] },
    { cells: [label(t.ofWhich, { rowSpan: 2 }), label(t.central), amount(region ? null : fund.amountCentral, { span: 3 })] },
    { cells: [label(t.local), amount(region ? null : fund.amountLocal, { span: 3 })] },
    { cells: [label(t.goal), value(fund.goal, { span: 5, align: 'left' })] },
    ...indicatorRows(
      m,
      fund.indicators.map((indicator, i) => ({ indicator, cells: [value(region ? (region.targets[i] ?? '') : indicator.target)] })),
      [],
    ),
  ];
  return {
    sheetName: sheetName(region ? region.bureauName : t.whole, taken),
    title: t.title,
    subtitle: t.subtitle(fund.year),
    caption: { left: region ? t.region(region.bureauName) : `${fund.code}　${fund.issuerName}`, right: t.amountUnit },
    columns: COLUMNS,
    rows,
    notes: [],
    landscape: false,
  };
}

const coverageText = (m: M, c: Coverage) => m.coverage[c];

/** The roll-up: the fund's rows against the regions, then each region's against its projects. */
export function rollupForm(m: M, fund: FundSheet, rollup: FundRollup, taken: Set<string>): ReportForm {
  const t = m.table;
  const extra = [t.target, t.planned, t.actual, t.coverage];
  const block = (title: string, issued: string, brokenDown: string, money: Coverage, rows: readonly RollupRow[]): GridRow[] => [
    { cells: [label(title, { span: 7 })], keepWithNext: true },
    {
      cells: [label(t.money), value(t.moneyLine(issued, brokenDown), { span: 5, align: 'left' }), value(coverageText(m, money))],
      keepWithNext: true,
    },
    ...indicatorRows(
      m,
      rows.map((r) => ({
        indicator: fund.indicators[r.index]!,
        cells: [value(r.issued), value(r.planned), value(r.actual), value(coverageText(m, r.coverage))],
      })),
      extra,
    ),
  ];
  return {
    sheetName: sheetName(t.rollupTitle, taken),
    title: t.rollupTitle,
    subtitle: t.subtitle(fund.year),
    caption: { left: `${fund.code}　${fund.name}`, right: t.amountUnit },
    columns: [12, 14, 22, 14, 12, 12, 14],
    rows: [
      ...block(t.whole, fund.amount, rollup.brokenDown, rollup.moneyCoverage, rollup.rows),
      ...rollup.regions.flatMap((r) => block(r.bureauName, r.amount, r.brokenDown, r.moneyCoverage, r.rows)),
    ],
    notes: [],
    landscape: true,
  };
}

/** The forms of one export: the fund as set, each region as issued, the roll-up. */
export function transferForms(m: M, fund: FundSheet, regions: readonly RegionSheet[], rollup: FundRollup): ReportForm[] {
  const taken = new Set<string>();
  return [targetForm(m, fund, null, taken), ...regions.map((r) => targetForm(m, fund, r, taken)), rollupForm(m, fund, rollup, taken)];
}
