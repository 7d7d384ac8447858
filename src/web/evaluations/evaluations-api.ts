/** The evaluations API calls (src/server/routes/evaluations.ts) and their queries. */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { EvaluationState } from '../../core/evaluations/evaluation.ts';
import type * as EvaluationsApi from '../../server/evaluations-schemas.ts';
import { api } from '../api/client.ts';
import type { Paged, User, Wire } from '../api/types.ts';

export type EvaluationSummary = Wire<typeof EvaluationsApi.EvaluationSummary>;
export type EvaluationView = Wire<typeof EvaluationsApi.EvaluationView>;
export type EvaluatorAccount = Wire<typeof EvaluationsApi.EvaluatorAccount>;
export type NewEvaluation = Wire<typeof EvaluationsApi.NewEvaluationBody>;
export type FindingInput = Wire<typeof EvaluationsApi.FindingBody>;

const BASE = ['evaluations'] as const;

export const evaluationQueries = {
  list: (query: { year?: number; state?: EvaluationState; limit: number; cursor?: string }) =>
    queryOptions({
      queryKey: [...BASE, 'list', query],
      queryFn: () => api.get<Paged<EvaluationSummary>>('/api/evaluations', { query: { ...query } }),
    }),
  one: (id: number) => queryOptions({ queryKey: [...BASE, 'one', id], queryFn: () => api.get<EvaluationView>(`/api/evaluations/${id}`) }),
  evaluators: (enabled: boolean) =>
    queryOptions({
      queryKey: [...BASE, 'evaluators'],
      queryFn: () => api.get<Paged<EvaluatorAccount>>('/api/evaluations/evaluators', { query: { limit: 200 } }),
      enabled,
    }),
};

/** After a write every evaluation read is out of date. */
export const evaluationsStale = (client: QueryClient) => client.invalidateQueries({ queryKey: BASE });

type Versioned = { version: number };
const at = (e: Pick<EvaluationView, 'id'>, path = '') => `/api/evaluations/${e.id}${path}`;

export const evaluationEndpoints = {
  create: (body: NewEvaluation) => api.post<EvaluationView>('/api/evaluations', { body }),
  createEvaluator: (body: { username: string; displayName: string; organisation: string }) =>
    api.post<{ user: User; password: string }>('/api/evaluations/evaluators', { body }),
  recordResult: (e: EvaluationView, score: string | null, summary: string) =>
    api.put<Versioned>(at(e, '/result'), { version: e.version, body: { score, summary } }),
  addFinding: (e: EvaluationView, f: FindingInput) => api.post<Versioned>(at(e, '/findings'), { version: e.version, body: f }),
  deleteFinding: (e: EvaluationView, findingId: number) => api.delete<Versioned>(at(e, `/findings/${findingId}`), { version: e.version }),
  uploadReport: (e: EvaluationView, file: File) =>
    api.put<Versioned>(at(e, '/report'), { version: e.version, raw: file, query: { fileName: file.name } }),
  submit: (e: EvaluationView) => api.post<Versioned>(at(e, '/submit'), { version: e.version }),
  accept: (e: EvaluationView) => api.post<Versioned>(at(e, '/accept'), { version: e.version }),
  return: (e: EvaluationView, comment: string) => api.post<Versioned>(at(e, '/return'), { version: e.version, body: { comment } }),
};

export const reportHref = (e: Pick<EvaluationView, 'id'>) => at(e, '/report');
