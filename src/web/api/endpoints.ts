/** Every API call the UI makes, by name (paths and bodies as src/server/routes/* define them). */
import { profileById } from '../../core/forms/profiles.ts';
import type { DepartmentGoals, Project, TargetDocument } from '../../core/model/document.ts';
import type { Finding } from '../../core/review/finding.ts';
import type { ReviewSettings } from '../../core/review/settings.ts';
import type { Actuals } from '../../core/actuals/actuals.ts';
import type { ExAnteAssessment } from '../../core/ex-ante/assessment.ts';
import type { ExAnteContext } from '../../core/ex-ante/required.ts';
import { api } from './client.ts';
import type { DocumentHistory, PeerComparison, SuggestionList } from './history-types.ts';
import type { AdjustmentState, AdjustmentView, CursorList, PublicAdjustment, QueuedAdjustment } from './adjustment-types.ts';
import type {
  BureauDashboard,
  BureauSettings,
  Dashboard,
  DocumentEvaluation,
  DocumentMonitoring,
  ImportPlan,
  Light,
  OwnSettings,
  ProjectRecords,
  PublishedEvaluation,
  RecordInputs,
  RecordKind,
  RecordsOf,
  WarningList,
} from './monitoring-types.ts';
import type {
  AuditPage,
  BatchResult,
  Bureau,
  Comment,
  CommentAnchor,
  CommentPage,
  DocumentList,
  ImportPreview,
  DocumentQuery,
  DocumentSetSummary,
  ListFilter,
  Paged,
  ListedUser,
  ProjectList,
  Status,
  StoredDocument,
  NewUser,
  UnitRecord,
  User,
  VersionContent,
  VersionList,
} from './types.ts';

/** GET /api/documents/:id/ex-ante (src/server/routes/ex-ante.ts). */
export type ExAnteReview = ExAnteContext & { threshold: string };
/** GET /api/projects/:id/ex-ante. */
export interface ProjectExAnte {
  projectId: number;
  required: boolean;
  threshold: string;
  sectionPoints: string;
  assessment: ExAnteAssessment | null;
  version: number;
  updatedAt: string | null;
  updatedByName: string | null;
}

type Step = 'submit' | 'withdraw' | 'return' | 'approve' | 'publish';
type Query = NonNullable<Parameters<typeof api.get>[1]>['query'];
const filterQuery = (f: ListFilter | DocumentQuery): Query => ({ ...f, status: f.status });

