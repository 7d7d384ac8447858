import { describe, expect, it } from 'vitest';
import { DEFAULT_EVALUATION_SETTINGS } from '../evaluation/settings.ts';
import { scored, stateAfter } from './evaluation.ts';

describe('an evaluation’s score and grade', () => {
  it('falls in the bands of 财预〔2020〕10号, lower bounds inclusive', () => {
    expect(scored('90', DEFAULT_EVALUATION_SETTINGS)).toEqual({ score: '90.00', grade: '优' });
    expect(scored('89.99', DEFAULT_EVALUATION_SETTINGS).grade).toBe('良');
    expect(scored('80', DEFAULT_EVALUATION_SETTINGS).grade).toBe('良');
    expect(scored('79.5', DEFAULT_EVALUATION_SETTINGS)).toEqual({ score: '79.50', grade: '中' });
    expect(scored('60', DEFAULT_EVALUATION_SETTINGS).grade).toBe('中');
    expect(scored('59.99', DEFAULT_EVALUATION_SETTINGS).grade).toBe('差');
  });

  it('follows a bureau’s own bands', () => {
    const settings = { ...DEFAULT_EVALUATION_SETTINGS, grades: { 优: '95', 良: '85', 中: '70' } };
    expect(scored('90', settings).grade).toBe('良');
  });

  it('refuses a score above 100', () => {
    expect(() => scored('100.01', DEFAULT_EVALUATION_SETTINGS)).toThrow(RangeError);
  });
});

describe('an evaluation’s steps', () => {
  it('records until handed in, then only the bureau accepts or returns it', () => {
    expect(stateAfter('planned', 'record')).toBe('inProgress');
    expect(stateAfter('inProgress', 'submit')).toBe('submitted');
    expect(stateAfter('submitted', 'record')).toBeNull();
    expect(stateAfter('submitted', 'return')).toBe('inProgress');
    expect(stateAfter('submitted', 'accept')).toBe('accepted');
    expect(stateAfter('accepted', 'return')).toBeNull();
    expect(stateAfter('planned', 'plan')).toBe('planned');
  });
});
