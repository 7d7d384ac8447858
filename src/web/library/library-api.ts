/** The indicator library's API calls (src/server/routes/library.ts) and their queries. */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { Field } from '../../core/library/fields.ts';
import type { EntryState } from '../../core/library/entry.ts';
import type * as LibraryApi from '../../server/library-schemas.ts';
import { ApiFailure, api } from '../api/client.ts';
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
  edit: (v: LibraryEntryView, entry: EntryContent) =>
    api.put<LibraryEntryView>(`/api/library/entries/${v.id}`, { version: v.version, body: { entry } }),
  retire: (v: LibraryEntryView) => api.post<LibraryEntryView>(`/api/library/entries/${v.id}/retire`, { version: v.version }),
  reinstate: (v: LibraryEntryView) => api.post<LibraryEntryView>(`/api/library/entries/${v.id}/reinstate`, { version: v.version }),
  entry: (id: number) => api.get<LibraryEntryView>(`/api/library/${id}`),
  withdraw: (v: LibraryEntryView) => api.delete<void>(`/api/library/entries/${v.id}`, { version: v.version }),
  import: (file: File) =>
    api.post<{ created: number; updated: number }>('/api/library/import', { raw: file, query: { fileName: file.name } }),
};

/** What an entry's form edits: all but its id, source and status (the workflow's). */
export function contentOf({ id: _id, source: _source, status: _status, ...content }: LibraryEntryView['entry']): EntryContent {
  return content;
}

/** The form's field a refusal is about: the server names it by its path in the body (`/entry/unit`). */
export function entryFieldOf(e: unknown): keyof EntryContent | null {
  if (!(e instanceof ApiFailure) || typeof e.body.path !== 'string') return null;
  const field = /^\/entry\/(\w+)$/.exec(e.body.path)?.[1];
  return field !== undefined && Object.hasOwn(ENTRY_FIELDS, field) ? (field as keyof EntryContent) : null;
}
const ENTRY_FIELDS: Record<keyof EntryContent, true> = {
  level1: true,
  level2: true,
  level3: true,
  description: true,
  unit: true,
  direction: true,
  target: true,
  explanation: true,
  method: true,
  dataSource: true,
  field: true,
};

export const exportHref = (format: 'json' | 'xlsx') => `/api/library/export?format=${format}`;
