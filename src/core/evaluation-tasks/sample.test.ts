import { describe, expect, it } from 'vitest';
import { drawSample, newSeed, SampleSizeError, sampleCount } from './sample.ts';

const population = Array.from({ length: 40 }, (_, i) => 100 + i * 3);

describe('drawSample', () => {
  it('draws the same sample from the same seed and population, whatever order the population comes in', () => {
    const a = drawSample(population, '2020-抽评', 5);
    const b = drawSample([...population].reverse(), '2020-抽评', 5);
    expect(a).toEqual(b);
    expect(a).toHaveLength(5);
    expect(new Set(a).size).toBe(5);
    for (const id of a) expect(population).toContain(id);
  });

  it('draws another sample from another seed', () => {
    expect(drawSample(population, 'a', 5)).not.toEqual(drawSample(population, 'b', 5));
  });

  it('is pinned: a recorded draw stays reproducible across releases', () => {
    expect(drawSample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'jixiao', 3)).toEqual(drawSample([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 'jixiao', 3));
    expect(drawSample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'jixiao', 3)).toMatchInlineSnapshot(`
      [
        5,
        4,
        7,
      ]
    `);
  });

  it('takes everyone when the sample is as large as the population, and nobody from nobody', () => {
    expect(drawSample([3, 1, 2], 's', 10).sort()).toEqual([1, 2, 3]);
    expect(drawSample([], 's', 3)).toEqual([]);
  });

  it('spreads its picks over the population (each of 10 drawn about as often over many seeds)', () => {
    const counts = new Map<number, number>();
    for (let s = 0; s < 2000; s++)
      for (const id of drawSample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], `seed-${s}`, 2)) counts.set(id, (counts.get(id) ?? 0) + 1);
    // 4000 picks over 10 ids: 400 each expected; far outside 300–500 would mean a biased draw.
    for (const id of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) expect(counts.get(id)).toBeGreaterThan(300);
    for (const id of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) expect(counts.get(id)).toBeLessThan(500);
  });

  it('makes seeds of 16 hex digits, different each time', () => {
    const a = newSeed();
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(newSeed()).not.toBe(a);
  });
});

describe('sampleCount', () => {
  it('takes a count as given, at most the population', () => {
    expect(sampleCount(30, { count: 4 })).toBe(4);
    expect(sampleCount(3, { count: 4 })).toBe(3);
  });

  it('rounds a percentage up, exactly', () => {
    expect(sampleCount(30, { percent: 10 })).toBe(3);
    expect(sampleCount(31, { percent: 10 })).toBe(4);
    expect(sampleCount(1, { percent: 5 })).toBe(1);
    expect(sampleCount(0, { percent: 5 })).toBe(0);
    expect(sampleCount(200, { percent: 12.5 })).toBe(25);
    expect(sampleCount(7, { percent: 100 })).toBe(7);
  });

  it('refuses a size that asks for nothing or more than everyone', () => {
    expect(() => sampleCount(10, { count: 0 })).toThrow(SampleSizeError);
    expect(() => sampleCount(10, { count: 1.5 })).toThrow(SampleSizeError);
    expect(() => sampleCount(10, { percent: 0 })).toThrow(SampleSizeError);
    expect(() => sampleCount(10, { percent: 101 })).toThrow(SampleSizeError);
  });
});
