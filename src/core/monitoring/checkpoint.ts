/**
 * The dates of a spending plan's checkpoints (资金支出计划的时点) in a budget year, and the plan
 * as it stands on any date.
 *
 * Labels read: 3月底 / 3月末 / 3月 / 三月底 / 3月31日 → that day or the month's end;
 * 第一季度 / 一季度 / 1季度 / Q1 / 第一季度末 → 3月31日 …; 上半年 → 6月30日; 前三季度 → 9月30日;
 * 全年 / 年底 / 年末 / 下半年 → 12月31日; and ISO dates.
 *
 * Between checkpoints the plan is the last checkpoint passed (not an interpolation): the plan
 * only promises its percentages at its checkpoints, and a unit is not judged against a checkpoint
 * that has not yet come. Before the first checkpoint the plan is 0 %.
 */
import { endOfMonth, isIsoDate, isoDate, type IsoDate } from '../actuals/calendar.ts';
import { Decimal } from '../model/decimal.ts';
import type { SpendingCheckpoint } from '../model/document.ts';

const CHINESE_NUMBERS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  十一: 11,
  十二: 12,
};

const number = (s: string): number => CHINESE_NUMBERS[s] ?? Number(s);

const MONTH = /^(\d{1,2}|十[一二]?|[一二三四五六七八九])月(?:份)?(?:底|末|末前|底前)?$/;
const MONTH_DAY = /^(\d{1,2}|十[一二]?|[一二三四五六七八九])月(\d{1,2})日$/;
const QUARTER = /^(?:第)?([1-4一二三四])季度(?:末|底)?$|^Q([1-4])$/i;
const FIRST_QUARTERS = /^前([1-4一二三四])(?:个)?季度$/;
const HALF = /^上半年(?:末|底)?$/;
const YEAR_END = /^(?:全年|年底|年末|下半年|下半年末|12月31日前|年度)$/;

/** The date a checkpoint label names in a year, or null when it names none. */
export function checkpointDate(label: string, year: number): IsoDate | null {
  const s = label.replace(/[\s\u3000]/g, '').replace(/[０-９Ｑｑ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (isIsoDate(s)) return s;
  let m = MONTH.exec(s);
  if (m) {
    const month = number(m[1]!);
    return month >= 1 && month <= 12 ? endOfMonth(year, month) : null;
  }
  if ((m = MONTH_DAY.exec(s))) return isoDate(year, number(m[1]!), Number(m[2]));
  if ((m = QUARTER.exec(s)) || (m = FIRST_QUARTERS.exec(s))) return endOfMonth(year, number((m[1] ?? m[2])!) * 3);
  if (HALF.test(s)) return endOfMonth(year, 6);
  if (YEAR_END.test(s)) return endOfMonth(year, 12);
  return null;
}

/** A checkpoint of the plan with its date; `date` is null when the label could not be read. */
export interface DatedCheckpoint {
  label: string;
  date: IsoDate | null;
  /** Cumulative percent of the budget; null when the cell was empty. */
  percent: Decimal | null;
}

export const datedPlan = (plan: readonly SpendingCheckpoint[], year: number): DatedCheckpoint[] =>
  plan.map((c) => ({
    label: c.checkpoint,
    date: checkpointDate(c.checkpoint, year),
    percent: c.percent === null ? null : new Decimal(c.percent),
  }));

/** The last checkpoint on or before the date that has a date and a percent; null before the first. */
export function checkpointPassed(plan: readonly DatedCheckpoint[], date: IsoDate): DatedCheckpoint | null {
  let passed: DatedCheckpoint | null = null;
  for (const c of plan)
    if (c.date !== null && c.percent !== null && c.date <= date && (passed === null || c.date >= passed.date!)) passed = c;
  return passed;
}
