/**
 * Bureaus and units in bulk (a units file, or the admin's bulk route): a province's tree of
 * thousands of rows is checked whole, then written with a few set-based INSERTs in the caller's
 * transaction — rows, closure-table pairs and one audit entry per created bureau or unit, as
 * createBureau and createUnit (../organisation.ts) write them one at a time. A row whose code
 * exists already is left as it is (a units file can be loaded again), unless it names another
 * parent: moving is not a bulk import's business. The first problem throws an ImportError naming
 * the row, so the caller's transaction writes nothing. Codes are looked up as one array parameter
 * each: a province's units file has more codes than a statement has bind parameters.
 */
import { sql } from 'kysely';
import type { OrganisationRow } from '../../formats/units-file.ts';
import { ImportError, type ImportLocation } from '../../formats/import-error.ts';
import { named } from '../../i18n/message-ref.ts';
import type { MessageRef } from '../../i18n/message-ref.ts';
import { recordAudits, type Actor } from '../audit.ts';
import { insertRows, insertRowsReturning } from '../documents/content.ts';
import type { Trx } from '../schema.ts';

export interface OrganisationResult {
  bureausCreated: number;
  unitsCreated: number;
  /** Rows whose bureau or unit existed already. */
  existing: number;
}

const m = named.bulk.unitsFile;
const fail = (at: Omit<ImportLocation, 'field'>, why: MessageRef, field?: 'parent' | 'code'): never => {
  throw new ImportError(field === undefined ? at : { ...at, field: m.columns[field] }, why);
};

/** "第 3 行", "单元格 A3", "第 3 行" of a JSON body: where a row was, for a message about another row. */
const placeOf = (at: Omit<ImportLocation, 'field'>): MessageRef =>
  at.line !== undefined
    ? named.formats.location.line(at.line)
    : at.cell !== undefined
      ? named.formats.location.cell(at.cell)
      : named.formats.location.row(at.row ?? 0);

