import { describe, expect, it } from 'vitest';
import { province } from './province.ts';

// Issue 14's smoke run: the bench at 2,000 units, as CI runs it (the full province is recorded in docs/benchmarks.md).
describe('the province benchmark', () => {
  it('loads a province of 2,000 units into its own cluster and measures every row the issue names (timings are not asserted)', async () => {
    const lines: string[] = [];
    const figures = await province.run({ quick: true, units: 2000, log: (l) => lines.push(l) });
    const names = new Set(figures.map((f) => `${f.name} (${f.unit})`));
    const rows = [
      'bulk load (projects/s)',
      'province dashboard (ms p50)',
      'province dashboard (ms p99)',
      'county dashboard (ms p50)',
      'province/county dashboard (× the time (p50))',
      'province dashboard at 50 connections (req/s)',
      'province dashboard at 50 connections (ms p99)',
      'warning list (ms p50)',
      'documents list page 1 (ms p50)',
      'documents list page 1 at 50 connections (req/s)',
      'bureau totals (ms p50)',
      'public totals (ms p50)',
      'list deep page (ms p50)',
      'settings PUT (ms)',
    ];
    for (const row of rows) expect(names).toContain(row);
    expect(figures.find((f) => f.name === 'bulk load')!.value).toBeGreaterThan(0);
    // Every measured row ran without a failed request, and says the load it ran under.
    for (const f of figures.filter((f) => f.unit.startsWith('ms p') || f.unit === 'req/s')) {
      expect(f.note).toMatch(/^load \d/);
      expect(f.note).not.toMatch(/failed or timed out/);
    }
    expect(lines.some((l) => l.startsWith('generated 2000 units'))).toBe(true);
  }, 900_000);
});
