/**
 * Families: every observed indicator grouped with the others of the same measure (./family-key.ts),
 * across units and years, with how their targets and actuals are spread and who uses them.
 */
import type { Unit } from '../model/document.ts';
import { DistributionBuilder, mostCommon, typicalTarget, type Distribution } from './distribution.ts';
import { familyKey, KEY_SEPARATOR } from './family-key.ts';
import { labelOf, type Observation, type ObservedProject } from './observation.ts';
import { targetReader } from './target-reader.ts';

/** One use of a family: a row of a unit's project in a year. */
export interface FamilyUse {
  unit: Unit;
  year: number | null;
  project: ObservedProject | null;
  target: string;
  actual: string | null;
}

export interface Family {
  key: string;
  /** The name written most often for it, as written. */
  label: string;
  /** The 一级 and 二级 cells written most often. */
  level1: string;
  level2: string;
  unit: string;
  targets: Distribution;
  actuals: Distribution;
  uses: FamilyUse[];
  /** The typical target ("≥95%", "明显改善"); null without readable targets. */
  typical: string | null;
}

interface Builder {
  key: string;
  unit: string;
  labels: Record<string, number>;
  level1s: Record<string, number>;
  level2s: Record<string, number>;
  targets: DistributionBuilder;
  actuals: DistributionBuilder;
  uses: FamilyUse[];
}

/** The families of the observations, most used first (then by key, so the order is repeatable). */
export function groupFamilies(observations: Iterable<Observation>): Family[] {
  const read = targetReader();
  const builders = new Map<string, Builder>();
  for (const o of observations) {
    const target = read(o.indicator.target);
    const key = o.familyKey !== undefined ? o.familyKey : familyKey(o.indicator, target);
    if (key === null) continue;
    let b = builders.get(key);
    if (b === undefined) {
      const unit = key.split(KEY_SEPARATOR)[1] ?? '';
      b = {
        key,
        unit,
        labels: {},
        level1s: {},
        level2s: {},
        targets: new DistributionBuilder(),
        actuals: new DistributionBuilder(),
        uses: [],
      };
      builders.set(key, b);
    }
    count(b.labels, labelOf(o.indicator));
    count(b.level1s, o.indicator.level1.trim());
    count(b.level2s, o.indicator.level2.trim());
    b.targets.add(target);
    if (o.actual !== null) b.actuals.add(read(o.actual));
    b.uses.push({ unit: o.unit, year: o.year, project: o.project, target: o.indicator.target, actual: o.actual });
  }
  const families = [...builders.values()].map((b): Family => {
    const targets = b.targets.build();
    const level1 = mostCommon(b.level1s) ?? '';
    return {
      key: b.key,
      label: mostCommon(b.labels) ?? '',
      level1,
      level2: mostCommon(b.level2s) ?? '',
      unit: b.unit,
      targets,
      actuals: b.actuals.build(),
      uses: b.uses,
      typical: typicalTarget(targets, b.unit),
    };
  });
  return families.sort((a, b) => b.uses.length - a.uses.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function count(counts: Record<string, number>, text: string): void {
  counts[text] = (counts[text] ?? 0) + 1;
}
