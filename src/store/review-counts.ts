/**
 * Runs the review engine over a document's content and caches what list filters need: finding
 * counts per severity on the document and on each project, the project count and the budget total.
 */
import type { Transaction } from 'kysely';
import { Decimal } from '../core/model/decimal.ts';
import { exactSum } from './amounts.ts';
import type { TargetDocument } from '../core/model/document.ts';
import { reviewDocument } from '../core/review/engine.ts';
import type { Finding } from '../core/review/finding.ts';
import { storeRuleCounts } from './rule-counts.ts';
import type { Database } from './schema.ts';

const TEN_THOUSAND = new Decimal(10000);

/** The document's budget in 万元, exactly, with as many decimals as its most precise amount ("91.10", not "91.1"). */
export function budgetTotalOf(doc: TargetDocument): string {
  const amounts = doc.projects.flatMap((p) => {
    if (p.budget.total === null) return [];
    return [p.amountUnit === '元' ? new Decimal(p.budget.total).div(TEN_THOUSAND).toString() : p.budget.total];
  });
  return exactSum(amounts);
}

/** Writes the cached counts for a document whose content is `doc`, with `projectIds[i]` the id of `doc.projects[i]`. */
export async function storeReviewCounts(
  trx: Transaction<Database>,
  documentId: number,
  doc: TargetDocument,
  projectIds: readonly number[],
): Promise<Finding[]> {
  const findings = reviewDocument(doc);
  const perCode = new Map<string, { error: number; warning: number; info: number }>();
  const total = { error: 0, warning: 0, info: 0 };
  for (const f of findings) {
    total[f.severity]++;
    if (f.projectCode === null) continue;
    const c = perCode.get(f.projectCode) ?? { error: 0, warning: 0, info: 0 };
    c[f.severity]++;
    perCode.set(f.projectCode, c);
  }
  await trx
    .updateTable('documents')
    .set({
      error_count: total.error,
      warning_count: total.warning,
      info_count: total.info,
      project_count: doc.projects.length,
      budget_total: budgetTotalOf(doc),
    })
    .where('id', '=', documentId)
    .execute();
  // Only projects whose counts change are touched: an autosave of one project writes one row here.
  const current = await trx
    .selectFrom('projects')
    .select(['id', 'error_count', 'warning_count', 'info_count'])
    .where('document_id', '=', documentId)
    .execute();
  const byId = new Map(current.map((r) => [r.id, r]));
  const changed = new Map<string, number[]>();
  doc.projects.forEach((p, i) => {
    const id = projectIds[i]!;
    const c = perCode.get(p.code) ?? { error: 0, warning: 0, info: 0 };
    const r = byId.get(id);
    if (r && r.error_count === c.error && r.warning_count === c.warning && r.info_count === c.info) return;
    const key = `${c.error},${c.warning},${c.info}`;
    changed.get(key)?.push(id) ?? changed.set(key, [id]);
  });
  for (const [key, ids] of changed) {
    const [error, warning, info] = key.split(',').map(Number) as [number, number, number];
    await trx
      .updateTable('projects')
      .set({ error_count: error, warning_count: warning, info_count: info })
      .where('id', 'in', ids)
      .execute();
  }
  await storeRuleCounts(trx, documentId, findings);
  return findings;
}
