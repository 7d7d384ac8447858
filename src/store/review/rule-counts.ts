/**
 * How often each review rule fires in each document, kept beside the severity counts whenever the
 * review engine runs over a document, so "the most frequent review findings under this bureau"
 * is one grouped query however many documents there are.
 */
import type { Finding } from '../../core/review/finding.ts';
import type { Trx } from '../schema.ts';

type Counts = Map<string, { ruleId: string; severity: Finding['severity']; findings: number }>;

function countsOf(findings: readonly Finding[]): Counts {
  const counts: Counts = new Map();
  for (const f of findings) {
    const key = `${f.ruleId}\u0001${f.severity}`;
    const c = counts.get(key);
    if (c) c.findings++;
    else counts.set(key, { ruleId: f.ruleId, severity: f.severity, findings: 1 });
  }
  return counts;
}

/** Replaces a document's per-rule counts; writes nothing when they did not change (an autosave of one row). */
export async function storeRuleCounts(trx: Trx, documentId: number, findings: readonly Finding[]): Promise<void> {
  const counts = countsOf(findings);
  const stored = await trx
    .selectFrom('document_rule_counts')
    .select(['rule_id', 'severity', 'findings'])
    .where('document_id', '=', documentId)
    .execute();
  if (stored.length === counts.size && stored.every((r) => counts.get(`${r.rule_id}\u0001${r.severity}`)?.findings === r.findings)) return;
  await trx.deleteFrom('document_rule_counts').where('document_id', '=', documentId).execute();
  if (counts.size === 0) return;
  await trx.insertInto('document_rule_counts').values(rowsOf(documentId, counts)).execute();
}

const rowsOf = (documentId: number, counts: Counts) =>
  [...counts.values()].map((c) => ({ document_id: documentId, rule_id: c.ruleId, severity: c.severity, findings: c.findings }));

/** A new document's per-rule counts as rows (a bulk load inserts many documents' at once). */
export const ruleCountRows = (documentId: number, findings: readonly Finding[]) => rowsOf(documentId, countsOf(findings));
