/**
 * 一级 labels and block labels that carry points: "成本指标(0-20)分", "产出 指标 (60分)",
 * "绩效指标(90分)", "绩效指标(权重分值90分,其中产出指标权重分值50分,效益指标权重分值30分,…)".
 * The label is kept without them; the points are what the profile is checked against.
 */
import type { DecimalText } from '../../core/model/document.ts';

export interface Points {
  min: DecimalText;
  max: DecimalText;
}

const SPACES = /\s+/gu;
const LINE_BREAK = /\s*[\r\n]\s*/gu;
const POINTS_SUFFIX = /^(.+?)\s*[(（]\s*(\d+(?:\.\d+)?)(?:\s*[-~～至—]\s*(\d+(?:\.\d+)?))?\s*分?\s*[)）]\s*分?$/u;

/**
 * A 一级 or 二级 label as written: a narrow merged cell breaks it over lines ("产出\n指标"), which is
 * layout; a space the form printed ("社会、经济、生态效益 指标") is kept.
 */
export const labelText = (text: string): string => text.trim().replace(LINE_BREAK, '');

/** A 一级 label without its points, and the points it carried. */
export function readLevel1Label(text: string): { name: string; points: Points | null } {
  const t = labelText(text);
  if (!t.includes('(') && !t.includes('（')) return { name: t, points: null };
  const m = POINTS_SUFFIX.exec(t);
  if (m === null) return { name: t, points: null };
  return { name: m[1]!, points: { min: m[2]!, max: m[3] ?? m[2]! } };
}

const BLOCK_TOTAL = /[(（](?:权重分值|分值|权重)?(\d+(?:\.\d+)?)分/u;
const LEVEL1_SHARE = /([^,，;；()（）其中]+?指标)(?:权重分值|分值|权重)(\d+(?:\.\d+)?)分/gu;

/** The points a block label gives the whole table and, where it says, each 一级. */
export function readBlockPoints(text: string): { total: DecimalText | null; level1: Map<string, DecimalText> } {
  const t = text.replace(SPACES, '');
  const level1 = new Map<string, DecimalText>();
  if (!t.includes('分')) return { total: null, level1 };
  for (const m of t.matchAll(LEVEL1_SHARE)) level1.set(m[1]!, m[2]!);
  return { total: BLOCK_TOTAL.exec(t)?.[1] ?? null, level1 };
}
