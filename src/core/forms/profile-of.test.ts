import { describe, expect, it } from 'vitest';
import { profileOf } from './profile-of.ts';

describe('profileOf', () => {
  it('follows the bureau’s pick, whatever the year', () => {
    expect(profileOf('hebei-2020', 2023).id).toBe('hebei-2020');
    expect(profileOf('mof-2021', 2019).id).toBe('mof-2021');
  });

  it('takes the year’s default where none was picked, or the picked one is not shipped', () => {
    expect(profileOf(null, 2020).id).toBe('hebei-2020');
    expect(profileOf(null, 2021).id).toBe('mof-2021');
    expect(profileOf(null, 2021, 2022).id).toBe('hebei-2020');
    expect(profileOf('withdrawn-1999', 2020).id).toBe('hebei-2020');
  });
});
