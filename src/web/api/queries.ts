/**
 * Every server read the UI caches, by name: its query key and fetcher in one place, so a page asks
 * for `queries.document(id)` and a change names what it makes stale (`stale.*`) instead of spelling
 * keys by hand. Keys begin with the read's name, then what it depends on: invalidating a prefix
 * (`['comments', id]`) refetches every read under it.
 */
import { infiniteQueryOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { endpoints } from './endpoints.ts';
import type { AuditPage, CommentPage, DocumentQuery, ListFilter } from './types.ts';

/** Lists of bureaus and units change rarely: five minutes before they are asked again. */
const RARELY = 300_000;
/** How many suggestions a project's panel lists (the API's own default). */
const SUGGESTIONS = 20;

type Warnings = Parameters<typeof endpoints.warnings>[0];
type AdminUnits = Parameters<typeof endpoints.adminUnits>[0];
type AdminUsers = Parameters<typeof endpoints.adminUsers>[0];

export const queries = {
  bureaus: () => queryOptions({ queryKey: ['bureaus'], queryFn: () => endpoints.bureaus(false), staleTime: RARELY }),
  publicBureaus: () => queryOptions({ queryKey: ['public-bureaus'], queryFn: () => endpoints.bureaus(true), staleTime: RARELY }),
  units: (bureauId: number | undefined, q?: string) =>
    queryOptions({ queryKey: ['units', bureauId, q], queryFn: () => endpoints.units(bureauId, q), staleTime: RARELY }),

  document: (id: number) => queryOptions({ queryKey: ['document', id], queryFn: () => endpoints.document(id) }),
  publicDocument: (id: number) => queryOptions({ queryKey: ['public-document', id], queryFn: () => endpoints.document(id) }),
  findings: (id: number) => queryOptions({ queryKey: ['findings', id], queryFn: () => endpoints.findings(id) }),
  exAnteContext: (id: number) => queryOptions({ queryKey: ['ex-ante', id], queryFn: () => endpoints.exAnteContext(id) }),
  exAnte: (projectId: number) => queryOptions({ queryKey: ['ex-ante-project', projectId], queryFn: () => endpoints.exAnte(projectId) }),
  reviewSettings: (id: number) =>
    queryOptions({ queryKey: ['review-settings', id], queryFn: () => endpoints.reviewSettings(id), staleTime: RARELY }),
  myDocuments: () => queryOptions({ queryKey: ['documents', 'mine'], queryFn: () => endpoints.documents({ limit: 200 }) }),
  queue: (filter: DocumentQuery) => queryOptions({ queryKey: ['queue', filter], queryFn: () => endpoints.documents(filter) }),
  /** Counts per status and the budget sum of a filtered set: asked once per filter, not per page. */
  queueSummary: (filter: ListFilter) =>
    queryOptions({ queryKey: ['queue-summary', filter], queryFn: () => endpoints.documentSummary(filter) }),
  publicDocuments: (filter: DocumentQuery) =>
    queryOptions({ queryKey: ['public-documents', filter], queryFn: () => endpoints.publicDocuments(filter) }),
  publicProjects: (filter: ListFilter) =>
    queryOptions({ queryKey: ['public-projects', filter], queryFn: () => endpoints.publicProjects(filter) }),
  /** The latest year with an approved or published document the user may see (lists come newest first). */
  monitoredYear: () =>
    queryOptions({
      queryKey: ['monitored-year'],
      queryFn: () => endpoints.documents({ status: ['approved', 'published'], limit: 1, sort: '-year' }),
      staleTime: RARELY,
    }),

  /**
   * Each row's 上年 / 前年, by the stored rows' ids: asked for the version a page shows, since every
   * save renumbers the rows (the editor binds them to its rows once, as loaded).
   */
  history: (id: number, version: number | undefined) =>
    queryOptions({
      queryKey: ['history', id, version],
      queryFn: () => endpoints.history(id),
      enabled: version !== undefined,
      staleTime: Infinity,
    }),
  suggestions: (projectId: number) =>
    queryOptions({ queryKey: ['suggestions', projectId], queryFn: () => endpoints.suggestions(projectId, SUGGESTIONS) }),
  /** A published row's peers change only as other documents are published. */
  publicPeers: (indicatorId: number) =>
    queryOptions({ queryKey: ['public-peers', indicatorId], queryFn: () => endpoints.publicPeers(indicatorId), staleTime: RARELY }),

  openComments: (id: number) => queryOptions({ queryKey: ['comments', id, 'open'], queryFn: () => endpoints.openComments(id) }),
  commentHistory: (id: number) =>
    infiniteQueryOptions({
      queryKey: ['comments', id, 'history'],
      queryFn: ({ pageParam }) => endpoints.comments(id, pageParam),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last: CommentPage) => last.nextCursor ?? undefined,
    }),
  audit: (id: number) =>
    infiniteQueryOptions({
      queryKey: ['audit', id],
      queryFn: ({ pageParam }) => endpoints.audit(id, pageParam),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last: AuditPage) => last.nextCursor ?? undefined,
    }),
  versions: (id: number) => queryOptions({ queryKey: ['versions', id], queryFn: () => endpoints.versions(id) }),
  /** A stored version never changes. */
  version: (id: number, version: number) =>
    queryOptions({ queryKey: ['versions', id, version], queryFn: () => endpoints.version(id, version), staleTime: Infinity }),

  records: (projectId: number) => queryOptions({ queryKey: ['records', projectId], queryFn: () => endpoints.projectRecords(projectId) }),
  monitoring: (id: number, date: string | undefined) =>
    queryOptions({ queryKey: ['monitoring', id, date], queryFn: () => endpoints.monitoring(id, date) }),
  evaluation: (id: number) => queryOptions({ queryKey: ['evaluation', id], queryFn: () => endpoints.evaluation(id) }),
  warnings: (q: Warnings) => queryOptions({ queryKey: ['warnings', q], queryFn: () => endpoints.warnings(q) }),
  unitDashboard: (id: number, date: string | undefined) =>
    queryOptions({ queryKey: ['unit-dashboard', id, date], queryFn: () => endpoints.documentDashboard(id, date) }),
  bureauDashboard: (bureauId: number, year: number, date: string | undefined) =>
    queryOptions({ queryKey: ['bureau-dashboard', bureauId, year, date], queryFn: () => endpoints.bureauDashboard(bureauId, year, date) }),
  bureauSettings: (bureauId: number) =>
    queryOptions({ queryKey: ['bureau-settings', bureauId], queryFn: () => endpoints.bureauSettings(bureauId) }),

  adminBureaus: () => queryOptions({ queryKey: ['admin-bureaus'], queryFn: endpoints.adminBureaus }),
  adminUnits: (q: AdminUnits) => queryOptions({ queryKey: ['admin-units', q], queryFn: () => endpoints.adminUnits(q) }),
  adminUsers: (q: AdminUsers) => queryOptions({ queryKey: ['admin-users', q], queryFn: () => endpoints.adminUsers(q) }),
  exportFormats: () => queryOptions({ queryKey: ['export-formats'], queryFn: endpoints.exportFormats, staleTime: Infinity }),
};

