import { describe, expect, it } from 'vitest';
import { api } from './api.ts';

describe('the API benchmark', () => {
  it('runs the servers, loads each route without errors and returns its figures (timings are not asserted)', async () => {
    const lines: string[] = [];
    const figures = await api.run({ quick: true, log: (l) => lines.push(l) });
    const names = figures.map((f) => `${f.name} (${f.unit})`);
    for (const route of ['bare Fastify hello-world', 'GET /api/projects/:id', 'GET /api/documents (bureau list)'])
      expect(names).toEqual(expect.arrayContaining([`${route} (req/s)`, `${route} (ms p50)`, `${route} (ms p99)`]));
    expect(names).toEqual(
      expect.arrayContaining(['GET /api/projects/:id vs bare (% of bare req/s)', 'machine load average (1 min) (runnable tasks)']),
    );
    expect(figures.filter((f) => f.unit === 'req/s').every((f) => f.value > 0)).toBe(true);
    expect(lines).toHaveLength(3);
  }, 120_000);
});
