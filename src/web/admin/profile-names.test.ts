import { describe, expect, it } from 'vitest';
import { FORM_PROFILES } from '../../core/forms/profiles.ts';
import { messagesFor } from '../../i18n/index.ts';

describe('the form profiles a bureau picks from', () => {
  it('are each named in every language', () => {
    for (const locale of ['zh-CN', 'en'] as const)
      for (const p of FORM_PROFILES) expect(messagesFor(locale).web.settings.profileNames[p.id], `${locale} ${p.id}`).toBeTruthy();
  });
});
