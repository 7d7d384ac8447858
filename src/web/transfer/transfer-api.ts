/** The transfer-payment API calls (src/server/routes/transfer.ts) and their queries. */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { AllocationContent, FundContent } from '../../core/transfer/fund.ts';
import type * as TransferApi from '../../server/transfer-schemas.ts';
import { api } from '../api/client.ts';
import type { Paged, Wire } from '../api/types.ts';

export type FundSummary = Wire<typeof TransferApi.FundSummary>;
export type FundView = Wire<typeof TransferApi.FundView>;
export type AllocationView = FundView['allocations'][number];
export type BreakdownView = AllocationView['breakdowns'][number];
export type FundRollup = Wire<typeof TransferApi.FundRollup>;
export type RollupRow = FundRollup['rows'][number];
export type CandidateProject = Wire<typeof TransferApi.CandidateProject>;
export type ProjectTransfer = Wire<typeof TransferApi.ProjectTransfer>;

const BASE = ['transfer'] as const;

export const transferQueries = {
  list: (query: { limit: number; cursor?: string }) =>
    queryOptions({
      queryKey: [...BASE, 'list', query],
      queryFn: () => api.get<Paged<FundSummary>>('/api/transfer-funds', { query: { ...query } }),
    }),
  fund: (id: number) => queryOptions({ queryKey: [...BASE, 'fund', id], queryFn: () => api.get<FundView>(`/api/transfer-funds/${id}`) }),
  rollup: (id: number) =>
    queryOptions({ queryKey: [...BASE, 'rollup', id], queryFn: () => api.get<FundRollup>(`/api/transfer-funds/${id}/rollup`) }),
  candidates: (allocationId: number, q: string) =>
    queryOptions({
      queryKey: [...BASE, 'candidates', allocationId, q],
      queryFn: () => api.get<Paged<CandidateProject>>(`/api/transfer-allocations/${allocationId}/projects`, { query: { q, limit: 50 } }),
    }),
  projectTransfers: (projectId: number) =>
    queryOptions({
      queryKey: [...BASE, 'project', projectId],
      queryFn: () => api.get<ProjectTransfer[]>(`/api/projects/${projectId}/transfers`),
    }),
};

/** After a write the fund, its roll-up and the list are out of date. */
export const transferStale = (client: QueryClient) => client.invalidateQueries({ queryKey: BASE });

export const transferEndpoints = {
  create: (fund: FundContent) => api.post<FundView>('/api/transfer-funds', { body: fund }),
  update: (f: FundView, fund: FundContent, allocations: AllocationContent[]) =>
    api.put<{ version: number }>(`/api/transfer-funds/${f.id}`, { version: f.version, body: { fund, allocations } }),
  issue: (f: FundView) => api.post<{ version: number }>(`/api/transfer-funds/${f.id}/issue`, { version: f.version }),
  accept: (a: AllocationView) => api.post<{ version: number }>(`/api/transfer-allocations/${a.id}/accept`, { version: a.version }),
  addBreakdown: (a: AllocationView, projectId: number, amount: string, mapping: (number | null)[]) =>
    api.post<{ id: number }>(`/api/transfer-allocations/${a.id}/breakdowns`, { version: a.version, body: { projectId, amount, mapping } }),
  removeBreakdown: (b: BreakdownView) => api.delete<void>(`/api/transfer-breakdowns/${b.id}`, { version: b.version }),
};

export const tableHref = (id: number, format: 'xlsx' | 'docx') => `/api/transfer-funds/${id}/table.${format}`;
