/**
 * Downloads of a document's exports (docx, pdf, xlsx, json, opendata — whatever the server offers).
 * The UI asks the API's own OpenAPI description which formats `/api/documents/{id}/export` takes,
 * so the buttons follow the server: none before the route exists, a new format as soon as it does.
 */
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';

export const EXPORT_PATH = '/api/documents/{id}/export';

interface OpenApi {
  paths?: Record<string, { get?: { parameters?: Array<{ name: string; in: string; schema?: { enum?: string[] } }> } }>;
}

/** The formats the export route lists for `format`, in its order; empty when there is no such route. */
export function exportFormats(spec: OpenApi | undefined): string[] {
  const params = spec?.paths?.[EXPORT_PATH]?.get?.parameters ?? [];
  return params.find((p) => p.name === 'format' && p.in === 'query')?.schema?.enum ?? [];
}

export const exportUrl = (id: number, format: string) => `/api/documents/${id}/export?format=${encodeURIComponent(format)}`;

export function useExportFormats(): string[] {
  const spec = useQuery({ queryKey: ['openapi'], queryFn: () => api.get<OpenApi>('/api/openapi.json'), staleTime: Infinity });
  return exportFormats(spec.data);
}
