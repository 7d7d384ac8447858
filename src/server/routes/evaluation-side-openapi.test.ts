/**
 * The API description lists every operation of issue 17's stages — 自评任务 and 抽评, 绩效评价, 整改
 * and 结果应用 — each with a Chinese summary. The description does not depend on the database, so
 * PGlite alone serves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorld, type World } from '../fixture.testing.ts';
import { pgliteDatabase } from '../testing.ts';

const OPERATIONS = [
  'post /api/evaluation-tasks',
  'get /api/evaluation-tasks',
  'get /api/evaluation-tasks/{id}',
  'get /api/evaluation-tasks/{id}/assignments',
  'post /api/evaluation-tasks/{id}/sample',
  'get /api/evaluation-tasks/{id}/sample/rechecks',
  'put /api/evaluation-rechecks/{id}',
  'get /api/evaluation-assignments',
  'post /api/evaluation-assignments/{id}/start',
  'post /api/evaluation-assignments/{id}/submit',
  'post /api/evaluation-assignments/{id}/review',
  'get /api/evaluation-reminders',
  'get /api/evaluations',
  'post /api/evaluations',
  'get /api/evaluations/evaluators',
  'post /api/evaluations/evaluators',
  'get /api/evaluations/{id}',
  'put /api/evaluations/{id}',
  'put /api/evaluations/{id}/result',
  'post /api/evaluations/{id}/findings',
  'put /api/evaluations/{id}/findings/{findingId}',
  'delete /api/evaluations/{id}/findings/{findingId}',
  'put /api/evaluations/{id}/report',
  'get /api/evaluations/{id}/report',
  'post /api/evaluations/{id}/submit',
  'post /api/evaluations/{id}/accept',
  'post /api/evaluations/{id}/return',
  'post /api/rectifications',
  'get /api/rectifications',
  'get /api/rectifications/summary',
  'get /api/rectifications/{id}',
  'post /api/rectifications/{id}/respond',
  'post /api/rectifications/{id}/close',
  'post /api/rectifications/{id}/reopen',
  'post /api/rectifications/{id}/files',
  'get /api/rectification-files/{id}',
  'get /api/documents/{id}/carried',
  'get /api/results',
  'get /api/results/export.xlsx',
];

const CHINESE = /[\u4e00-\u9fff]/;

describe('the evaluation side in /api/openapi.json', () => {
  let w: World;
  let paths: Record<string, Record<string, { summary?: string }>>;
  beforeAll(async () => {
    w = await openWorld(pgliteDatabase());
    paths = (await w.clients.admin.request('GET', '/api/openapi.json')).json().paths;
  }, 120_000);
  afterAll(() => w?.close());

  it('lists each operation of the stages with a Chinese summary', () => {
    const unsummarised = OPERATIONS.filter((op) => {
      const [method, path] = op.split(' ') as [string, string];
      return !CHINESE.test(paths[path]?.[method]?.summary ?? '');
    });
    expect(unsummarised).toEqual([]);
  });

  it('lists no operation of the stages beyond those', () => {
    const STAGES = /^\/api\/(evaluation|rectification|results|documents\/\{id\}\/carried)/;
    const listed = Object.entries(paths)
      .filter(([path]) => STAGES.test(path))
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`));
    expect(listed.sort()).toEqual([...OPERATIONS].sort());
  });
});
