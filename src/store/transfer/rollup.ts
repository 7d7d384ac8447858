/**
 * What the roll-up of a fund reads (src/core/transfer/rollup.ts): per allocation its breakdowns, and
 * for each mapped project row its 指标值 and its latest recorded actual value.
 */
import type { MappedRow, RollupInput } from '../../core/transfer/rollup.ts';
import type { Db } from '../schema.ts';
import { readBreakdowns } from './breakdowns.ts';
import type { Fund } from './funds.ts';

export async function rollupInput(db: Db, fund: Fund, allocations: Fund['allocations']): Promise<RollupInput> {
  const breakdowns = await readBreakdowns(
    db,
    allocations.map((a) => a.id),
  );
  const ids = [...new Set(breakdowns.flatMap((b) => b.mapping.filter((x): x is number => x !== null)))];
  const rows = new Map<number, MappedRow>();
  if (ids.length > 0) {
    const [targets, actuals] = await Promise.all([
      db.selectFrom('indicators').select(['id', 'target']).where('id', 'in', ids).execute(),
      // The latest actual of each row: one index range per row (actual_values_key is (indicator_id, date)).
      db
        .selectFrom('actual_values')
        .select(['indicator_id', 'value'])
        .distinctOn('indicator_id')
        .where('indicator_id', 'in', ids)
        .orderBy('indicator_id')
        .orderBy('date', 'desc')
        .execute(),
    ]);
    const actualOf = new Map(actuals.map((a) => [a.indicator_id!, a.value]));
    for (const t of targets) rows.set(t.id, { target: t.target, actual: actualOf.get(t.id) ?? null });
  }
  return {
    amount: fund.amount,
    indicators: fund.indicators,
    regions: allocations.map((a) => ({
      allocationId: a.id,
      bureauId: a.bureau.id,
      bureauName: a.bureau.name,
      amount: a.amount,
      targets: a.targets,
      projects: breakdowns
        .filter((b) => b.allocationId === a.id)
        .map((b) => ({
          breakdownId: b.id,
          projectId: b.project.id,
          projectCode: b.project.code,
          projectName: b.project.name,
          unitName: b.project.unitName,
          amount: b.amount,
          rows: b.mapping.map((id) => (id === null ? null : (rows.get(id) ?? null))),
        })),
    })),
  };
}
