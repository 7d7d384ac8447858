/**
 * The shapes the HTTP API sends and takes (src/server/schemas.ts is the contract; the web layer
 * may not import the server, so the parts the UI reads are restated here). Document content is
 * the core model's own types.
 */
import type { DepartmentGoals, Indicator, Project, TargetDocument, Unit as DocumentUnit } from '../../core/model/document.ts';
import type { Finding, Severity } from '../../core/review/finding.ts';

export type Role = 'unit' | 'reviewer' | 'admin';
export type Status = 'draft' | 'submitted' | 'returned' | 'approved' | 'published';
export const STATUSES: readonly Status[] = ['draft', 'submitted', 'returned', 'approved', 'published'];
export type FindingCounts = Record<Severity, number>;

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  bureauId: number | null;
  disabled: boolean;
}

export interface DocumentMeta {
  id: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  bureauId: number;
  year: number;
  status: Status;
  version: number;
  projectCount: number;
  budgetTotal: string;
  findingCounts: FindingCounts;
  copiedFromId: number | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  approvedAt: string | null;
  publishedAt: string | null;
}

export type StoredIndicator = Indicator & { id: number };
export type StoredProject = Omit<Project, 'indicators'> & { id: number; indicators: StoredIndicator[]; findingCounts: FindingCounts };

export interface StoredDocument {
  meta: DocumentMeta;
  unit: DocumentUnit;
  department: DepartmentGoals | null;
  projects: StoredProject[];
}

export interface DocumentListItem {
  id: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  bureauId: number;
  bureauName: string;
  year: number;
  status: Status;
  version: number;
  projectCount: number;
  budgetTotal: string;
  findingCounts: FindingCounts;
  updatedAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
}

export interface DocumentList {
  items: DocumentListItem[];
  total: number;
  budgetTotal: string;
  statusCounts: Record<string, number>;
}

export interface ProjectListItem {
  id: number;
  documentId: number;
  code: string;
  name: string;
  unitId: number;
  unitCode: string;
  unitName: string;
  year: number;
  status: Status;
  amountUnit: string;
  budgetTotal: string | null;
  indicatorCount: number;
  findingCounts: FindingCounts;
}

export interface ProjectList {
  items: ProjectListItem[];
  total: number;
}

export interface Bureau {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  depth: number;
}

export interface UnitRecord {
  id: number;
  code: string;
  name: string;
  bureauId: number;
}

export interface ListFilter {
  year?: number;
  status?: Status[];
  bureauId?: number;
  unitId?: number;
  severity?: Severity | 'clean';
  q?: string;
  limit?: number;
  offset?: number;
}

export interface Comment {
  id: number;
  documentId: number;
  projectId: number | null;
  projectCode: string | null;
  indicatorIndex: number | null;
  field: string | null;
  authorId: number;
  authorName: string;
  body: string;
  createdAt: string;
  resolvedAt: string | null;
}

export interface CommentAnchor {
  projectId?: number | null;
  indicatorIndex?: number | null;
  field?: string | null;
}

/** What the summary timeline keeps of a before/after body. */
export interface AuditBrief {
  status?: string;
  name?: string;
  comment?: string;
}

/** An entry of the summary audit trail: `count` consecutive edits of one thing by one person folded into one. */
export interface AuditRecord {
  id: number;
  at: string;
  firstAt: string;
  count: number;
  actorId: number | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string;
  before: AuditBrief | null;
  after: AuditBrief | null;
}

export interface AuditPage {
  items: AuditRecord[];
  nextBeforeId: number | null;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  unitId?: number | null;
  bureauId?: number | null;
}

export interface ImportPreviewItem {
  document: TargetDocument;
  findings: Finding[];
  unitId: number | null;
  existing: { id: number; status: Status; version: number } | null;
}

export interface BatchResult {
  id: number;
  ok: boolean;
  version?: number;
  code?: string;
  message?: string;
}
