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
  return (await familySummariesOfUnits(db, scope, keys, unitId === null ? [] : [unitId]))(keys, unitId);
}

/**
 * familySummaries for several asking units at once (a bulk load reviews a file's documents
 * together): the families' values read once for all the keys, each unit's own in one statement
 * for all of them. Returns the summaries of some of the keys as one unit (or null: no one) asks.
 */
async function familySummariesOfUnits(
  db: Db,
  scope: LibraryScope,
  keys: readonly string[],
  unitIds: readonly number[],
): Promise<(keys: readonly string[], unitId: number | null) => Map<string, FamilySummary>> {
  const wanted = [...new Set(keys)];
  if (wanted.length === 0) return () => new Map();
  const units = [...new Set(unitIds)];
  // The families' values with how many units write them, then — only where there are any — the
  // asking units' own, to leave out: a file of new units in a fresh province reads one statement.
  const values = await db
    .selectFrom('library_family_values as v')
    .leftJoin('library_families as f', (j) => j.onRef('f.scope', '=', 'v.scope').onRef('f.family_key', '=', 'v.family_key'))
    .select(['v.family_key', 'v.value', 'v.operator', 'v.grade', 'v.uses', 'f.units'])
    .where('v.scope', '=', scope)
    .where('v.family_key', 'in', wanted)
    .execute();
  const found = [...new Set(values.map((v) => v.family_key))];
  const [own, ownUnits] =
    units.length === 0 || found.length === 0
      ? [[], []]
      : await Promise.all([
          db
            .selectFrom('library_document_values')
            .select(['unit_id', 'family_key', 'value', 'operator', 'grade'])
            .select((eb) => eb.fn.sum<string>('uses').as('uses'))
            .where('unit_id', 'in', units)
            .where('family_key', 'in', found)
            .$if(scope === 'published', (q) => q.where('published', '=', true))
            .groupBy(['unit_id', 'family_key', 'value', 'operator', 'grade'])
            .execute(),
          db
            .selectFrom('library_family_units')
            .select(['unit_id', 'family_key'])
            .where('scope', '=', scope)
            .where('unit_id', 'in', units)
            .where('family_key', 'in', found)
            .execute(),
        ]);
  const slot = (r: { family_key: string; value: string; operator: string; grade: string }) =>
    `${r.family_key}\u0000${r.value}\u0000${r.operator}\u0000${r.grade}`;
  const ownUses = new Map(own.map((r) => [`${r.unit_id}\u0000${slot(r)}`, Number(r.uses)]));
  const ownFamilies = new Set(ownUnits.map((r) => `${r.unit_id}\u0000${r.family_key}`));
  const valuesOf = new Map<string, typeof values>();
  for (const r of values) {
    const rows = valuesOf.get(r.family_key);
    if (rows === undefined) valuesOf.set(r.family_key, [r]);
    else rows.push(r);
  }
  const unitsOf = new Map(values.map((v) => [v.family_key, v.units ?? 0]));
  return (asked, unitId) => {
    const out = new Map<string, FamilySummary>();
    for (const key of new Set(asked)) {
      const rows = valuesOf.get(key);
      if (rows === undefined) continue;
      const b = new DistributionBuilder();
      for (const r of rows) {
        const times = r.uses - (ownUses.get(`${unitId}\u0000${slot(r)}`) ?? 0);
        if (r.value !== '') b.addNumber(r.value, r.operator as Operator, times);
        else if (r.grade !== '') b.addGrade(r.grade, times);
      }
      out.set(key, {
        key,
        unit: familyUnit(key),
        targets: b.build(),
        units: (unitsOf.get(key) ?? 0) - (ownFamilies.has(`${unitId}\u0000${key}`) ? 1 : 0),
      });
    }
    return out;
  };
}

/** The off-family rule's peer ranges for one document (documentsPeers). */
export async function documentPeers(db: Db, unitId: number, document: TargetDocument): Promise<Map<string, PeerRange>> {
  return (await documentsPeers(db, [{ unitId, document }]))[0]!;
}

/**
 * The off-family rule's peer range of each family of each document's rows, as its unit asks:
 * other units' targets in approved and published documents, any year (core/library/peer-range.ts
 * computes the same from files). One read for all the documents.
 */
export async function documentsPeers(
  db: Db,
  subjects: ReadonlyArray<{ unitId: number; document: TargetDocument }>,
): Promise<Map<string, PeerRange>[]> {
  const keysOf = subjects.map(({ document }) =>
    [...(document.department?.indicators ?? []), ...document.projects.flatMap((p) => p.indicators)].flatMap(
      (row) => familyKey(row, parseTargetValue(row.target)) ?? [],
    ),
  );
  const summaries = await familySummariesOfUnits(
    db,
    'all',
    keysOf.flat(),
    subjects.map((s) => s.unitId),
  );
  return subjects.map(({ unitId }, i) => {
    const out = new Map<string, PeerRange>();
    for (const [key, s] of summaries(keysOf[i]!, unitId)) {
      const d = s.targets;
      if (d.count > 0) out.set(key, { count: d.count, units: s.units, min: d.min!, median: d.median!, max: d.max!, unit: s.unit });
    }
    return out;
  });
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
