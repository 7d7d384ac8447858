import { describe, expect, it } from 'vitest';
import { rules } from './engine.ts';
import { checkReviewSettings, DEFAULT_REVIEW_SETTINGS } from './settings.ts';

const ids = new Set(rules.map((r) => r.id));

describe('checkReviewSettings', () => {
  it('takes the defaults and a bureau’s own choices of known rules and severities', () => {
    expect(checkReviewSettings(DEFAULT_REVIEW_SETTINGS, ids)).toBe(DEFAULT_REVIEW_SETTINGS);
    const own = {
      ...DEFAULT_REVIEW_SETTINGS,
      disabledRules: ['basis.no-source'],
      severityOverrides: { 'completeness.empty-basis': 'error' as const },
      disabledSeverities: ['info' as const],
    };
    expect(checkReviewSettings(own, ids)).toBe(own);
  });

  it('refuses an unknown rule id, in either list, so a typo never leaves a rule on unseen', () => {
    expect(() => checkReviewSettings({ ...DEFAULT_REVIEW_SETTINGS, disabledRules: ['basis.no-sauce'] }, ids)).toThrow(
      /no rule basis\.no-sauce/,
    );
    expect(() => checkReviewSettings({ ...DEFAULT_REVIEW_SETTINGS, severityOverrides: { nope: 'error' } }, ids)).toThrow(/no rule nope/);
  });

  it('refuses an unknown severity, a pattern that does not compile and a year that is no budget year', () => {
    expect(() => checkReviewSettings({ ...DEFAULT_REVIEW_SETTINGS, disabledSeverities: ['fatal' as never] }, ids)).toThrow(
      /no severity fatal/,
    );
    expect(() => checkReviewSettings({ ...DEFAULT_REVIEW_SETTINGS, projectCodePattern: '^(\\d' }, ids)).toThrow(/not a regular expression/);
    expect(() => checkReviewSettings({ ...DEFAULT_REVIEW_SETTINGS, form2021FromYear: 21 }, ids)).toThrow(/not a budget year/);
  });
});
