import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withRow } from '../testing.ts';

describe('measurability.rate-range', () => {
  it('is silent for shares within 0–100 % and for growth rates', () => {
    expect(findingsOf('measurability.rate-range', aDocument())).toEqual([]);
    expect(findingsOf('measurability.rate-range', withRow({ target: '90%-100%' }, 1))).toEqual([]);
    expect(findingsOf('measurability.rate-range', withRow({ description: '案件数量增长率', target: '≥120%' }, 1))).toEqual([]);
    expect(findingsOf('measurability.rate-range', withRow({ target: '≤800‰' }, 1))).toEqual([]);
    expect(findingsOf('measurability.rate-range', withRow({ description: '补助款结算误差率', target: '±3%以内' }, 1))).toEqual([]);
  });

  it('reports a share above 100 %, below 0, or a bare rate above 100', () => {
    for (const target of ['≥120%', '-5%', '90%-105%', '≥150', '-3%-5%'])
      expect(findingsOf('measurability.rate-range', withRow({ target }, 1)).map((f) => f.severity)).toEqual(['error']);
  });
});
