/** The cells both 自评表 layouts (jixiao's own, ./forms.ts; a province's, ./profile-forms.ts) are made of. */
import type { ProjectEvaluation } from '../../core/evaluation/evaluate.ts';
import { Decimal } from '../../core/model/decimal.ts';
import type { GridCell } from '../report-grid/grid.ts';

export const label = (text: string, more: Partial<GridCell> = {}): GridCell => ({ text, label: true, ...more });
export const value = (text: string | null, more: Partial<GridCell> = {}): GridCell => ({ text: text ?? '', align: 'center', ...more });
export const amount = (text: string | null, more: Partial<GridCell> = {}): GridCell => value(text, { amount: true, ...more });
export const percent = (p: string | null) => (p === null ? '' : `${p}%`);

/**
 * Whether all the money is 财政资金 (no other source holds any). Spending is recorded for the project,
 * not per source, so only then are the 财政资金 row's 全年 figures known: the total's.
 */
export const allFiscal = (b: ProjectEvaluation['budget']): boolean =>
  [b.other, ...b.sources.map((s) => s.amount)].every((a) => a === null || new Decimal(a).isZero());
