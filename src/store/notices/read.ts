/**
 * Reading approval notices: one notice, its documents, a caller's notices (a reviewer's bureau and
 * those under it; a unit's, once issued; all for an admin), the documents a draft may still take (the
 * picker), and the notices covering one document. Lists page by keyset cursor (../keyset.ts).
 */
import { sql, type Kysely } from 'kysely';
import type { TargetDocument } from '../../core/model/document.ts';
import type { CoveredDocument, NoticeHead } from '../../formats/approval-notice/sheets.ts';
import { modelOf, readDocument } from '../documents/read.ts';
import { firstPageTotal, keysetQuery, pageOf, type KeysetOrder, type Page, type PageRequest, type Total } from '../keyset.ts';
import type { Database, DocumentStatus, NoticeState } from '../schema.ts';
import { NOTICEABLE } from './notices.ts';

export interface NoticeView {
  id: number;
  bureauId: number;
  bureauName: string;
  year: number;
  number: string;
  title: string;
  date: string;
  body: string;
  state: NoticeState;
  withdrawnReason: string | null;
  issuedAt: Date | null;
  issuedByName: string | null;
  withdrawnAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  documentCount: number;
}

/** Who lists notices: an admin all, a reviewer its bureau's subtree, a unit what was issued to it. */
export type NoticeScope = { all: true } | { bureauId: number } | { unitId: number };

export interface NoticeFilter {
  year?: number;
  state?: NoticeState;
}

type Db = Kysely<Database>;

const noticeColumns = (db: Db) =>
  db
    .selectFrom('approval_notices as n')
    .innerJoin('bureaus as b', 'b.id', 'n.bureau_id')
    .select((eb) => [
      'n.id',
      'n.bureau_id',
      'b.name as bureau_name',
      'n.year',
      'n.number',
      'n.title',
      'n.notice_date',
      'n.body',
      'n.state',
      'n.withdrawn_reason',
      'n.issued_at',
      'n.issued_by_name',
      'n.withdrawn_at',
      'n.created_at',
      'n.updated_at',
      'n.version',
      eb
        .selectFrom('approval_notice_documents as c')
        .select((c) => c.fn.countAll<number>().as('n'))
        .whereRef('c.notice_id', '=', 'n.id')
        .as('document_count'),
    ]);

type NoticeRow = Awaited<ReturnType<ReturnType<typeof noticeColumns>['executeTakeFirstOrThrow']>>;

const viewOf = (r: NoticeRow): NoticeView => ({
  id: r.id,
  bureauId: r.bureau_id,
  bureauName: r.bureau_name,
  year: r.year,
  number: r.number,
  title: r.title,
  date: r.notice_date,
  body: r.body,
  state: r.state,
  withdrawnReason: r.withdrawn_reason,
  issuedAt: r.issued_at,
  issuedByName: r.issued_by_name,
  withdrawnAt: r.withdrawn_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
  documentCount: Number(r.document_count ?? 0),
});

export async function readNotice(db: Db, id: number): Promise<NoticeView | undefined> {
  const r = await noticeColumns(db).where('n.id', '=', id).executeTakeFirst();
  return r && viewOf(r);
}

/** Newest first. */
const NOTICES_NEWEST_FIRST: KeysetOrder = { name: 'notices', keys: [{ column: 'n.id', direction: 'desc', type: 'int' }] };

export async function listNotices(
  db: Db,
  scope: NoticeScope,
  f: NoticeFilter,
  page: PageRequest,
): Promise<Page<NoticeView> & { total: Total | null }> {
  let q = noticeColumns(db);
  if ('bureauId' in scope)
    q = q.where('n.bureau_id', 'in', (eb) =>
      eb.selectFrom('bureau_tree').select('descendant_id').where('ancestor_id', '=', scope.bureauId),
    );
  if ('unitId' in scope)
    q = q.where('n.id', 'in', (eb) =>
      eb.selectFrom('approval_notice_documents').select('notice_id').where('unit_id', '=', scope.unitId).where('state', '<>', 'draft'),
    );
  if (f.year !== undefined) q = q.where('n.year', '=', f.year);
  if (f.state !== undefined) q = q.where('n.state', '=', f.state);
  const [rows, total] = await Promise.all([keysetQuery(q, NOTICES_NEWEST_FIRST, page).execute(), firstPageTotal(db, page, q)]);
  return { ...pageOf(NOTICES_NEWEST_FIRST, page, rows, viewOf), total };
}

export interface NoticeDocument {
  documentId: number;
  /** The version the notice covers. */
  version: number;
  /** The document's version and status now. */
  currentVersion: number;
  status: DocumentStatus;
  unitId: number;
  unitCode: string;
  unitName: string;
  bureauId: number;
  year: number;
  projectCount: number;
  /** 万元, exact. */
  budgetTotal: string;
}

const BY_UNIT: KeysetOrder = {
  name: 'notice-documents',
  keys: [
    { column: 'u.code', direction: 'asc', type: 'text' },
    { column: 'd.id', direction: 'asc', type: 'int' },
  ],
};

const documentColumns = [
  'd.id',
  'd.version',
  'd.status',
  'd.unit_id',
  'u.code',
  'u.name',
  'u.bureau_id',
  'd.year',
  'd.project_count',
  'd.budget_total',
] as const;

/** A notice's documents, by unit code; only a unit's own with `unitId`. */
export async function noticeDocuments(
  db: Db,
  noticeId: number,
  page: PageRequest,
  unitId?: number,
): Promise<Page<NoticeDocument> & { total: Total | null }> {
  let q = db
    .selectFrom('approval_notice_documents as a')
    .innerJoin('documents as d', 'd.id', 'a.document_id')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select([...documentColumns, 'a.document_version'])
    .where('a.notice_id', '=', noticeId);
  if (unitId !== undefined) q = q.where('a.unit_id', '=', unitId);
  const [rows, total] = await Promise.all([keysetQuery(q, BY_UNIT, page).execute(), firstPageTotal(db, page, q)]);
  return { ...pageOf(BY_UNIT, page, rows, (r) => ({ ...documentOf(r), version: r.document_version })), total };
}

