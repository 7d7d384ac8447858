import { describe, expect, it } from 'vitest';
import { cli } from './cli.ts';

describe('the CLI start-up benchmark', () => {
  it('runs each command to success and returns its times, ratios and memory (timings are not asserted)', async () => {
    const lines: string[] = [];
    const figures = await cli.run({ quick: true, log: (l) => lines.push(l) });
    const names = figures.map((f) => `${f.name} (${f.unit})`);
    expect(names).toEqual(
      expect.arrayContaining([
        'node -e 0 (ms)',
        'jixiao --help (ms)',
        'jixiao --help vs node -e 0 (× the time)',
        'jixiao --help (MB peak memory)',
        'jixiao export sample --to docx (ms)',
        'npm run jixiao -- export sample --to docx vs node -e 0 (× the time)',
      ]),
    );
    expect(figures.every((f) => Number.isFinite(f.value) && f.value > 0)).toBe(true);
    expect(lines).toHaveLength(4);
  }, 120_000);
});
