/** 整改 and 结果应用 endpoints (src/server/routes/rectification.ts) and their query keys. */
import { infiniteQueryOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { RectificationState } from '../../core/rectification/item.ts';
import type * as RectificationApi from '../../server/rectification-schemas.ts';
import { api } from '../api/client.ts';
import type { Paged, Wire } from '../api/types.ts';

export type RectificationItem = Wire<typeof RectificationApi.Item>;
export type EvidenceFile = Wire<typeof RectificationApi.EvidenceFile>;
export type RectificationDetail = Wire<typeof RectificationApi.ItemWithFiles>;
export type NewRectification = Wire<typeof RectificationApi.NewItem>;
export type ResultRow = Wire<typeof RectificationApi.ResultRow>;
export type Carried = Wire<typeof RectificationApi.Carried>;

export interface ListFilter {
  state?: RectificationState[];
  overdue?: boolean;
}

export const rectificationApi = {
  open: (body: NewRectification) => api.post<RectificationItem>('/api/rectifications', { body }),
  list: (f: ListFilter, cursor?: string) =>
    api.get<Paged<RectificationItem>>('/api/rectifications', {
      query: { state: f.state, overdue: f.overdue ? 'true' : undefined, cursor, limit: 50 },
    }),
  read: (id: number) => api.get<RectificationDetail>(`/api/rectifications/${id}`),
  step: (id: number, step: 'respond' | 'close' | 'reopen', version: number, text: string) =>
    api.post<RectificationItem>(`/api/rectifications/${id}/${step}`, { version, body: { text } }),
  upload: (id: number, version: number, file: File) =>
    api.post<{ file: EvidenceFile; version: number }>(`/api/rectifications/${id}/files`, {
      version,
      raw: file,
      query: { fileName: file.name },
    }),
  fileUrl: (fileId: number) => `/api/rectification-files/${fileId}`,
  summary: (bureauId?: number) => api.get<{ overdue: number; date: string }>('/api/rectifications/summary', { query: { bureauId } }),
  carried: (documentId: number) => api.get<Carried>(`/api/documents/${documentId}/carried`),
  results: (year: number, bureauId: number | undefined, cursor?: string) =>
    api.get<Paged<ResultRow>>('/api/results', { query: { year, bureauId, cursor, limit: 50 } }),
  resultsXlsxUrl: (year: number, bureauId: number | undefined) =>
    `/api/results/export.xlsx?year=${year}${bureauId === undefined ? '' : `&bureauId=${bureauId}`}`,
};

export const rectificationQueries = {
  list: (f: ListFilter) =>
    infiniteQueryOptions({
      queryKey: ['rectifications', 'list', f],
      queryFn: ({ pageParam }) => rectificationApi.list(f, pageParam),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  item: (id: number) => queryOptions({ queryKey: ['rectifications', 'item', id], queryFn: () => rectificationApi.read(id) }),
  summary: (bureauId?: number) =>
    queryOptions({ queryKey: ['rectifications', 'summary', bureauId ?? null], queryFn: () => rectificationApi.summary(bureauId) }),
  carried: (documentId: number) =>
    queryOptions({ queryKey: ['rectifications', 'carried', documentId], queryFn: () => rectificationApi.carried(documentId) }),
  results: (year: number, bureauId: number | undefined) =>
    infiniteQueryOptions({
      queryKey: ['results', year, bureauId ?? null],
      queryFn: ({ pageParam }) => rectificationApi.results(year, bureauId, pageParam),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
};

/** After a write: every list, count and item of 整改 (and the results report's open counts). */
export const staleRectifications = (client: QueryClient) =>
  Promise.all([client.invalidateQueries({ queryKey: ['rectifications'] }), client.invalidateQueries({ queryKey: ['results'] })]);
