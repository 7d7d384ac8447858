import { describe, expect, it } from 'vitest';
import { parseTargetValue } from '../target-value/parse.ts';
import { DistributionBuilder } from './distribution.ts';

describe('a distribution of counted values', () => {
  it('is the distribution of the values repeated their times', () => {
    const counted = new DistributionBuilder();
    counted.add(parseTargetValue('≥90%'), 3);
    counted.add(parseTargetValue('≥100%'), 1);
    counted.add(parseTargetValue('明显改善'), 2);
    const one = new DistributionBuilder();
    for (const t of ['≥90%', '≥90%', '≥90%', '≥100%', '明显改善', '明显改善']) one.add(parseTargetValue(t));
    expect(counted.build()).toEqual(one.build());
    expect(counted.build()).toMatchObject({
      count: 4,
      min: '90',
      median: '90',
      max: '100',
      operators: { '≥': 4 },
      grades: { 明显改善: 2 },
    });
  });

  it('takes the exact mean of the middle two of an even count, across counted values', () => {
    const d = new DistributionBuilder();
    d.add(parseTargetValue('95%'), 2);
    d.add(parseTargetValue('96.5%'), 2);
    expect(d.build().median).toBe('95.75');
  });
});
