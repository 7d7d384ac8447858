/** Every API call the UI makes, by name (paths and bodies as src/server/routes/* define them). */
import type { DepartmentGoals, Project, TargetDocument } from '../../core/model/document.ts';
import type { Finding } from '../../core/review/finding.ts';
import { api } from './client.ts';
import type {
  AuditRecord,
  BatchResult,
  Bureau,
  Comment,
  CommentAnchor,
  DocumentList,
  ImportPreviewItem,
  ListFilter,
  ProjectList,
  Status,
  StoredDocument,
  UnitRecord,
  User,
} from './types.ts';

type Step = 'submit' | 'withdraw' | 'return' | 'approve' | 'publish';
type Query = NonNullable<Parameters<typeof api.get>[1]>['query'];
const filterQuery = (f: ListFilter): Query => ({ ...f, status: f.status });

export const endpoints = {
  me: () => api.get<{ user: User }>('/api/auth/me').then((r) => r.user),
  login: (username: string, password: string) => api.post<{ user: User }>('/api/auth/login', { body: { username, password } }).then((r) => r.user),
  logout: () => api.post<void>('/api/auth/logout'),

  documents: (f: ListFilter) => api.get<DocumentList>('/api/documents', { query: filterQuery(f) }),
  projects: (f: ListFilter) => api.get<ProjectList>('/api/projects', { query: filterQuery(f) }),
  publicDocuments: (f: ListFilter) => api.get<DocumentList>('/api/public/documents', { query: filterQuery(f) }),
  publicProjects: (f: ListFilter) => api.get<ProjectList>('/api/public/projects', { query: filterQuery(f) }),
  bureaus: (publicOnly: boolean) => api.get<{ items: Bureau[] }>(publicOnly ? '/api/public/bureaus' : '/api/bureaus').then((r) => r.items),
  units: (bureauId?: number) => api.get<{ items: UnitRecord[]; total: number }>('/api/units', { query: { bureauId, limit: 200 } }).then((r) => r.items),

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

  comments: (id: number) => api.get<{ items: Comment[] }>(`/api/documents/${id}/comments`).then((r) => r.items),
  addComment: (id: number, body: string, anchor: CommentAnchor) => api.post<Comment>(`/api/documents/${id}/comments`, { body: { body, ...anchor } }),
  resolveComment: (commentId: number) => api.post<void>(`/api/comments/${commentId}/resolve`),
  audit: (id: number, beforeId?: number) =>
    api.get<{ items: AuditRecord[] }>(`/api/documents/${id}/audit`, { query: { limit: 50, beforeId } }).then((r) => r.items),

  importPreview: (file: File) =>
    api.post<{ documents: ImportPreviewItem[] }>('/api/import/preview', { raw: file, query: { fileName: file.name } }).then((r) => r.documents),
  importCommit: (documents: Array<{ document: TargetDocument; year?: number; replaceVersion?: number }>) =>
    api.post<{ documents: Array<{ id: number; version: number }> }>('/api/import/commit', { body: { documents } }).then((r) => r.documents),
};
