/**
 * How the target-value grammar read what the user typed, as short labelled parts: kind, relation,
 * number (or range), unit and direction for a quantity; kind, grade and direction for a grade.
 * Each part has a short text for the cell and a long one (its label and meaning) for the tooltip.
 */
import { parseTargetValue } from '../../core/target-value/parse.ts';
import type { TargetValue } from '../../core/target-value/target-value.ts';
import type { Messages } from '../../i18n/index.ts';

export interface ReadingPart {
  text: string;
  /** "关系：不低于（≥）" */
  title: string;
}

export interface TargetReading {
  value: TargetValue;
  parts: ReadingPart[];
  state: 'ok' | 'empty' | 'unreadable';
}

export function readTarget(text: string, m: Messages['web']['targetValue']): TargetReading {
  const value = parseTargetValue(text);
  const l = m.labels;
  const part = (label: string, short: string, long = short): ReadingPart => ({ text: short, title: `${label}：${long}` });
  switch (value.kind) {
    case 'empty':
      return { value, parts: [], state: 'empty' };
    case 'unreadable':
      return { value, parts: [], state: 'unreadable' };
    case 'qualitative':
      return {
        value,
        parts: [
          part(l.kind, m.qualitative),
          part(l.grade, value.grade),
          part(l.direction, m.directionShort[value.direction]!, m.direction[value.direction]),
        ],
        state: 'ok',
      };
    case 'quantitative':
      return {
        value,
        parts: [
          part(l.kind, m.quantitative),
          part(l.operator, value.operator === 'range' ? m.operator.range! : value.operator, m.operator[value.operator]),
          part(l.number, value.operator === 'range' ? m.range(value.value, value.upper ?? '') : value.value),
          part(l.unit, value.unit === '' ? m.noUnit : value.unit),
          part(l.direction, m.directionShort[value.direction]!, m.direction[value.direction]),
        ],
        state: 'ok',
      };
  }
}
