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

/** Collects values one at a time, then summarises them once. */
export class DistributionBuilder {
  private readonly numbers: DecimalText[] = [];
  private readonly operators: Partial<Record<Operator, number>> = {};
  private readonly grades: Record<string, number> = {};
  private unreadable = 0;

  add(value: TargetValue): void {
    if (value.kind === 'quantitative') {
      this.numbers.push(value.value);
      this.operators[value.operator] = (this.operators[value.operator] ?? 0) + 1;
    } else if (value.kind === 'qualitative') this.grades[value.grade] = (this.grades[value.grade] ?? 0) + 1;
    else if (value.kind === 'unreadable') this.unreadable++;
  }

  build(): Distribution {
    const sorted = [...this.numbers].sort(compareDecimal);
    return {
      count: sorted.length,
      min: sorted[0] ?? null,
      median: median(sorted),
      max: sorted.at(-1) ?? null,
      operators: { ...this.operators },
      grades: { ...this.grades },
      unreadable: this.unreadable,
    };
  }
}

function median(sorted: readonly DecimalText[]): DecimalText | null {
  if (sorted.length === 0) return null;
  const middle = sorted.length >> 1;
  if (sorted.length % 2 === 1) return sorted[middle]!;
  return new Decimal(sorted[middle - 1]!).plus(sorted[middle]!).div(2).toFixed();
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
