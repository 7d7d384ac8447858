/** The budget year's first and last day: what date pickers on a year's actuals allow. */
export const yearBounds = (year: number): [string, string] => [`${year}-01-01`, `${year}-12-31`];

/** A date held to the budget year (today for the current year, else the year's last day). */
export function defaultDate(year: number, today = new Date()): string {
  const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  const [min, max] = yearBounds(year);
  return iso < min ? min : iso > max ? max : iso;
}
