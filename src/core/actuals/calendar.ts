/**
 * Calendar dates as the actuals carry them: ISO text "2020-06-30". Text, not `Date`, because a
 * budget date is a day in China, not an instant: a `Date` would shift with the machine's time zone.
 * ISO text also sorts and compares as plain strings.
 */

/** A calendar day, "YYYY-MM-DD". */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** The date of a day, or null when there is no such day (2月30日). */
export function isoDate(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export const endOfMonth = (year: number, month: number): IsoDate => isoDate(year, month, daysInMonth(year, month))!;

export const isIsoDate = (s: string): s is IsoDate => {
  const m = ISO.exec(s);
  return m !== null && isoDate(Number(m[1]), Number(m[2]), Number(m[3])) === s;
};

export const yearOf = (date: IsoDate): number => Number(date.slice(0, 4));

/** The share of the year passed by the end of a day: 2020-06-30 is 182 of 366 days. */
export function yearElapsed(date: IsoDate): { days: number; of: number } {
  const year = yearOf(date);
  const month = Number(date.slice(5, 7));
  let days = Number(date.slice(8, 10));
  for (let m = 1; m < month; m++) days += daysInMonth(year, m);
  return { days, of: isLeapYear(year) ? 366 : 365 };
}
