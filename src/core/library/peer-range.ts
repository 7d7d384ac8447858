/**
 * The range of a family's targets among a unit's peers (other units, any year): what the review's
 * "far off its family" rule compares a target with. A unit is no peer of itself.
 */
import type { DecimalText, Indicator, TargetDocument } from '../model/document.ts';
import { DistributionBuilder } from './distribution.ts';
import type { Family } from './families.ts';
import { familyKey } from './family-key.ts';
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

/**
 * The peer range of each family the document's rows belong to, by family key, leaving out the
 * document's own unit. Only those families are read: a review asks for a few dozen of a province's
 * thousands.
 */
export function peerRangesFor(document: TargetDocument, families: readonly Family[]): Map<string, PeerRange> {
  const read = targetReader();
  const own = unitKey(document.unit);
  const rows: Indicator[] = [...(document.department?.indicators ?? []), ...document.projects.flatMap((p) => p.indicators)];
  const wanted = new Set<string>();
  for (const row of rows) {
    const key = familyKey(row, read(row.target));
    if (key !== null) wanted.add(key);
  }
  const out = new Map<string, PeerRange>();
  for (const family of families) {
    if (!wanted.has(family.key)) continue;
    const values = new DistributionBuilder();
    const units = new Set<string>();
    for (const use of family.uses) {
      const unit = unitKey(use.unit);
      const target = read(use.target);
      if (unit === own || target.kind !== 'quantitative') continue;
      values.add(target);
      units.add(unit);
    }
    const d = values.build();
    if (d.count > 0)
      out.set(family.key, { count: d.count, units: units.size, min: d.min!, median: d.median!, max: d.max!, unit: family.unit });
  }
  return out;
}