export const endpoints = {
  exportFormats: () => api.get<{ formats: string[] }>('/api/export-formats').then((r) => r.formats),
  session: () => api.get<{ user: User | null }>('/api/auth/session').then((r) => r.user),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<{ user: User }>('/api/auth/password', { body: { currentPassword, newPassword } }).then((r) => r.user),
  login: (username: string, password: string) =>
    api.post<{ user: User }>('/api/auth/login', { body: { username, password } }).then((r) => r.user),
  logout: () => api.post<void>('/api/auth/logout'),

  documents: (f: DocumentQuery) => api.get<DocumentList>('/api/documents', { query: filterQuery(f) }),
  documentSummary: (f: ListFilter) => api.get<DocumentSetSummary>('/api/documents/summary', { query: filterQuery(f) }),
  projects: (f: ListFilter) => api.get<ProjectList>('/api/projects', { query: filterQuery(f) }),
  publicDocuments: (f: DocumentQuery) => api.get<DocumentList>('/api/public/documents', { query: filterQuery(f) }),
  publicProjects: (f: ListFilter) => api.get<ProjectList>('/api/public/projects', { query: filterQuery(f) }),
  bureaus: (publicOnly: boolean) => api.get<{ items: Bureau[] }>(publicOnly ? '/api/public/bureaus' : '/api/bureaus').then((r) => r.items),
  /** The first units by code under a bureau, matching `q` in the code or name when given. */
  units: (bureauId?: number, q?: string) =>
    api.get<Paged<UnitRecord>>('/api/public/units', { query: { bureauId, q, limit: 200 } }).then((r) => r.items),

  document: (id: number) => api.get<StoredDocument>(`/api/documents/${id}`),
  findings: (id: number) => api.get<{ version: number; findings: Finding[] }>(`/api/documents/${id}/findings`),
  createDocument: (year: number) => api.post<{ id: number; version: number }>('/api/documents', { body: { year } }),
  nextYear: (id: number) => api.post<{ id: number; version: number }>(`/api/documents/${id}/next-year`),
  saveDepartment: (id: number, version: number, department: DepartmentGoals | null) =>
    api.put<{ version: number }>(`/api/documents/${id}/department`, { version, body: { department } }),
  addProject: (id: number, version: number, project: Project, position?: number) =>
    api.post<{ version: number; projectId: number }>(`/api/documents/${id}/projects`, { version, body: { project, position } }),
  saveProject: (projectId: number, version: number, project: Project) =>
    api.put<{ version: number }>(`/api/projects/${projectId}`, { version, body: { project } }),
  deleteProject: (projectId: number, version: number) => api.delete<{ version: number }>(`/api/projects/${projectId}`, { version }),

  step: (id: number, step: Step, version: number, comment?: { body: string } & CommentAnchor) =>
    api.post<{ version: number; status: Status }>(`/api/documents/${id}/${step}`, { version, body: comment ? { comment } : {} }),
  approveBatch: (items: Array<{ id: number; version: number }>) =>
    api.post<{ results: BatchResult[] }>('/api/documents/approve-batch', { body: { items } }).then((r) => r.results),

  comments: (id: number, cursor?: string) => api.get<CommentPage>(`/api/documents/${id}/comments`, { query: { limit: 50, cursor } }),
  /** Every unresolved comment, read a page at a time to the last: the form shows each at its field, none left out. */
  openComments: async (id: number) => {
    const open: Comment[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.get<CommentPage>(`/api/documents/${id}/comments`, { query: { limit: 200, cursor, open: 'true' } });
      open.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return open;
  },
  addComment: (id: number, body: string, anchor: CommentAnchor) =>
    api.post<Comment>(`/api/documents/${id}/comments`, { body: { body, ...anchor } }),
  resolveComment: (commentId: number) => api.post<void>(`/api/comments/${commentId}/resolve`),
  audit: (id: number, cursor?: string) =>
    api.get<AuditPage>(`/api/documents/${id}/audit`, { query: { limit: 50, cursor, detail: 'summary' } }),
  /** Every submission of a document, newest first, read a page at a time to the last, and its current version. */
  versions: async (id: number) => {
    const first = await api.get<VersionList>(`/api/documents/${id}/versions`, { query: { limit: 200 } });
    for (let page = first; page.nextCursor !== null; ) {
      page = await api.get<VersionList>(`/api/documents/${id}/versions`, { query: { limit: 200, cursor: page.nextCursor } });
      first.items.push(...page.items);
    }
    return first;
  },
  version: (id: number, version: number) => api.get<VersionContent>(`/api/documents/${id}/versions/${version}`),
  /** What the live review of a document needs: its bureau's review settings and the profile it follows. */
  reviewSettings: (id: number) =>
    api
      .get<{ settings: ReviewSettings; formProfile: string }>(`/api/documents/${id}/review-settings`)
      .then((r) => ({ settings: r.settings, profile: profileById(r.formProfile) })),

  // An indicator's past and its peers (docs/library.md).
  history: (id: number) => api.get<DocumentHistory>(`/api/documents/${id}/history`),
  suggestions: (projectId: number, limit: number) =>
    api.get<SuggestionList>(`/api/projects/${projectId}/suggestions`, { query: { limit } }).then((r) => r.items),
  publicPeers: (indicatorId: number) => api.get<PeerComparison>(`/api/public/indicators/${indicatorId}/peers`),
  /** 事前绩效评估: what the live review needs (the amount, last year's projects, each assessment's state). */
  exAnteContext: (id: number) => api.get<ExAnteReview>(`/api/documents/${id}/ex-ante`),
  exAnte: (projectId: number) => api.get<ProjectExAnte>(`/api/projects/${projectId}/ex-ante`),
  saveExAnte: (projectId: number, version: number, assessment: ExAnteAssessment) =>
    api.put<{ version: number }>(`/api/projects/${projectId}/ex-ante`, { version, body: { assessment } }),
  exAnteReportUrl: (projectId: number) => `/api/projects/${projectId}/ex-ante/report.docx`,

  // 目标调整 (docs/adjustments.md).
  adjustmentQueue: (state: AdjustmentState, cursor?: string) =>
    api.get<CursorList<QueuedAdjustment>>('/api/adjustments', { query: { state, cursor } }),
  adjustment: (id: number) => api.get<AdjustmentView>(`/api/adjustments/${id}`),
  requestAdjustment: (documentId: number, reason: string, effectiveDate: string) =>
    api.post<AdjustmentView>(`/api/documents/${documentId}/adjustments`, { body: { reason, effectiveDate } }),
  saveAdjustment: (id: number, version: number, body: { reason?: string; effectiveDate?: string; content?: TargetDocument }) =>
    api.put<AdjustmentView>(`/api/adjustments/${id}`, { version, body }),
  adjustmentStep: (id: number, version: number, step: 'submit' | 'withdraw' | 'return' | 'approve', comment?: string) =>
    api.post<AdjustmentView>(`/api/adjustments/${id}/${step}`, { version, body: comment ? { comment } : {} }),
  publicAdjustments: (documentId: number) => api.get<CursorList<PublicAdjustment>>(`/api/public/documents/${documentId}/adjustments`),

  importPreview: (file: File) => api.post<ImportPreview>('/api/import/preview', { raw: file, query: { fileName: file.name } }),
  importCommit: (documents: Array<{ document: TargetDocument; year?: number; replaceVersion?: number }>) =>
    api.post<{ documents: Array<{ id: number; version: number }> }>('/api/import/commit', { body: { documents } }).then((r) => r.documents),

  // Actuals, monitoring, self-evaluation (docs/api.md "Actuals, monitoring and self-evaluation").
  projectRecords: (projectId: number) => api.get<ProjectRecords>(`/api/projects/${projectId}/actuals`),
  createRecord: <K extends RecordKind>(kind: K, projectId: number, input: RecordInputs[K]) =>
    api.post<{ record: RecordsOf[K]; revision: number }>(`/api/projects/${projectId}/actuals/${kind}`, { body: input }),
  updateRecord: <K extends RecordKind>(kind: K, id: number, version: number, input: Omit<RecordInputs[K], 'index'>) =>
    api.put<{ record: RecordsOf[K]; revision: number }>(`/api/actuals/${kind}/${id}`, { version, body: input }),
  deleteRecord: (kind: RecordKind, id: number, version: number) =>
    api.delete<{ revision: number }>(`/api/actuals/${kind}/${id}`, { version }),
  actualsPreview: (id: number, file: File) =>
    api.post<{ actuals: Actuals; plan: ImportPlan }>(`/api/documents/${id}/actuals/import/preview`, {
      raw: file,
      query: { fileName: file.name },
    }),
  actualsCommit: (id: number, actuals: Actuals) =>
    api.post<ImportPlan & { revision: number }>(`/api/documents/${id}/actuals/import/commit`, { body: { actuals } }),
  monitoring: (id: number, date?: string) => api.get<DocumentMonitoring>(`/api/documents/${id}/monitoring`, { query: { date } }),
  evaluation: (id: number) => api.get<DocumentEvaluation>(`/api/documents/${id}/evaluation`),
  publishEvaluation: (id: number) => api.post<PublishedEvaluation>(`/api/documents/${id}/evaluation/publish`),
  withdrawEvaluation: (id: number) => api.post<void>(`/api/documents/${id}/evaluation/withdraw`),
  warnings: (q: { year: number; date?: string; bureauId?: number; unitId?: number; light?: Light[]; limit: number; cursor?: string }) =>
    api.get<WarningList>('/api/monitoring/projects', { query: q }),
  documentDashboard: (id: number, date?: string) => api.get<Dashboard>(`/api/documents/${id}/dashboard`, { query: { date } }),
  bureauDashboard: (bureauId: number, year: number, date?: string) =>
    api.get<BureauDashboard>(`/api/bureaus/${bureauId}/dashboard`, { query: { year, date } }),
  bureauSettings: (bureauId: number) => api.get<BureauSettings>(`/api/bureaus/${bureauId}/settings`),
  saveBureauSettings: (bureauId: number, version: number, own: OwnSettings) =>
    api.put<BureauSettings>(`/api/bureaus/${bureauId}/settings`, { version, body: own }),

  // Administration.
  adminBureaus: () => api.get<{ items: Bureau[] }>('/api/admin/bureaus').then((r) => r.items),
  createBureau: (b: { code: string; name: string; parentId: number | null }) => api.post<Bureau>('/api/admin/bureaus', { body: b }),
  renameBureau: (id: number, name: string) => api.patch<Bureau>(`/api/admin/bureaus/${id}`, { body: { name } }),
  adminUnits: (q: { bureauId?: number; q?: string; limit: number; cursor?: string }) =>
    api.get<Paged<UnitRecord>>('/api/admin/units', { query: q }),
  createUnit: (u: { code: string; name: string; bureauId: number }) => api.post<UnitRecord>('/api/admin/units', { body: u }),
  updateUnit: (id: number, u: { name?: string; bureauId?: number }) => api.patch<UnitRecord>(`/api/admin/units/${id}`, { body: u }),
  bulkUnits: (file: File) =>
    api.post<{ bureausCreated: number; unitsCreated: number; existing: number }>('/api/admin/units/bulk', {
      raw: file,
      query: { fileName: file.name },
    }),
  adminUsers: (q: { q?: string; limit: number; cursor?: string }) => api.get<Paged<ListedUser>>('/api/admin/users', { query: q }),
  createUser: (u: NewUser) => api.post<{ user: User; password: string }>('/api/admin/users', { body: u }),
  updateUser: (id: number, u: Partial<Omit<NewUser, 'username'>> & { disabled?: boolean; resetPassword?: boolean }) =>
    api.patch<{ user: User; password?: string }>(`/api/admin/users/${id}`, { body: u }),
};
