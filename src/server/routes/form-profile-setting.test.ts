/**
 * A bureau's form profile (表样): picked with its other settings, inherited down the tree, named in
 * the document's API response (what the editor shows columns by) and followed by the server's
 * review. The seed is a 2020 document: by year it follows the 河北 2020 form; a city that picks the
 * 2021 framework has it reviewed for the 成本指标 it lacks. Runs on PGlite and PostgreSQL.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocuments } from '../../formats/read-document.ts';
import { modelOf, readDocument } from '../../store/documents/read.ts';
import { BureauSettings } from '../settings-schemas.ts';
import { openWorld, type World } from '../fixture.testing.ts';
import { expectSchema as check } from '../schema-check.testing.ts';
import { testDatabases } from '../testing.ts';

for (const make of testDatabases()) {
  const database = make();
  describe(`the form profile setting on ${database.name}`, () => {
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
    const profileOfDraft = async () => (await w.clients.ownUnit.request('GET', `/api/documents/${w.draftId}`)).json().formProfile;
    const ruleIdsOfDraft = async () =>
      ((await w.clients.ownUnit.request('GET', `/api/documents/${w.draftId}/findings`)).json().findings as Array<{ ruleId: string }>).map(
        (f) => f.ruleId,
      );

    it('names the year’s default profile while no bureau picked one', async () => {
      expect(await profileOfDraft()).toBe('hebei-2020');
      const county = await settingsOf(w.countyId);
      check(BureauSettings, county);
      expect(county.own.formProfile).toBeNull();
      expect(county.effective.formProfile).toEqual({ settings: null, source: null });
      expect(await ruleIdsOfDraft()).not.toContain('completeness.missing-level1');
    });

    it('refuses a profile jixiao does not ship, changing nothing', async () => {
      const r = await put(cityId, 0, { monitoring: null, evaluation: null, formProfile: 'nowhere-1999' });
      expect(r.statusCode).toBe(422);
      expect(r.json()).toMatchObject({ code: 'invalid_settings' });
      expect((await settingsOf(cityId)).version).toBe(0);
    });

    it('a city’s pick reaches the county’s documents: the document response, the browser’s review settings, the findings', async () => {
      const r = await put(cityId, 0, { monitoring: null, evaluation: null, formProfile: 'mof-2021' });
      expect(r.statusCode).toBe(200);
      check(BureauSettings, r.json());
      expect(r.json().own.formProfile).toBe('mof-2021');
      const county = await settingsOf(w.countyId);
      expect(county.effective.formProfile).toEqual({ settings: 'mof-2021', source: { bureauId: cityId, bureauName: '张家口市财政局' } });

      expect(await profileOfDraft()).toBe('mof-2021');
      const forReview = (await w.clients.ownUnit.request('GET', `/api/documents/${w.draftId}/review-settings`)).json();
      expect(forReview.formProfile).toBe('mof-2021');
      // The 2021 framework wants a 成本指标 the 2020 seed does not have.
      expect(await ruleIdsOfDraft()).toContain('completeness.missing-level1');
    });

    it('keeps the pick when a change leaves it out, and inherits again when it is null', async () => {
      const current = await settingsOf(cityId);
      const kept = await put(cityId, current.version, { monitoring: null, evaluation: null });
      expect(kept.json().own.formProfile).toBe('mof-2021');
      const cleared = await put(cityId, kept.json().version, { monitoring: null, evaluation: null, formProfile: null });
      expect(cleared.json().own.formProfile).toBeNull();
      expect(await profileOfDraft()).toBe('hebei-2020');
    });

    it('the document’s Word file prints in the picked profile, which the table reader reads it back as', async () => {
      const current = await settingsOf(cityId);
      const picked = await put(cityId, current.version, { monitoring: null, evaluation: null, formProfile: 'neimenggu-wuhai' });
      expect(picked.statusCode).toBe(200);
      const docx = await w.clients.ownUnit.request('GET', `/api/documents/${w.draftId}/export?format=docx`);
      expect(docx.statusCode).toBe(200);
      const read = await readDocuments(docx.rawPayload, 'draft.docx');
      expect(read.profile?.id).toBe('neimenggu-wuhai');
      const bundle = async () =>
        (await w.clients.admin.request('GET', `/api/bureaus/${w.countyId}/export?year=2020&format=docx`)).headers.etag;
      const bundleInPick = await bundle();
      const stored = modelOf((await readDocument(w.store.db, w.draftId))!);
      expect(read.documents.flatMap((d) => d.projects.map((p) => [p.code, p.name, p.budget.total, p.indicators.length]))).toEqual(
        stored.projects.map((p) => [p.code, p.name, p.budget.total, p.indicators.length]),
      );
      // Back to the year's default: jixiao's own form again, read by jixiao's own reader.
      await put(cityId, picked.json().version, { monitoring: null, evaluation: null, formProfile: null });
      const own = await w.clients.ownUnit.request('GET', `/api/documents/${w.draftId}/export?format=docx`);
      expect((await readDocuments(own.rawPayload, 'draft.docx')).profile).toBeNull();
      // The document is the same version: the file's ETag tells the two apart, and the bureau's bundle's.
      expect(own.headers.etag).not.toBe(docx.headers.etag);
      expect(await bundle()).not.toBe(bundleInPick);
    });

    it('the document’s workbook has the picked profile’s columns under its headings (乌海 prints 分值 for the weight)', async () => {
      const headingsOf = async () => {
        const xlsx = await w.clients.ownUnit.request('GET', `/api/documents/${w.draftId}/export?format=xlsx`);
        expect(xlsx.statusCode).toBe(200);
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
        const texts = book.worksheets.flatMap((sheet) => (sheet.getRow(1).values as unknown[]).filter((v) => typeof v === 'string'));
        return { texts, etag: xlsx.headers.etag };
      };
      const own = await headingsOf();
      expect(own.texts).not.toContain('分值');
      const current = await settingsOf(cityId);
      const picked = await put(cityId, current.version, { monitoring: null, evaluation: null, formProfile: 'neimenggu-wuhai' });
      const inPick = await headingsOf();
      expect(inPick.texts).toContain('分值');
      expect(inPick.etag).not.toBe(own.etag);
      await put(cityId, picked.json().version, { monitoring: null, evaluation: null, formProfile: null });
    });
  });
}
