/**
 * A bureau's review settings: set with its monitoring and evaluation settings, inherited down the
 * tree, read for a document (what the browser reviews with), and used by the server's own review —
 * the findings endpoint, the submission gate and, recounted in the background, the counts the lists show. The seed's five errors are all empty target
 * values (completeness.empty-target): a county that weighs that rule as a warning lets it be submitted.
 * Runs on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_SETTINGS } from '../../core/review/settings.ts';
import { BureauSettings } from '../settings-schemas.ts';
import { openWorld, type World } from '../fixture.testing.ts';
import { expectSchema as check } from '../schema-check.testing.ts';
import { testDatabases } from '../testing.ts';

const RULE = 'completeness.empty-target';

for (const make of testDatabases()) {
  const database = make();
  describe(`review settings on ${database.name}`, () => {
    let w: World;
    let cityId: number;
    beforeAll(async () => {
      w = await openWorld(database);
      cityId = (await w.store.db.selectFrom('bureaus').select('id').where('code', '=', '1307').executeTakeFirstOrThrow()).id;
    }, 120_000);
    afterAll(() => w?.close());

    const settingsOf = async (bureauId: number) => (await w.clients.admin.request('GET', `/api/bureaus/${bureauId}/settings`)).json();
    const put = (bureauId: number, version: number, body: object) =>
      w.clients.admin.request('PUT', `/api/bureaus/${bureauId}/settings`, { headers: { 'if-match': `"${version}"` }, body });
    const errorsOf = async () =>
      (
        (await w.clients.ownUnit.request('GET', `/api/documents/${w.draftId}/findings`)).json().findings as Array<{
          ruleId: string;
          severity: string;
        }>
      ).filter((f) => f.severity === 'error');

    it('gives a document jixiao’s defaults while no bureau above it sets any', async () => {
      const r = await w.clients.ownUnit.request('GET', `/api/documents/${w.draftId}/review-settings`);
      expect(r.statusCode).toBe(200);
      expect(r.json()).toEqual({ settings: DEFAULT_REVIEW_SETTINGS, source: null, formProfile: 'hebei-2020' });
      expect((await errorsOf()).map((f) => f.ruleId)).toEqual([RULE, RULE, RULE, RULE, RULE]);
    });

    it('refuses review settings naming a rule that does not exist, changing nothing', async () => {
      const before = await settingsOf(cityId);
      const r = await put(cityId, before.version, {
        monitoring: null,
        evaluation: null,
        review: { ...DEFAULT_REVIEW_SETTINGS, disabledRules: ['completeness.empty-targt'] },
      });
      expect(r.statusCode).toBe(422);
      expect(r.json()).toMatchObject({ code: 'invalid_settings' });
      expect((await settingsOf(cityId)).version).toBe(before.version);
    });

    it('a city’s review settings reach the county’s documents: findings, the submission gate, the browser’s settings', async () => {
      const review = { ...DEFAULT_REVIEW_SETTINGS, severityOverrides: { [RULE]: 'warning' } };
      const r = await put(cityId, 0, { monitoring: null, evaluation: null, review });
      expect(r.statusCode).toBe(200);
      check(BureauSettings, r.json());
      expect(r.json().own.review).toEqual(review);

      const forDocument = (await w.clients.ownUnit.request('GET', `/api/documents/${w.draftId}/review-settings`)).json();
      expect(forDocument).toEqual({
        settings: review,
        source: { bureauId: cityId, bureauName: '张家口市财政局' },
        formProfile: 'hebei-2020',
      });
      const county = await settingsOf(w.countyId);
      check(BureauSettings, county);
      expect(county.own.review).toBeNull();
      expect(county.effective.review.source).toEqual({ bureauId: cityId, bureauName: '张家口市财政局' });
      expect(await errorsOf()).toEqual([]);
      // The counts stored before the change are recounted in the background; the unit's list shows them.
      await w.ctx.worker.idle();
      const mine = (await w.clients.ownUnit.request('GET', `/api/documents`)).json();
      expect(mine.items.find((d: { id: number }) => d.id === w.draftId).findingCounts.error).toBe(0);

      const doc = (await w.clients.ownUnit.request('GET', `/api/documents/${w.draftId}`)).json();
      const submitted = await w.clients.ownUnit.request('POST', `/api/documents/${w.draftId}/submit`, {
        headers: { 'if-match': `"${doc.meta.version}"` },
        body: {},
      });
      expect(submitted.statusCode).toBe(200);
      // The counts the lists filter by were taken with the same settings.
      const listed = (await w.clients.reviewer.request('GET', `/api/documents?status=submitted`)).json();
      expect(listed.items.find((d: { id: number }) => d.id === w.draftId).findingCounts.error).toBe(0);
    });

    it('keeps the review settings when a change leaves them out, and inherits again when they are null', async () => {
      const current = await settingsOf(cityId);
      const monitoring = { ...current.effective.monitoring.settings, yellowShortfall: '8' };
      const kept = await put(cityId, current.version, { monitoring, evaluation: null });
      expect(kept.statusCode).toBe(200);
      expect(kept.json().own.review.severityOverrides).toEqual({ [RULE]: 'warning' });
      expect(kept.json().own.monitoring.yellowShortfall).toBe('8');

      const cleared = await put(cityId, kept.json().version, { monitoring: null, evaluation: null, review: null });
      expect(cleared.json().own.review).toBeNull();
      expect(cleared.json().effective.review).toEqual({ settings: DEFAULT_REVIEW_SETTINGS, source: null });
    });

    it('a unit cannot change them', async () => {
      const r = await w.clients.ownUnit.request('PUT', `/api/bureaus/${w.countyId}/settings`, {
        headers: { 'if-match': '"0"' },
        body: { monitoring: null, evaluation: null, review: DEFAULT_REVIEW_SETTINGS },
      });
      expect(r.statusCode).toBe(403);
    });
  });
}
