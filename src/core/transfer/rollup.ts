/**
 * The roll-up of a transfer-payment fund (docs/transfer-payments.md): per region, each issued row
 * against the projects it was broken down to, and for the fund the issued targets against the
 * regions. A `quantity` row sums the targets (and the actuals) below it; a `rate` row is as strong as
 * its weakest place (the least of a higher-is-better target, the most of a lower-is-better one), and
 * its actual is the mean weighted by the money each place spends; a `grade` row is covered when
 * something below carries it. Money sums exactly. A row, or the money, that is not fully broken down
 * is `short` or `none` — 未分解 on the page and in the table.
 */
import { Decimal, dec, sum } from '../model/decimal.ts';
import type { DecimalText } from '../model/document.ts';
import { parseTargetValue } from '../target-value/parse.ts';
import type { TargetValue } from '../target-value/target-value.ts';
import { rowKind, type FundIndicator, type RowKind } from './fund.ts';

/** A project row mapped to a fund row: its 指标值, and its latest recorded actual (null: none yet). */
export interface MappedRow {
  target: string;
  actual: string | null;
}

export interface ProjectPart {
  breakdownId: number;
  projectId: number;
  projectCode: string;
  projectName: string;
  unitName: string;
  /** The money of the allocation this project spends (万元). */
  amount: DecimalText;
  /** Per fund row, the project's row mapped to it, or null. */
  rows: Array<MappedRow | null>;
}

export interface RegionInput {
  allocationId: number;
  bureauId: number;
  bureauName: string;
  amount: DecimalText;
  /** The region's 指标值 per fund row. */
  targets: readonly string[];
  projects: ProjectPart[];
}

export interface RollupInput {
  amount: DecimalText;
  indicators: readonly FundIndicator[];
  regions: readonly RegionInput[];
}

/** met: broken down in full; short: broken down, not to the target; none: nothing below carries it. */
export type Coverage = 'met' | 'short' | 'none';

export interface RollupRow {
  index: number;
  kind: RowKind;
  /** The 指标值 issued at this level. */
  issued: string;
  /** What the level below commits to, in the issued row's unit: a sum or the weakest value; null for a grade or when nothing counts. */
  planned: DecimalText | null;
  /** What the level below recorded, the same way; null until something is recorded. */
  actual: DecimalText | null;
  /** How many places below carry the row. */
  carried: number;
  coverage: Coverage;
}

export interface RegionRollup {
  allocationId: number;
  bureauId: number;
  bureauName: string;
  amount: DecimalText;
  brokenDown: DecimalText;
  moneyCoverage: Coverage;
  rows: RollupRow[];
  projects: ProjectPart[];
}

export interface FundRollup {
  amount: DecimalText;
  allocated: DecimalText;
  brokenDown: DecimalText;
  moneyCoverage: Coverage;
  rows: RollupRow[];
  regions: RegionRollup[];
  /** Every row and all the money broken down to projects, in every region. */
  complete: boolean;
}

/** One place below a row: its value (null when it has none that counts), its actual, and the money it spends. */
interface Place {
  target: string;
  actual: string | null;
  weight: DecimalText;
}

type Quantitative = Extract<TargetValue, { kind: 'quantitative' }>;

/**
 * A target or an actual ("≥600人", "1250人") as a number in the issued row's unit; a bare number counts
 * in any unit (the seed writes "≥98" for 98%). Null when it is no single number in that unit.
 */
function numberIn(text: string, issued: Quantitative): Decimal | null {
  const t = parseTargetValue(text);
  if (t.kind === 'quantitative' && t.operator !== 'range' && (t.unit === '' || issued.unit === '' || t.unit === issued.unit))
    return dec(t.value);
  return null;
}

function meets(issued: Quantitative, n: Decimal): boolean {
  if (issued.operator === 'range') return n.gte(issued.value) && n.lte(issued.upper!);
  if (issued.direction === 'lower') return issued.operator === '<' ? n.lt(issued.value) : n.lte(issued.value);
  if (issued.operator === '>') return n.gt(issued.value);
  return n.gte(issued.value);
}

const text = (d: Decimal | null): DecimalText | null => (d === null ? null : d.toFixed());

