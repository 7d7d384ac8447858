import { describe, expect, it } from 'vitest';
import { importReview } from './import-review.ts';

describe('the import + review benchmark', () => {
  it('runs quickly on a small corpus and returns its figures (timings are not asserted)', async () => {
    const lines: string[] = [];
    const figures = await importReview.run({ quick: true, log: (l) => lines.push(l) });
    const names = figures.map((f) => `${f.name} (${f.unit})`);
    expect(names).toEqual(
      expect.arrayContaining([
        'import + review (projects/s)',
        'import + review (MB/s)',
        'import + review vs JSON.parse (× the time)',
        'import only (projects/s)',
        'review only (projects/s)',
        'JSON.parse (MB/s)',
      ]),
    );
    expect(figures.every((f) => Number.isFinite(f.value) && f.value > 0)).toBe(true);
    expect(figures.find((f) => f.name === 'corpus projects')!.value).toBe(960);
    expect(lines[0]).toMatch(/^corpus: 48 unit documents, 960 projects/);
  });
});
