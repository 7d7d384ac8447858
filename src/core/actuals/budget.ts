/**
 * The budget a project's actuals are measured against, in 万元 (the unit actuals are recorded in),
 * whatever unit its target table uses.
 */
import { Decimal, dec } from '../model/decimal.ts';
import type { AmountUnit, DecimalText, Project } from '../model/document.ts';
import type { ProjectActuals } from './actuals.ts';

const TEN_THOUSAND = new Decimal(10000);

/** An amount of a target table in 万元; null stays null (an empty cell is not zero). */
export const inWan = (amount: DecimalText | null, unit: AmountUnit): Decimal | null =>
  amount === null ? null : unit === '元' ? dec(amount).div(TEN_THOUSAND) : dec(amount);

export interface AnnualBudget {
  /** 年初预算数: the 预算数 of the target table, in 万元; null when the table left it empty. */
  initial: Decimal | null;
  /** 全年预算数: the adjusted budget if one was recorded, else the initial one. */
  adjusted: Decimal | null;
}

export function annualBudget(project: Project, actuals: ProjectActuals): AnnualBudget {
  const initial = inWan(project.budget.total, project.amountUnit);
  return { initial, adjusted: actuals.adjustedBudget === null ? initial : dec(actuals.adjustedBudget) };
}