function rollRow(index: number, indicator: FundIndicator, issuedText: string, places: readonly Place[]): RollupRow {
  const issued = parseTargetValue(issuedText);
  const kind = rowKind(indicator, issued);
  const carried = places.length;
  const base = { index, kind, issued: issuedText, carried };
  if (issued.kind !== 'quantitative') {
    return { ...base, planned: null, actual: null, coverage: carried > 0 ? 'met' : 'none' };
  }
  const values = places.map((p) => numberIn(p.target, issued));
  const counted = values.filter((v): v is Decimal => v !== null);
  const actuals = places.map((p) => (p.actual === null ? null : numberIn(p.actual, issued)));
  let planned: Decimal | null = null;
  let actual: Decimal | null = null;
  if (kind === 'quantity') {
    planned = counted.length > 0 ? counted.reduce((a, b) => a.plus(b)) : null;
    const recorded = actuals.filter((v): v is Decimal => v !== null);
    actual = recorded.length > 0 ? recorded.reduce((a, b) => a.plus(b)) : null;
  } else {
    // The weakest place: a place with no readable value makes the row short, it does not hide.
    if (counted.length > 0) planned = issued.direction === 'lower' ? Decimal.max(...counted) : Decimal.min(...counted);
    const weighted = places.flatMap((p, i) => (actuals[i] ? [{ value: actuals[i], weight: dec(p.weight) }] : []));
    const weights = sum(weighted.map((w) => w.weight.toFixed()));
    if (weighted.length > 0)
      actual = weights.isZero()
        ? weighted.reduce((a, w) => a.plus(w.value), new Decimal(0)).div(weighted.length)
        : weighted.reduce((a, w) => a.plus(w.value.times(w.weight)), new Decimal(0)).div(weights);
    if (actual !== null) actual = actual.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  }
  let coverage: Coverage = 'none';
  if (carried > 0) coverage = planned !== null && counted.length === carried && meets(issued, planned) ? 'met' : 'short';
  return { ...base, planned: text(planned), actual: text(actual), coverage };
}

const moneyCoverage = (below: Decimal, above: DecimalText): Coverage => (below.isZero() ? 'none' : below.gte(above) ? 'met' : 'short');

/** Exact sum keeping the inputs' decimals ("4.10" + "39.00" is "43.10"). */
function exact(values: readonly DecimalText[]): { value: Decimal; text: DecimalText } {
  const places = Math.max(0, ...values.map((a) => a.split('.')[1]?.length ?? 0));
  const value = sum(values);
  return { value, text: value.toFixed(places) };
}

export function rollUp(input: RollupInput): FundRollup {
  const regions: RegionRollup[] = input.regions.map((r) => {
    const money = exact(r.projects.map((p) => p.amount));
    const rows = input.indicators.map((ind, i) =>
      rollRow(
        i,
        ind,
        r.targets[i] ?? ind.target,
        r.projects.flatMap((p) => {
          const row = p.rows[i];
          return row ? [{ target: row.target, actual: row.actual, weight: p.amount }] : [];
        }),
      ),
    );
    return {
      allocationId: r.allocationId,
      bureauId: r.bureauId,
      bureauName: r.bureauName,
      amount: r.amount,
      brokenDown: money.text,
      moneyCoverage: moneyCoverage(money.value, r.amount),
      rows,
      projects: r.projects,
    };
  });
  const allocated = exact(input.regions.map((r) => r.amount));
  const brokenDown = exact(regions.map((r) => r.brokenDown));
  // The fund's rows against the regions: a region's committed value and actual stand for it.
  const rows = input.indicators.map((ind, i) =>
    rollRow(
      i,
      ind,
      ind.target,
      regions.flatMap((r) => {
        const row = r.rows[i]!;
        return row.carried > 0 ? [{ target: row.planned === null ? '' : `${row.planned}`, actual: row.actual, weight: r.brokenDown }] : [];
      }),
    ),
  );
  const complete =
    regions.length > 0 &&
    regions.every((r) => r.moneyCoverage === 'met' && r.rows.every((x) => x.coverage === 'met')) &&
    allocated.value.gte(input.amount);
  return {
    amount: input.amount,
    allocated: allocated.text,
    brokenDown: brokenDown.text,
    moneyCoverage: moneyCoverage(brokenDown.value, input.amount),
    rows,
    regions,
    complete,
  };
}
