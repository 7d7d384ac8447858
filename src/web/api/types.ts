/**
 * The shapes the HTTP API sends and takes, read from the server's contract (src/server/schemas.ts)
 * as types only: `import type` is erased by the build, so nothing of the server reaches the bundle
 * (src/architecture.test.ts allows the web exactly this). Document content is the core model's own types.
 */
import type Type from 'typebox';
import type { Finding, Severity } from '../../core/review/finding.ts';
import type { TargetDocument } from '../../core/model/document.ts';
import type * as Api from '../../server/schemas.ts';
import type * as Versions from '../../server/versions-schemas.ts';

/**
 * A value as JSON.parse gives it back: the server's dates (`Date | string` in its schemas) arrive as
 * ISO 8601 text; decimals are already text.
 */
export type Json<T> = T extends Date ? string : T extends object ? { [K in keyof T]: Json<T[K]> } : T;
/** The wire shape of one of the server's schemas. */
export type Wire<S extends Type.TSchema> = Json<Type.Static<S>>;

export type Role = Wire<typeof Api.Role>;
export type Status = Wire<typeof Api.Status>;
export const STATUSES: readonly Status[] = ['draft', 'submitted', 'returned', 'approved', 'published'];
export type FindingCounts = Record<Severity, number>;

export type User = Wire<typeof Api.User>;
export type ListedUser = Wire<typeof Api.ListedUser>;
export type DocumentMeta = Wire<typeof Api.DocumentMeta>;
export type StoredIndicator = Wire<typeof Api.StoredIndicator>;
export type StoredProject = Wire<typeof Api.StoredProject>;
export type StoredDocument = Wire<typeof Api.StoredDocument>;
export type DocumentListItem = Wire<typeof Api.DocumentListItem>;
export type DocumentList = Wire<typeof Api.DocumentList>;
export type ProjectListItem = Wire<typeof Api.ProjectListItem>;
export type ProjectList = Wire<typeof Api.ProjectList>;
export type Bureau = Wire<typeof Api.BureauInTree>;
export type UnitRecord = Wire<typeof Api.Unit>;
export type ListFilter = Wire<typeof Api.ListQuery>;
export type DocumentQuery = Wire<typeof Api.DocumentListQuery>;
export type DocumentSort = Wire<typeof Api.DocumentSort>;
export type DocumentSetSummary = Wire<typeof Api.DocumentSetSummary>;
/** How many rows a cursor-paged list's filter matches (first page only); `exact` false: more than `value`. */
export type Total = Wire<typeof Api.Total>;
/** A page of a cursor-paged list. */
export interface Paged<T> {
  items: T[];
  nextCursor: string | null;
  total: Total | null;
}
export type Comment = Wire<typeof Api.Comment>;
export type CommentAnchor = Wire<typeof Api.CommentAnchor>;
export type Submission = Wire<typeof Versions.Submission>;
export type VersionList = Wire<typeof Versions.VersionList>;
export type VersionContent = Wire<typeof Versions.VersionContent>;

/** What the summary timeline keeps of a before/after body. */
export interface AuditBrief {
  status?: string;
  name?: string;
  comment?: string;
  /** A workflow step's document version (a submission's is the version its content is kept as). */
  version?: number;
}

/**
 * An entry of the summary audit trail (detail=summary): `count` consecutive edits of one thing by
 * one person folded into one, its bodies reduced to a brief.
 */
export type AuditRecord = Omit<Wire<typeof Api.AuditRecord>, 'before' | 'after'> & {
  firstAt: string;
  count: number;
  before: AuditBrief | null;
  after: AuditBrief | null;
};

/** A page of a document's comments, newest first; `total` counts them all. */
export interface CommentPage {
  items: Comment[];
  total: number;
  nextCursor: string | null;
}

export interface AuditPage {
  items: AuditRecord[];
  nextCursor: string | null;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  unitId?: number | null;
  bureauId?: number | null;
  /** An evaluator's institution (第三方机构). */
  organisation?: string | null;
}

export interface ImportPreviewItem {
  document: TargetDocument;
  findings: Finding[];
  unitId: number | null;
  /** `replaceable`: the caller may import over it (its unit's staff, while a draft or returned). */
  existing: { id: number; status: Status; version: number; replaceable: boolean } | null;
}

/** What an import preview read: the documents, and the form profile (表样) another province's form was read as. */
export interface ImportPreview {
  profile: { id: string; version: number; title: string; region: string } | null;
  /** A 自评表: its actual values, scores and conclusions are not imported, only its targets. */
  actualsLeftOut: boolean;
  documents: ImportPreviewItem[];
}

export interface BatchResult {
  id: number;
  ok: boolean;
  version?: number;
  code?: string;
  message?: string;
}
