/**
 * The family of an indicator: the same measure (normalised wording), in the same unit, under the
 * same 二级 — across units and years. The key is what families are grouped by and what the review
 * looks a row's peers up with.
 */
import { level2KindOfCell } from '../framework/framework.ts';
import type { Indicator } from '../model/document.ts';
import type { TargetValue } from '../target-value/target-value.ts';
import { measureUnitOf } from './measure.ts';
import { labelOf } from './observation.ts';
import { normaliseWording } from './wording.ts';

export interface FamilyKeyParts {
  /** The 二级 kind ("quality"), or the cell as written where it names no kind the framework knows. */
  level2: string;
  unit: string;
  wording: string;
}

export function familyKeyParts(indicator: Indicator, target: TargetValue): FamilyKeyParts | null {
  const label = labelOf(indicator);
  const wording = normaliseWording(label);
  if (wording === '') return null;
  const level2 = indicator.level2.trim();
  return { level2: level2KindOfCell(level2) ?? normaliseWording(level2), unit: measureUnitOf(indicator, target, label) ?? '', wording };
}

/**
 * Between the key's parts: a control character no part holds (wording keeps letters and digits only),
 * and not NUL, which a database's text cannot store.
 */
export const KEY_SEPARATOR = '\u001f';

/** The key of an indicator's family; null where its wording is only numbers and punctuation. */
export function familyKey(indicator: Indicator, target: TargetValue): string | null {
  const parts = familyKeyParts(indicator, target);
  return parts === null ? null : [parts.level2, parts.unit, parts.wording].join(KEY_SEPARATOR);
}
