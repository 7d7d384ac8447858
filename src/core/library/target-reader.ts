/**
 * Target cells repeat across a history ("≥90%", "100%", "明显改善"): a reader that parses each distinct
 * text once, for one pass over many rows (grouping, peer ranges, history matching).
 */
import { parseTargetValue } from '../target-value/parse.ts';
import type { TargetValue } from '../target-value/target-value.ts';

export function targetReader(): (text: string) => TargetValue {
  const read = new Map<string, TargetValue>();
  return (text) => {
    let value = read.get(text);
    if (value === undefined) {
      value = parseTargetValue(text);
      read.set(text, value);
    }
    return value;
  };
}