const firstKeyIn = (names: readonly string[]) => ({
  predicate: (q: { queryKey: readonly unknown[] }) => names.includes(q.queryKey[0] as string),
});

/** What each kind of change makes stale. */
export const stale = {
  /** Anything the server holds may have changed (an import, a workflow step): all but who is signed in. */
  everything: (client: QueryClient) => client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' }),
  /** The bureau tree, as the admin and every filter list it. */
  bureaus: (client: QueryClient) => client.invalidateQueries(firstKeyIn(['admin-bureaus', 'bureaus', 'public-bureaus'])),
  /** Units, as the admin and the filters list them. */
  units: (client: QueryClient) => client.invalidateQueries(firstKeyIn(['admin-units', 'units'])),
  users: (client: QueryClient) => client.invalidateQueries({ queryKey: ['admin-users'] }),
  comments: (client: QueryClient, documentId: number) => client.invalidateQueries({ queryKey: ['comments', documentId] }),
  /** A project's records: them, the document's monitoring, evaluation, dashboard and audit trail, and the warning list. */
  records: (client: QueryClient, documentId: number, projectId: number) =>
    client.invalidateQueries({
      predicate: (q) => {
        const [key, id] = q.queryKey as [string, number];
        return (
          (key === 'records' && id === projectId) ||
          (['monitoring', 'evaluation', 'unit-dashboard', 'audit'].includes(key) && id === documentId) ||
          key === 'warnings'
        );
      },
    }),
};
