/** The approval notices' API calls (src/server/routes/notices.ts) and their queries. */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type * as NoticeApi from '../../server/notice-schemas.ts';
import { api } from '../api/client.ts';
import type { Paged, Wire } from '../api/types.ts';

export type NoticeView = Wire<typeof NoticeApi.NoticeView>;
export type NoticeDocument = Wire<typeof NoticeApi.NoticeDocument>;
export type DocumentNotice = Wire<typeof NoticeApi.DocumentNotice>;
export type NoticeState = NoticeView['state'];
export type NoticeFields = Wire<typeof NoticeApi.NoticeFields>;
export type NoticeCreate = Wire<typeof NoticeApi.NoticeCreate>;

interface Page {
  limit: number;
  cursor?: string;
}

const BASE = ['notices'] as const;

export const noticeQueries = {
  list: (query: { year?: number; state?: NoticeState } & Page) =>
    queryOptions({
      queryKey: [...BASE, 'list', query],
      queryFn: () => api.get<Paged<NoticeView>>('/api/notices', { query: { ...query } }),
    }),
  one: (id: number) => queryOptions({ queryKey: [...BASE, id], queryFn: () => api.get<NoticeView>(`/api/notices/${id}`) }),
  documents: (id: number, page: Page) =>
    queryOptions({
      queryKey: [...BASE, id, 'documents', page],
      queryFn: () => api.get<Paged<NoticeDocument>>(`/api/notices/${id}/documents`, { query: { ...page } }),
    }),
  candidates: (id: number, query: { q?: string } & Page) =>
    queryOptions({
      queryKey: [...BASE, id, 'candidates', query],
      queryFn: () => api.get<Paged<NoticeDocument>>(`/api/notices/${id}/candidates`, { query: { ...query } }),
    }),
  ofDocument: (documentId: number) =>
    queryOptions({
      queryKey: [...BASE, 'document', documentId],
      queryFn: () => api.get<{ items: DocumentNotice[] }>(`/api/documents/${documentId}/notices`),
    }),
};

/** After a write every notice query is out of date. */
export const noticesStale = (client: QueryClient) => client.invalidateQueries({ queryKey: BASE });

export const noticeEndpoints = {
  create: (body: NoticeCreate) => api.post<NoticeView>('/api/notices', { body }),
  edit: (n: NoticeView, body: NoticeFields) => api.put<NoticeView>(`/api/notices/${n.id}`, { version: n.version, body }),
  remove: (n: NoticeView) => api.delete<void>(`/api/notices/${n.id}`, { version: n.version }),
  add: (n: NoticeView, documentIds: number[]) =>
    api.post<NoticeView>(`/api/notices/${n.id}/documents`, { version: n.version, body: { documentIds } }),
  drop: (n: NoticeView, documentId: number) =>
    api.delete<NoticeView>(`/api/notices/${n.id}/documents/${documentId}`, { version: n.version }),
  issue: (n: NoticeView) => api.post<NoticeView>(`/api/notices/${n.id}/issue`, { version: n.version }),
  withdraw: (n: NoticeView, reason: string) =>
    api.post<NoticeView>(`/api/notices/${n.id}/withdraw`, { version: n.version, body: { reason } }),
};

export type NoticeFormat = 'docx' | 'pdf';
export const noticeHref = (id: number, format: NoticeFormat) => `/api/notices/${id}/export?format=${format}`;
export const formHref = (id: number, documentId: number, format: NoticeFormat) =>
  `/api/notices/${id}/documents/${documentId}/export?format=${format}`;

export const STATE_COLORS: Record<NoticeState, string> = { draft: 'processing', issued: 'success', withdrawn: 'default' };
