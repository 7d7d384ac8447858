/**
 * What other stages hang on a document's projects — a 事前绩效评估, the 转移支付 breakdowns that
 * say which project spends a fund and which of its rows carry the fund's indicators, the 整改 items
 * opened on a project (which keep its code and name, their link cut to null) — kept across a
 * rewrite of the document's content (an import over a draft, an approved 目标调整). The rewrite
 * deletes and re-inserts the projects, so these are carried over by project code, and a breakdown's
 * rows by position and wording; a row that no longer exists becomes unmapped, which the fund's
 * roll-up shows as 未分解 rather than losing the breakdown.
 */
import { sql } from 'kysely';
import type { Trx } from '../schema.ts';

interface KeptRow {
  position: number;
  label: string;
}

interface Kept {
  assessments: Array<{
    code: string;
    content: unknown;
    state: 'complete' | 'rejected' | 'incomplete';
    version: number;
    updated_at: Date;
    updated_by_name: string;
  }>;
  breakdowns: Array<{
    code: string;
    allocation_id: number;
    amount: string;
    mapping: (number | null)[];
    version: number;
    oldRows: Map<number, KeptRow>;
  }>;
}

async function rowsOf(trx: Trx, projectIds: number[]): Promise<Map<number, KeptRow & { projectId: number }>> {
  if (projectIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom('indicators')
    .select(['id', 'project_id', 'position', 'level3', 'description'])
    .where('project_id', 'in', projectIds)
    .execute();
  return new Map(
    rows.map((r) => [r.id, { projectId: r.project_id, position: r.position, label: r.level3.trim() || r.description.trim() }]),
  );
}

async function keep(trx: Trx, documentId: number): Promise<Kept> {
  const assessments = await trx
    .selectFrom('ex_ante_assessments as x')
    .innerJoin('projects as p', 'p.id', 'x.project_id')
    .select(['p.code', 'x.content', 'x.state', 'x.version', 'x.updated_at', 'x.updated_by_name'])
    .where('x.document_id', '=', documentId)
    .execute();
  const breakdowns = await trx
    .selectFrom('transfer_breakdowns as b')
    .innerJoin('projects as p', 'p.id', 'b.project_id')
    .select(['p.id as project_id', 'p.code', 'b.allocation_id', 'b.amount', 'b.mapping', 'b.version'])
    .where('p.document_id', '=', documentId)
    .execute();
  const rows = await rowsOf(
    trx,
    breakdowns.map((b) => b.project_id),
  );
  return {
    assessments,
    breakdowns: breakdowns.map((b) => ({
      code: b.code,
      allocation_id: b.allocation_id,
      amount: String(b.amount),
      mapping: b.mapping as (number | null)[],
      version: b.version,
      oldRows: new Map([...rows].filter(([, r]) => r.projectId === b.project_id)),
    })),
  };
}

/** The new row standing for an old one: the same position and wording, else the same wording, else none. */
function remap(old: KeptRow | undefined, fresh: Array<[number, KeptRow]>): number | null {
  if (old === undefined) return null;
  const same = fresh.find(([, r]) => r.position === old.position && r.label === old.label) ?? fresh.find(([, r]) => r.label === old.label);
  return same?.[0] ?? null;
}

/** Runs `rewrite` (which replaces the document's projects) and puts back what hung on them; true if an assessment came back. */
export async function keepingProjectAttachments(trx: Trx, documentId: number, rewrite: () => Promise<void>): Promise<boolean> {
  const kept = await keep(trx, documentId);
  await rewrite();
  const projects = await trx.selectFrom('projects').select(['id', 'code']).where('document_id', '=', documentId).execute();
  const idOf = new Map(projects.map((p) => [p.code, p.id]));
  await sql`UPDATE rectifications r SET project_id = p.id FROM projects p
    WHERE r.document_id = ${documentId} AND r.project_id IS NULL AND p.document_id = ${documentId} AND p.code = r.project_code`.execute(
    trx,
  );
  if (kept.assessments.length === 0 && kept.breakdowns.length === 0) return false;
  const assessments = kept.assessments.flatMap(({ code, content, ...x }) => {
    const projectId = idOf.get(code);
    return projectId === undefined ? [] : [{ ...x, content: JSON.stringify(content), project_id: projectId, document_id: documentId }];
  });
  if (assessments.length > 0) await trx.insertInto('ex_ante_assessments').values(assessments).execute();
  const fresh = await rowsOf(
    trx,
    kept.breakdowns.flatMap((b) => idOf.get(b.code) ?? []),
  );
  const breakdowns = kept.breakdowns.flatMap((b) => {
    const projectId = idOf.get(b.code);
    if (projectId === undefined) return [];
    const own = [...fresh].filter(([, r]) => r.projectId === projectId);
    const mapping = b.mapping.map((id) => (id === null ? null : remap(b.oldRows.get(id), own)));
    return [
      { allocation_id: b.allocation_id, project_id: projectId, amount: b.amount, mapping: JSON.stringify(mapping), version: b.version },
    ];
  });
  if (breakdowns.length > 0) await trx.insertInto('transfer_breakdowns').values(breakdowns).execute();
  return assessments.length > 0;
}
