/**
 * What peers wrote for a family of the same measure, from the sums migration 0016 keeps: the
 * distribution of their targets and how many units wrote numbers, the asking unit's own left out.
 * A review asks this for the families of a document's rows (the off-family rule's peer ranges);
 * the public portal for one published row, from published documents only.
 */
import { DistributionBuilder, typicalTarget, type Distribution } from '../../core/library/distribution.ts';
import { familyKey, KEY_SEPARATOR } from '../../core/library/family-key.ts';
import { labelOf } from '../../core/library/observation.ts';
import type { PeerRange } from '../../core/library/peer-range.ts';
import type { TargetDocument } from '../../core/model/document.ts';
import { parseTargetValue } from '../../core/target-value/parse.ts';
import type { Operator } from '../../core/target-value/target-value.ts';
import { indicatorOf } from '../documents/content.ts';
import type { Db, LibraryScope } from '../schema.ts';

export interface FamilySummary {
  key: string;
  /** The unit of measure the family's key holds. */
  unit: string;
  targets: Distribution;
  /** Units other than the asking one with a numeric target of the family. */
  units: number;
}

/** The unit of measure of a family key (core/library/family-key.ts: level2, unit, wording). */
export const familyUnit = (key: string): string => key.split(KEY_SEPARATOR)[1] ?? '';

/**
 * The families' summaries in `scope`, leaving out `unitId`'s own targets (null: no one's). Reads
 * each family's counted values (a few dozen rows) and the unit's own, whatever the province's size.
 */
export async function familySummaries(
  db: Db,
  scope: LibraryScope,
  keys: readonly string[],
  unitId: number | null,
): Promise<Map<string, FamilySummary>> {
  const out = new Map<string, FamilySummary>();
  if (keys.length === 0) return out;
  const wanted = [...new Set(keys)];
  const [values, families, own, ownUnits] = await Promise.all([
    db
      .selectFrom('library_family_values')
      .select(['family_key', 'value', 'operator', 'grade', 'uses'])
      .where('scope', '=', scope)
      .where('family_key', 'in', wanted)
      .execute(),
    db
      .selectFrom('library_families')
      .select(['family_key', 'units'])
      .where('scope', '=', scope)
      .where('family_key', 'in', wanted)
      .execute(),
    unitId === null
      ? []
      : db
          .selectFrom('library_document_values')
          .select(['family_key', 'value', 'operator', 'grade'])
          .select((eb) => eb.fn.sum<string>('uses').as('uses'))
          .where('unit_id', '=', unitId)
          .where('family_key', 'in', wanted)
          .$if(scope === 'published', (q) => q.where('published', '=', true))
          .groupBy(['family_key', 'value', 'operator', 'grade'])
          .execute(),
    unitId === null
      ? []
      : db
          .selectFrom('library_family_units')
          .select('family_key')
          .where('scope', '=', scope)
          .where('unit_id', '=', unitId)
          .where('family_key', 'in', wanted)
          .execute(),
  ]);
  const slot = (r: { family_key: string; value: string; operator: string; grade: string }) =>
    `${r.family_key}\u0000${r.value}\u0000${r.operator}\u0000${r.grade}`;
  const ownUses = new Map(own.map((r) => [slot(r), Number(r.uses)]));
  const builders = new Map<string, DistributionBuilder>();
  for (const r of values) {
    let b = builders.get(r.family_key);
    if (b === undefined) {
      b = new DistributionBuilder();
      builders.set(r.family_key, b);
    }
    const times = r.uses - (ownUses.get(slot(r)) ?? 0);
    if (r.value !== '') b.addNumber(r.value, r.operator as Operator, times);
    else if (r.grade !== '') b.addGrade(r.grade, times);
  }
  const unitsOf = new Map(families.map((f) => [f.family_key, f.units]));
  const ownFamilies = new Set(ownUnits.map((r) => r.family_key));
  for (const [key, b] of builders)
    out.set(key, {
      key,
      unit: familyUnit(key),
      targets: b.build(),
      units: (unitsOf.get(key) ?? 0) - (ownFamilies.has(key) ? 1 : 0),
    });
  return out;
}

/**
 * The off-family rule's peer range of each family of the document's rows: other units' targets in
 * approved and published documents, any year (core/library/peer-range.ts computes the same from files).
 */
export async function documentPeers(db: Db, unitId: number, document: TargetDocument): Promise<Map<string, PeerRange>> {
  const rows = [...(document.department?.indicators ?? []), ...document.projects.flatMap((p) => p.indicators)];
  const keys = rows.flatMap((row) => familyKey(row, parseTargetValue(row.target)) ?? []);
  const out = new Map<string, PeerRange>();
  for (const [key, s] of await familySummaries(db, 'all', keys, unitId)) {
    const d = s.targets;
    if (d.count > 0) out.set(key, { count: d.count, units: s.units, min: d.min!, median: d.median!, max: d.max!, unit: s.unit });
  }
  return out;
}

export interface PublicUse {
  unitName: string;
  year: number;
  projectName: string;
  target: string;
}

export interface PublicPeers {
  label: string;
  unit: string;
  level2: string;
  count: number;
  units: number;
  min: string | null;
  median: string | null;
  max: string | null;
  typical: string | null;
  uses: PublicUse[];
}

/** How many uses the public comparison lists. */
const PUBLIC_USES = 50;

/**
 * The public comparison of a published row: what other units wrote for the same measure in their
 * published documents, any year — never a draft's or a merely approved document's. Undefined
 * unless the row's own document is published.
 */
export async function publicPeers(db: Db, indicatorId: number): Promise<PublicPeers | undefined> {
  const row = await db
    .selectFrom('indicators as i')
    .innerJoin('projects as p', 'p.id', 'i.project_id')
    .innerJoin('documents as d', 'd.id', 'p.document_id')
    .selectAll('i')
    .select(['d.unit_id', 'd.status'])
    .where('i.id', '=', indicatorId)
    .executeTakeFirst();
  if (row?.status !== 'published') return undefined;
  const indicator = indicatorOf(row);
  const key = row.family_key;
  const summary = key === null ? undefined : (await familySummaries(db, 'published', [key], row.unit_id)).get(key);
  const uses =
    key === null
      ? []
      : await db
          .selectFrom('indicators as i')
          .innerJoin('library_projects as lp', 'lp.project_id', 'i.project_id')
          .innerJoin('units as u', 'u.id', 'lp.unit_id')
          .select(['u.name as unitName', 'lp.year', 'lp.name as projectName', 'i.target'])
          .where('i.family_key', '=', key)
          .where('lp.status', '=', 'published')
          .where('lp.unit_id', '<>', row.unit_id)
          .orderBy('i.project_id', 'desc')
          .limit(PUBLIC_USES)
          .execute();
  const unit = key === null ? '' : familyUnit(key);
  const d = summary?.targets;
  return {
    label: labelOf(indicator),
    unit,
    level2: indicator.level2,
    count: d?.count ?? 0,
    units: summary?.units ?? 0,
    min: d?.min ?? null,
    median: d?.median ?? null,
    max: d?.max ?? null,
    typical: d === undefined ? null : typicalTarget(d, unit),
    uses: uses.map((u) => ({ unitName: u.unitName, year: u.year, projectName: u.projectName, target: u.target })),
  };
}
