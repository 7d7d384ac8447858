/**
 * How a family's values are spread: the numbers (count, min, median, max — exact decimals, read by
 * the target-value grammar), the relations they were written with, and qualitative grades counted.
 */
import type { DecimalText } from '../model/document.ts';
import { Decimal } from '../model/decimal.ts';
import { compareDecimal } from '../review/compare.ts';
import type { Operator, TargetValue } from '../target-value/target-value.ts';

export interface Distribution {
  /** Values read as a number (ranges count by their lower bound). */
  count: number;
  min: DecimalText | null;
  median: DecimalText | null;
  max: DecimalText | null;
  /** How often each relation was written ("≥": 12, "=": 3). */
  operators: Partial<Record<Operator, number>>;
  /** How often each qualitative grade was written ("明显改善": 4). */
  grades: Record<string, number>;
  /** Values the grammar could not read. */
  unreadable: number;
}

/**
 * Collects values one at a time — or a value with how many times it was written, as the store's
 * per-family counts hold them — then summarises them once.
 */
export class DistributionBuilder {
  private readonly numbers: Array<{ value: DecimalText; times: number }> = [];
  private readonly operators: Partial<Record<Operator, number>> = {};
  private readonly grades: Record<string, number> = {};
  private unreadable = 0;

  add(value: TargetValue, times = 1): void {
    if (value.kind === 'quantitative') this.addNumber(value.value, value.operator, times);
    else if (value.kind === 'qualitative') this.addGrade(value.grade, times);
    else if (value.kind === 'unreadable') this.unreadable += Math.max(0, times);
  }

  /** A number written `times` times with the relation `operator` (a range by its lower bound). */
  addNumber(value: DecimalText, operator: Operator, times = 1): void {
    if (times <= 0) return;
    this.numbers.push({ value, times });
    this.operators[operator] = (this.operators[operator] ?? 0) + times;
  }

  addGrade(grade: string, times = 1): void {
    if (times > 0) this.grades[grade] = (this.grades[grade] ?? 0) + times;
  }

  build(): Distribution {
    const sorted = [...this.numbers].sort((a, b) => compareDecimal(a.value, b.value));
    const count = sorted.reduce((n, x) => n + x.times, 0);
    return {
      count,
      min: sorted[0]?.value ?? null,
      median: median(sorted, count),
      max: sorted.at(-1)?.value ?? null,
      operators: { ...this.operators },
      grades: { ...this.grades },
      unreadable: this.unreadable,
    };
  }
}

/** The value at a 0-based place of the sorted values, each repeated its times. */
function at(sorted: ReadonlyArray<{ value: DecimalText; times: number }>, place: number): DecimalText {
  let seen = 0;
  for (const x of sorted) {
    seen += x.times;
    if (place < seen) return x.value;
  }
  return sorted.at(-1)!.value;
}

function median(sorted: ReadonlyArray<{ value: DecimalText; times: number }>, count: number): DecimalText | null {
  if (count === 0) return null;
  const middle = count >> 1;
  if (count % 2 === 1) return at(sorted, middle);
  return new Decimal(at(sorted, middle - 1)).plus(at(sorted, middle)).div(2).toFixed();
}

/** The entry of a count record that occurs most (the first written on a tie). */
export function mostCommon<K extends string>(counts: Partial<Record<K, number>>): K | null {
  let best: K | null = null;
  for (const [key, n] of Object.entries(counts) as [K, number][]) if (best === null || n > counts[best]!) best = key;
  return best;
}

/**
 * The target peers typically write: the median with the relation written most often ("≥95%"), or,
 * where the values are grades, the grade written most often.
 */
export function typicalTarget(d: Distribution, unit: string): string | null {
  const operator = mostCommon(d.operators);
  const numbers = d.count;
  const gradeCount = Object.values(d.grades).reduce((a, b) => a + b, 0);
  if (numbers > 0 && numbers >= gradeCount && d.median !== null) {
    const relation = operator === null || operator === 'range' ? '' : operator;
    return `${relation}${d.median}${unit}`;
  }
  return mostCommon(d.grades);
}
