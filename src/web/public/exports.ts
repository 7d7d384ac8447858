/**
 * Downloads of a document's exports (docx, pdf, xlsx, json, opendata — whatever the server offers).
 * The server lists the formats its export route takes, so the buttons follow it: a new format
 * shows as soon as the server offers it.
 */
import { useQuery } from '@tanstack/react-query';
import { queries } from '../api/queries.ts';

export const exportUrl = (id: number, format: string) => `/api/documents/${id}/export?format=${encodeURIComponent(format)}`;

export function useExportFormats(): string[] {
  return useQuery(queries.exportFormats()).data ?? [];
}
