/**
 * The range of a family's targets among a unit's peers (other units, any year): what the review's
 * "far off its family" rule compares a target with. A unit is no peer of itself.
 */
import type { DecimalText } from '../model/document.ts';
import { DistributionBuilder } from './distribution.ts';
import type { Family } from './families.ts';
import { unitKey } from './observation.ts';
import { targetReader } from './target-reader.ts';

export interface PeerRange {
  /** Numeric targets of peers. */
  count: number;
  /** Distinct peer units that wrote them. */
  units: number;
  min: DecimalText;
  median: DecimalText;
  max: DecimalText;
  unit: string;
}

/** Each family's peer range by family key, leaving out `unit`'s own rows (a unit key, ./observation.ts). */
export function peerRanges(families: readonly Family[], unit: string | null): Map<string, PeerRange> {
  const out = new Map<string, PeerRange>();
  const read = targetReader();
  for (const family of families) {
    const values = new DistributionBuilder();
    const units = new Set<string>();
    for (const use of family.uses) {
      const key = unitKey(use.unit);
      if (key === unit) continue;
      const target = read(use.target);
      if (target.kind !== 'quantitative') continue;
      values.add(target);
      units.add(key);
    }
    const d = values.build();
    if (d.count > 0)
      out.set(family.key, { count: d.count, units: units.size, min: d.min!, median: d.median!, max: d.max!, unit: family.unit });
  }
  return out;
}
