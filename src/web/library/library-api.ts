/** The indicator library's API calls (src/server/routes/library.ts) and their queries. */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { Field } from '../../core/library/fields.ts';
import type { EntryState } from '../../core/library/entry.ts';
import type * as LibraryApi from '../../server/library-schemas.ts';
import { api } from '../api/client.ts';
import type { Paged, Wire } from '../api/types.ts';

export type LibraryEntryView = Wire<typeof LibraryApi.LibraryEntryView>;
export type EntryContent = Wire<typeof LibraryApi.EntryContent>;

export interface LibraryQuery {
  field?: Field;
  state?: EntryState;
  q?: string;
  limit: number;
  cursor?: string;
}

const BASE = ['library'] as const;

export const libraryQueries = {
  list: (query: LibraryQuery) =>
    queryOptions({
      queryKey: [...BASE, 'list', query],
      queryFn: () => api.get<Paged<LibraryEntryView>>('/api/library', { query: { ...query } }),
    }),
};

/** After a write every list of the library is out of date. */
export const libraryStale = (client: QueryClient) => client.invalidateQueries({ queryKey: BASE });

export const libraryEndpoints = {
  apply: (entry: EntryContent) => api.post<LibraryEntryView>('/api/library/applications', { body: { entry } }),
  add: (entry: EntryContent) => api.post<LibraryEntryView>('/api/library/entries', { body: { entry } }),
  decide: (v: LibraryEntryView, decision: 'approve' | 'refuse', reason?: string) =>
    api.post<LibraryEntryView>(`/api/library/entries/${v.id}/decision`, { version: v.version, body: { decision, reason } }),
  retire: (v: LibraryEntryView) => api.post<LibraryEntryView>(`/api/library/entries/${v.id}/retire`, { version: v.version }),
  withdraw: (v: LibraryEntryView) => api.delete<void>(`/api/library/entries/${v.id}`, { version: v.version }),
  import: (file: File) =>
    api.post<{ created: number; updated: number }>('/api/library/import', { raw: file, query: { fileName: file.name } }),
};

export const exportHref = (format: 'json' | 'xlsx') => `/api/library/export?format=${format}`;