export async function applyOrganisation(trx: Trx, actor: Actor, rows: readonly OrganisationRow[]): Promise<OrganisationResult> {
  const bureauRows = new Map<string, OrganisationRow>();
  const unitRows = new Map<string, OrganisationRow>();
  for (const row of rows) {
    const seen = row.kind === 'bureau' ? bureauRows : unitRows;
    const first = seen.get(row.code);
    if (first) fail(row.at, m.duplicate(row.code, placeOf(first.at)), 'code');
    seen.set(row.code, row);
  }

  const parentCodes = [...new Set(rows.flatMap((r) => (r.parent === null ? [] : [r.parent])))];
  const existingBureaus = new Map(
    (
      await trx
        .selectFrom('bureaus as b')
        .leftJoin('bureaus as p', 'p.id', 'b.parent_id')
        .select(['b.id', 'b.code', 'p.code as parentCode'])
        .where(sql<boolean>`b.code = any(${[...bureauRows.keys(), ...parentCodes]}::text[])`)
        .execute()
    ).map((b) => [b.code, b]),
  );
  const existingUnits = new Map(
    (
      await trx
        .selectFrom('units as u')
        .innerJoin('bureaus as b', 'b.id', 'u.bureau_id')
        .select(['u.code', 'b.code as bureauCode'])
        .where(sql<boolean>`u.code = any(${[...unitRows.keys()]}::text[])`)
        .execute()
    ).map((u) => [u.code, u]),
  );

  // New bureaus by depth below their nearest existing ancestor (or the top), so each level's parents exist before it.
  const depth = new Map<string, number>();
  const depthOf = (row: OrganisationRow, path: Set<string>): number => {
    const known = depth.get(row.code);
    if (known !== undefined) return known;
    if (path.has(row.code)) return fail(row.at, m.cycle(row.code), 'parent');
    let d = 0;
    if (row.parent !== null) {
      const parentRow = bureauRows.get(row.parent);
      if (parentRow && !existingBureaus.has(parentRow.code)) d = depthOf(parentRow, new Set(path).add(row.code)) + 1;
      else if (!existingBureaus.has(row.parent)) fail(row.at, m.unknownParent(row.parent), 'parent');
    }
    depth.set(row.code, d);
    return d;
  };
  let existing = 0;
  const levels: OrganisationRow[][] = [];
  for (const row of bureauRows.values()) {
    const stored = existingBureaus.get(row.code);
    if (stored) {
      if ((stored.parentCode ?? null) !== row.parent) fail(row.at, m.moved(row.code, stored.parentCode ?? ''), 'parent');
      existing++;
      continue;
    }
    (levels[depthOf(row, new Set())] ??= []).push(row);
  }
  const newUnits: OrganisationRow[] = [];
  for (const row of unitRows.values()) {
    const stored = existingUnits.get(row.code);
    if (stored) {
      if (stored.bureauCode !== row.parent) fail(row.at, m.moved(row.code, stored.bureauCode), 'parent');
      existing++;
    } else if (!bureauRows.has(row.parent!) && !existingBureaus.has(row.parent!)) fail(row.at, m.unknownParent(row.parent!), 'parent');
    else newUnits.push(row);
  }

  const bureauId = new Map([...existingBureaus.values()].map((b) => [b.code, b.id]));
  // Ancestors of each bureau a new one hangs under, as closure rows (ancestor, depth from it).
  const ancestors = new Map<number, Array<{ ancestor: number; depth: number }>>();
  const parentIds = [
    ...new Set(levels.flat().flatMap((r) => (r.parent !== null && existingBureaus.has(r.parent) ? [bureauId.get(r.parent)!] : []))),
  ];
  if (parentIds.length > 0)
    for (const t of await trx
      .selectFrom('bureau_tree')
      .select(['ancestor_id', 'descendant_id', 'depth'])
      .where('descendant_id', 'in', parentIds)
      .execute())
      ancestors.get(t.descendant_id)?.push({ ancestor: t.ancestor_id, depth: t.depth }) ??
        ancestors.set(t.descendant_id, [{ ancestor: t.ancestor_id, depth: t.depth }]);

  const audits = [];
  for (const level of levels) {
    const created = await insertRowsReturning<'bureaus', { id: number; code: string }>(
      trx,
      'bureaus',
      level.map((r) => ({ code: r.code, name: r.name, parent_id: r.parent === null ? null : bureauId.get(r.parent)! })),
      ['id', 'code'],
    );
    for (const b of created) bureauId.set(b.code, b.id);
    const tree = [];
    for (const r of level) {
      const id = bureauId.get(r.code)!;
      const parentId = r.parent === null ? null : bureauId.get(r.parent)!;
      const own = [
        { ancestor: id, depth: 0 },
        ...(parentId === null ? [] : ancestors.get(parentId)!.map((a) => ({ ...a, depth: a.depth + 1 }))),
      ];
      ancestors.set(id, own);
      tree.push(...own.map((a) => ({ ancestor_id: a.ancestor, descendant_id: id, depth: a.depth })));
      audits.push({
        action: 'create',
        entity: 'bureau',
        entityId: id,
        after: { id, code: r.code, name: r.name, parentId },
      });
    }
    await insertRows(trx, 'bureau_tree', tree);
  }
  const units = await insertRowsReturning<'units', { id: number; code: string }>(
    trx,
    'units',
    newUnits.map((r) => ({ code: r.code, name: r.name, bureau_id: bureauId.get(r.parent!)! })),
    ['id', 'code'],
  );
  const unitId = new Map(units.map((u) => [u.code, u.id]));
  for (const r of newUnits) {
    const id = unitId.get(r.code)!;
    audits.push({
      action: 'create',
      entity: 'unit',
      entityId: id,
      after: { id, code: r.code, name: r.name, bureauId: bureauId.get(r.parent!)! },
    });
  }
  await recordAudits(trx, actor, audits);
  return { bureausCreated: levels.reduce((n, l) => n + l.length, 0), unitsCreated: newUnits.length, existing };
}
