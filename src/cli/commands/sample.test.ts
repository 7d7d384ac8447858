import { describe, expect, it } from 'vitest';
import { drawSample } from '../../core/evaluation-tasks/sample.ts';
import { runCli } from '../run-cli.testing.ts';

// Each test starts the real command; on a loaded two-core machine that takes a while.
describe('jixiao sample', { timeout: 90_000 }, () => {
  it('draws again the sample a seed and a population give, in any order of the ids', async () => {
    const r = await runCli(['sample', '--seed', 'huailai-2020', '--percent', '30', '9', '4,7', '12', '3', '20', '15', '1', '8', '11']);
    expect(r.code).toBe(0);
    const drawn = r.stdout.trim().split('\n').map(Number);
    expect(drawn).toEqual(drawSample([1, 3, 4, 7, 8, 9, 11, 12, 15, 20], 'huailai-2020', 3));
  });

  it('asks for one size and refuses an id that is not one', async () => {
    const both = await runCli(['sample', '--seed', 's', '--count', '1', '--percent', '5', '1', '2']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--count 或 --percent');
    const bad = await runCli(['sample', '--seed', 's', '--count', '1', '1', 'x2']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('“x2”不是分配 id');
  });
});