const documentOf = (r: {
  id: number;
  version: number;
  status: DocumentStatus;
  unit_id: number;
  code: string;
  name: string;
  bureau_id: number;
  year: number;
  project_count: number;
  budget_total: string;
}): NoticeDocument => ({
  documentId: r.id,
  version: r.version,
  currentVersion: r.version,
  status: r.status,
  unitId: r.unit_id,
  unitCode: r.code,
  unitName: r.name,
  bureauId: r.bureau_id,
  year: r.year,
  projectCount: r.project_count,
  budgetTotal: r.budget_total,
});

/**
 * The documents a draft notice may take: approved or published, of its year, under its bureau, not
 * in it already and not in an issued notice (at any version). `q` is text in the unit's name or code.
 */
export async function candidateDocuments(
  db: Db,
  notice: Pick<NoticeView, 'id' | 'bureauId' | 'year'>,
  q: string | undefined,
  page: PageRequest,
): Promise<Page<NoticeDocument> & { total: Total | null }> {
  let base = db
    .selectFrom('documents as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .where('d.year', '=', notice.year)
    .where('d.status', 'in', NOTICEABLE)
    .where('u.bureau_id', 'in', (eb) => eb.selectFrom('bureau_tree').select('descendant_id').where('ancestor_id', '=', notice.bureauId))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('approval_notice_documents as a')
            .select('a.notice_id')
            .whereRef('a.document_id', '=', 'd.id')
            .where((eb) => eb.or([eb('a.state', '=', 'issued'), eb('a.notice_id', '=', notice.id)])),
        ),
      ),
    );
  const text = q?.trim();
  if (text) base = base.where((eb) => eb.or([eb('u.name', 'like', `%${escapeLike(text)}%`), eb('u.code', 'like', `${escapeLike(text)}%`)]));
  const [rows, total] = await Promise.all([
    keysetQuery(base.select(documentColumns), BY_UNIT, page).execute(),
    firstPageTotal(db, page, base.select('d.id')),
  ]);
  return { ...pageOf(BY_UNIT, page, rows, documentOf), total };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface DocumentNotice {
  noticeId: number;
  number: string;
  title: string;
  date: string;
  state: NoticeState;
  version: number;
  bureauName: string;
}

/** The most notices one document lists (a document is issued once a version; a few versions at most). */
const DOCUMENT_NOTICES = 20;

/** The notices covering a document, newest first; drafts only when `drafts`. */
export async function documentNotices(db: Db, documentId: number, drafts: boolean): Promise<DocumentNotice[]> {
  let q = db
    .selectFrom('approval_notice_documents as a')
    .innerJoin('approval_notices as n', 'n.id', 'a.notice_id')
    .innerJoin('bureaus as b', 'b.id', 'n.bureau_id')
    .select(['n.id', 'n.number', 'n.title', 'n.notice_date', 'n.state', 'a.document_version', 'b.name'])
    .where('a.document_id', '=', documentId)
    .orderBy('n.id', 'desc')
    .limit(DOCUMENT_NOTICES);
  if (!drafts) q = q.where('a.state', '<>', 'draft');
  const rows = await q.execute();
  return rows.map((r) => ({
    noticeId: r.id,
    number: r.number,
    title: r.title,
    date: r.notice_date,
    state: r.state,
    version: r.document_version,
    bureauName: r.name,
  }));
}

/** The content a notice's files print, by unit code: as issued, or null for a draft's documents (printed as they are now). */
async function coveredContent(
  db: Db,
  noticeId: number,
  documentIds?: readonly number[],
): Promise<Array<{ documentId: number; unitName: string; content: TargetDocument | null }>> {
  let q = db
    .selectFrom('approval_notice_documents as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select(['a.document_id', 'u.name', 'a.content'])
    .where('a.notice_id', '=', noticeId)
    .orderBy('u.code')
    .orderBy('a.document_id');
  if (documentIds) q = q.where('a.document_id', 'in', documentIds.length > 0 ? documentIds : [0]);
  const rows = await q.execute();
  return rows.map((r) => ({ documentId: r.document_id, unitName: r.name, content: (r.content ?? null) as TargetDocument | null }));
}

/** Whether a unit has a (non-draft) document in the notice: what lets its staff read it. */
export async function unitInNotice(db: Db, noticeId: number, unitId: number): Promise<boolean> {
  const r = await db
    .selectFrom('approval_notice_documents')
    .select(sql.lit(1).as('one'))
    .where('notice_id', '=', noticeId)
    .where('unit_id', '=', unitId)
    .where('state', '<>', 'draft')
    .executeTakeFirst();
  return r !== undefined;
}

/** A notice's head and the documents its files print (all, or those given): as issued, or for a draft as they are now. */
export async function printedNotice(
  db: Db,
  notice: NoticeView,
  documentIds?: readonly number[],
): Promise<{ head: NoticeHead; docs: CoveredDocument[] }> {
  const docs: CoveredDocument[] = [];
  for (const c of await coveredContent(db, notice.id, documentIds)) {
    const content = c.content ?? modelOf((await readDocument(db, c.documentId))!);
    docs.push({ unitName: c.unitName, content });
  }
  const { number, title, date, year, body, bureauName, withdrawnReason } = notice;
  return { head: { number, title, date, year, body, bureauName, withdrawnReason }, docs };
}
