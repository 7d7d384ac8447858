import { describe, expect, it } from 'vitest';
import { blankAssessment, checkAssessment, isComplete, SECTION_IDS, stateOf, totalScore, type ExAnteAssessment } from './assessment.ts';

const complete = (): ExAnteAssessment => {
  const a = blankAssessment('怀来县司法局');
  for (const id of SECTION_IDS) a[id] = { finding: '论证充分。', score: '18.5' };
  return { ...a, conclusion: 'support', date: '2019-10-15' };
};

describe('ex-ante assessment', () => {
  it('is complete with findings and scores in all five sections, a conclusion, an assessor and a date', () => {
    expect(isComplete(complete())).toBe(true);
    expect(stateOf(complete())).toBe('complete');
    expect(stateOf(blankAssessment('x'))).toBe('incomplete');
    for (const id of SECTION_IDS) {
      expect(isComplete({ ...complete(), [id]: { finding: ' ', score: '10' } })).toBe(false);
      expect(isComplete({ ...complete(), [id]: { finding: '有', score: null } })).toBe(false);
    }
    expect(isComplete({ ...complete(), conclusion: null })).toBe(false);
    expect(isComplete({ ...complete(), date: null })).toBe(false);
    expect(isComplete({ ...complete(), assessor: { kind: 'thirdParty', name: '' } })).toBe(false);
  });

  it('reads a complete 不予支持 as rejected', () => {
    expect(stateOf({ ...complete(), conclusion: 'reject' })).toBe('rejected');
    expect(stateOf({ ...complete(), conclusion: 'partial' })).toBe('complete');
  });

  it('adds the scores exactly, skipping unscored sections', () => {
    expect(totalScore(complete()).toString()).toBe('92.5');
    const a = { ...complete(), economy: { finding: '', score: null }, targets: { finding: '', score: '0.1' } };
    expect(totalScore(a).toFixed(1)).toBe('55.6');
  });

  it('refuses a section score above its 20 points and an impossible date, naming them', () => {
    expect(() => checkAssessment({ ...complete(), financing: { finding: 'x', score: '20.01' } })).toThrow('financing');
    expect(() => checkAssessment({ ...complete(), date: '2019-13-40' })).toThrow('date');
    expect(() => checkAssessment({ ...complete(), date: '2019-02-29' })).toThrow('date');
    expect(checkAssessment({ ...complete(), date: '2020-02-29' })).toBeTruthy();
    expect(checkAssessment({ ...complete(), financing: { finding: 'x', score: '20' } })).toBeTruthy();
  });
});
