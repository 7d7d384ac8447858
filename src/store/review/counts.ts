/**
 * Runs the review engine over a document's content and caches what list filters need: finding
 * counts per severity on the document and on each project, the project count and the budget total.
 */
import { sql, type Transaction } from 'kysely';
import { Decimal } from '../../core/model/decimal.ts';
import { exactSum } from '../amounts.ts';
import type { TargetDocument } from '../../core/model/document.ts';
import { reviewDocument } from '../../core/review/engine.ts';
import type { Finding } from '../../core/review/finding.ts';
import { rowsJson, type FindingCounts } from '../documents/content.ts';
import { storeRuleCounts } from './rule-counts.ts';
import type { Database } from '../schema.ts';
import { refreshAggregates } from '../aggregates/document.ts';
import { reviewContext } from './context.ts';

const TEN_THOUSAND = new Decimal(10000);

/** The document's budget in 万元, exactly, with as many decimals as its most precise amount ("91.10", not "91.1"). */
export function budgetTotalOf(doc: TargetDocument): string {
  const amounts = doc.projects.flatMap((p) => {
    if (p.budget.total === null) return [];
    return [p.amountUnit === '元' ? new Decimal(p.budget.total).div(TEN_THOUSAND).toString() : p.budget.total];
  });
  return exactSum(amounts);
}

/** What the review finds in a document: the findings, their counts, and each project's counts (in the document's order). */
export interface ReviewCounts {
  findings: Finding[];
  total: FindingCounts;
  perProject: FindingCounts[];
}

export function reviewCounts(doc: TargetDocument, findings: Finding[]): ReviewCounts {
  const perCode = new Map<string, FindingCounts>();
  const total = { error: 0, warning: 0, info: 0 };
  for (const f of findings) {
    total[f.severity]++;
    if (f.projectCode === null) continue;
    const c = perCode.get(f.projectCode) ?? { error: 0, warning: 0, info: 0 };
    c[f.severity]++;
    perCode.set(f.projectCode, c);
  }
  return { findings, total, perProject: doc.projects.map((p) => perCode.get(p.code) ?? { error: 0, warning: 0, info: 0 }) };
}

/**
 * Reviews a stored document's content in its store context (./context.ts: its bureau's settings,
 * its stored 事前绩效评估, its history and peers), so that the counts on lists agree with the
 * editor's live findings and with the submission gate.
 */
export async function reviewStored(trx: Transaction<Database>, documentId: number, doc: TargetDocument): Promise<ReviewCounts> {
  const { unit_id } = await trx.selectFrom('documents').select('unit_id').where('id', '=', documentId).executeTakeFirstOrThrow();
  return reviewCounts(doc, reviewDocument(doc, await reviewContext(trx, { unitId: unit_id, document: doc, documentId })));
}

/**
 * Writes the cached counts for a document whose content is `doc`, with `projectIds[i]` the id of
 * `doc.projects[i]`; `counts` when the caller reviewed already (an import stores the project
 * counts with the rows). Returns the findings.
 */
export async function storeReviewCounts(
  trx: Transaction<Database>,
  documentId: number,
  doc: TargetDocument,
  projectIds: readonly number[],
  counts: ReviewCounts,
): Promise<Finding[]> {
  await trx
    .updateTable('documents')
    .set({
      error_count: counts.total.error,
      warning_count: counts.total.warning,
      info_count: counts.total.info,
      project_count: doc.projects.length,
      budget_total: budgetTotalOf(doc),
    })
    .where('id', '=', documentId)
    .execute();
  // One set-based statement; only rows whose counts change are written, so an autosave of one
  // project, or an import that stored the counts with the rows, writes at most one row here.
  if (projectIds.length > 0) {
    const rows = projectIds.map((id, i) => ({
      id,
      error_count: counts.perProject[i]!.error,
      warning_count: counts.perProject[i]!.warning,
      info_count: counts.perProject[i]!.info,
    }));
    await sql`UPDATE projects AS p
      SET error_count = c.error_count, warning_count = c.warning_count, info_count = c.info_count
      FROM json_populate_recordset(NULL::projects, ${rowsJson(rows)}::json) AS c
      WHERE p.id = c.id AND p.document_id = ${documentId}
        AND (p.error_count, p.warning_count, p.info_count) IS DISTINCT FROM (c.error_count, c.warning_count, c.info_count)`.execute(trx);
  }
  await storeRuleCounts(trx, documentId, counts.findings);
  await refreshAggregates(trx, documentId);
  return counts.findings;
}
