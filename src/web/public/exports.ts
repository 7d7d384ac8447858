/**
 * Downloads of a document's exports. The export endpoint belongs to the publication work; the UI asks
 * the API's own OpenAPI description whether it is there, so the buttons appear once it lands
 * (docs/ui-api-needs.md describes what the UI expects of it).
 */
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';

export const EXPORT_PATH = '/api/documents/{id}/export';
export const EXPORT_FORMATS = ['docx', 'pdf', 'xlsx', 'json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const exportUrl = (id: number, format: ExportFormat) => `/api/documents/${id}/export?format=${format}`;

export function useExportsAvailable(): boolean {
  const spec = useQuery({
    queryKey: ['openapi'],
    queryFn: () => api.get<{ paths?: Record<string, unknown> }>('/api/openapi.json'),
    staleTime: Infinity,
  });
  return spec.data?.paths?.[EXPORT_PATH] !== undefined;
}
