/** The 自评任务 API calls (src/server/routes/evaluation-tasks.ts) and their queries. */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type * as TaskApi from '../../server/evaluation-task-schemas.ts';
import { api } from '../api/client.ts';
import type { Paged, Wire } from '../api/types.ts';

export type TaskView = Wire<typeof TaskApi.Task>;
export type TaskDetail = Wire<typeof TaskApi.TaskDetail>;
export type AssignmentView = Wire<typeof TaskApi.Assignment>;
export type UnitAssignmentView = Wire<typeof TaskApi.UnitAssignment>;
export type RecheckView = Wire<typeof TaskApi.Recheck>;
export type Reminders = Wire<typeof TaskApi.Reminders>;
export type NewTask = Wire<typeof TaskApi.NewTask>;
export type SampleSize = Wire<typeof TaskApi.SampleSize>;
type Page = { limit: number; cursor?: string };

const BASE = ['evaluation-tasks'] as const;

export const taskQueries = {
  list: (page: Page) =>
    queryOptions({
      queryKey: [...BASE, 'list', page],
      queryFn: () => api.get<Paged<TaskView>>('/api/evaluation-tasks', { query: { ...page } }),
    }),
  detail: (id: number) =>
    queryOptions({ queryKey: [...BASE, 'detail', id], queryFn: () => api.get<TaskDetail>(`/api/evaluation-tasks/${id}`) }),
  assignments: (id: number, filter: { state?: string; late?: boolean }, page: Page) =>
    queryOptions({
      queryKey: [...BASE, 'assignments', id, filter, page],
      queryFn: () =>
        api.get<Paged<AssignmentView>>(`/api/evaluation-tasks/${id}/assignments`, {
          query: { ...page, state: filter.state, late: filter.late ? 'true' : undefined },
        }),
    }),
  rechecks: (id: number, page: Page) =>
    queryOptions({
      queryKey: [...BASE, 'rechecks', id, page],
      queryFn: () => api.get<Paged<RecheckView>>(`/api/evaluation-tasks/${id}/sample/rechecks`, { query: { ...page } }),
    }),
  mine: (page: Page) =>
    queryOptions({
      queryKey: [...BASE, 'mine', page],
      queryFn: () => api.get<Paged<UnitAssignmentView>>('/api/evaluation-assignments', { query: { ...page } }),
    }),
  reminders: () => queryOptions({ queryKey: [...BASE, 'reminders'], queryFn: () => api.get<Reminders>('/api/evaluation-reminders') }),
};

/** After a write every task view is out of date. */
export const tasksStale = (client: QueryClient) => client.invalidateQueries({ queryKey: BASE });

export const taskEndpoints = {
  create: (task: NewTask) => api.post<TaskView>('/api/evaluation-tasks', { body: task }),
  start: (a: { id: number; version: number }) =>
    api.post<AssignmentView>(`/api/evaluation-assignments/${a.id}/start`, { version: a.version }),
  submit: (a: { id: number; version: number }) =>
    api.post<AssignmentView>(`/api/evaluation-assignments/${a.id}/submit`, { version: a.version }),
  review: (a: AssignmentView, decision: 'accept' | 'return', comment: string) =>
    api.post<AssignmentView>(`/api/evaluation-assignments/${a.id}/review`, { version: a.version, body: { decision, comment } }),
  draw: (task: TaskView, size: SampleSize, seed: string) =>
    api.post(`/api/evaluation-tasks/${task.id}/sample`, { version: task.version, body: { size, ...(seed.trim() ? { seed } : {}) } }),
  recheck: (r: RecheckView, score: string, findings: string) =>
    api.put<RecheckView>(`/api/evaluation-rechecks/${r.id}`, { version: r.version, body: { score, findings } }),
};
