/**
 * 绩效目标批复 over HTTP, on PGlite and PostgreSQL: the demo's issued notice, seen by its reviewer and
 * not by another county's; a reviewer drafts a notice, picks from the candidates (approved, of the year,
 * not yet issued), issues it (409 when a document moved on or a version is stale, 422 when empty or a
 * draft document is added), withdraws it with a reason; the audit keeps before and after; the files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentXml, readBody } from '../../formats/docx/docx-body.ts';
import { DEMO_NOTICE } from '../demo-notice.ts';
import { openWorld, type World } from '../fixture.testing.ts';
import { testDatabases } from '../testing.ts';

const textOf = (bytes: Buffer) =>
  readBody(documentXml(new Uint8Array(bytes), 'notice.docx')!)!.flatMap((b) =>
    b.kind === 'paragraph' ? [b.text] : b.rows.flat().map((c) => c.paragraphs.join('\n')),
  );

for (const make of testDatabases()) {
  const database = make();
  describe(`绩效目标批复 on ${database.name}`, () => {
    let w: World;
    let approvedId: number;
    let publishedId: number;

    beforeAll(async () => {
      w = await openWorld(database);
      const id = async (code: string) =>
        (
          await w.store.db
            .selectFrom('documents as d')
            .innerJoin('units as u', 'u.id', 'd.unit_id')
            .select('d.id')
            .where('u.code', '=', code)
            .executeTakeFirstOrThrow()
        ).id;
      approvedId = await id('315005');
      publishedId = await id('315004');
    }, 120_000);
    afterAll(() => w?.close());

    const create = (number: string, year = 2020) =>
      w.clients.reviewer.request('POST', '/api/notices', {
        body: { number, title: '关于批复2020年度项目支出绩效目标的通知', date: '2020-03-10', body: '现予批复。', year },
      });

    it('the demo county has one issued notice over 卫生健康局, seen by its reviewer and not by another county’s', async () => {
      const list = (await w.clients.reviewer.request('GET', '/api/notices')).json();
      expect(list.items).toHaveLength(1);
      expect(list.items[0]).toMatchObject({ number: DEMO_NOTICE.number, state: 'issued', documentCount: 1, year: 2020 });
      expect(list.total).toEqual({ value: 1, exact: true });
      expect((await w.clients.otherReviewer.request('GET', '/api/notices')).json().items).toEqual([]);
      expect((await w.clients.otherReviewer.request('GET', `/api/notices/${list.items[0].id}`)).statusCode).toBe(403);
      const docs = (await w.clients.reviewer.request('GET', `/api/notices/${list.items[0].id}/documents`)).json();
      expect(docs.items.map((d: { documentId: number }) => d.documentId)).toEqual([publishedId]);
      expect(docs.total).toEqual({ value: 1, exact: true });
      // Issued while approved, then published: the notice covers the approved version.
      expect(docs.items[0].currentVersion).toBeGreaterThan(docs.items[0].version);
      const onDocument = (await w.clients.reviewer.request('GET', `/api/documents/${publishedId}/notices`)).json();
      expect(onDocument.items).toEqual([expect.objectContaining({ number: DEMO_NOTICE.number, state: 'issued' })]);
      // The unit with no document in it sees none.
      expect((await w.clients.ownUnit.request('GET', '/api/notices')).json().items).toEqual([]);
      expect((await w.clients.ownUnit.request('GET', `/api/notices/${list.items[0].id}`)).statusCode).toBe(403);
    });

    it('a reviewer drafts a notice, picks an approved document, issues it; the audit keeps before and after', async () => {
      const created = await create('怀财绩〔2020〕7号');
      expect(created.statusCode).toBe(201);
      const notice = created.json();
      expect(notice).toMatchObject({ state: 'draft', version: 1, documentCount: 0, bureauId: w.countyId });
      expect((await create('怀财绩〔2020〕7号')).statusCode).toBe(409);

      const candidates = (await w.clients.reviewer.request('GET', `/api/notices/${notice.id}/candidates`)).json();
      // 农业农村局 is approved and not yet issued; 卫生健康局's is in the demo notice; the drafts are not approved.
      expect(candidates.items.map((d: { documentId: number }) => d.documentId)).toEqual([approvedId]);
      expect(candidates.items[0]).toMatchObject({ unitName: '怀来县农业农村局', status: 'approved' });
      expect((await w.clients.reviewer.request('GET', `/api/notices/${notice.id}/candidates?q=司法`)).json().items).toEqual([]);

      const refused = await w.clients.reviewer.request('POST', `/api/notices/${notice.id}/documents`, {
        headers: { 'if-match': '"1"' },
        body: { documentIds: [w.draftId] },
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ code: 'not_approved' });
      expect(refused.json().message).toContain('草稿');

      const empty = await w.clients.reviewer.request('POST', `/api/notices/${notice.id}/issue`, { headers: { 'if-match': '"1"' } });
      expect(empty.statusCode).toBe(422);
      expect(empty.json().code).toBe('empty_notice');

      const added = await w.clients.reviewer.request('POST', `/api/notices/${notice.id}/documents`, {
        headers: { 'if-match': '"1"' },
        body: { documentIds: [approvedId] },
      });
      expect(added.statusCode).toBe(200);
      expect(added.json()).toMatchObject({ version: 2, documentCount: 1 });
      const stale = await w.clients.reviewer.request('PUT', `/api/notices/${notice.id}`, {
        headers: { 'if-match': '"1"' },
        body: { number: '怀财绩〔2020〕8号', title: 't', date: '2020-03-11', body: '' },
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ code: 'stale_version', currentVersion: 2 });
      const badDate = await w.clients.reviewer.request('PUT', `/api/notices/${notice.id}`, {
        headers: { 'if-match': '"2"' },
        body: { number: '怀财绩〔2020〕8号', title: 't', date: '2020-02-30', body: '' },
      });
      expect(badDate.statusCode).toBe(422);
      expect(badDate.json()).toMatchObject({ code: 'invalid_date', field: 'date' });

      const issued = await w.clients.reviewer.request('POST', `/api/notices/${notice.id}/issue`, { headers: { 'if-match': '"2"' } });
      expect(issued.statusCode).toBe(200);
      expect(issued.json()).toMatchObject({ state: 'issued', version: 3, issuedByName: '怀来县财政局审核员' });
      // Fixed once issued.
      const edit = await w.clients.reviewer.request('PUT', `/api/notices/${notice.id}`, {
        headers: { 'if-match': '"3"' },
        body: { number: '怀财绩〔2020〕8号', title: 't', date: '2020-03-11', body: '' },
      });
      expect(edit.statusCode).toBe(409);
      expect(edit.json().code).toBe('invalid_state');

      const audit = await w.store.db
        .selectFrom('audit_log')
        .select(['action', 'before', 'after'])
        .where('entity', '=', 'approvalNotice')
        .where('entity_id', '=', String(notice.id))
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['create', 'addDocuments', 'issue', 'noticeIssued']);
      expect(audit[2]!.before).toMatchObject({ state: 'draft', version: 2 });
      expect(audit[2]!.after).toMatchObject({ state: 'issued', version: 3 });

      // Issued once per version: it is no longer a candidate, and another notice cannot issue it again.
      const second = (await create('怀财绩〔2020〕9号')).json();
      expect((await w.clients.reviewer.request('GET', `/api/notices/${second.id}/candidates`)).json().items).toEqual([]);
      await w.clients.reviewer.request('POST', `/api/notices/${second.id}/documents`, {
        headers: { 'if-match': '"1"' },
        body: { documentIds: [approvedId] },
      });
      const twice = await w.clients.reviewer.request('POST', `/api/notices/${second.id}/issue`, { headers: { 'if-match': '"2"' } });
      expect(twice.statusCode).toBe(409);
      expect(twice.json()).toMatchObject({ code: 'already_issued', notice: '怀财绩〔2020〕7号' });
      expect((await w.clients.reviewer.request('DELETE', `/api/notices/${second.id}`, { headers: { 'if-match': '"2"' } })).statusCode).toBe(
        204,
      );

      // Withdrawing needs a reason; then the document may be issued again.
      const noReason = await w.clients.reviewer.request('POST', `/api/notices/${notice.id}/withdraw`, {
        headers: { 'if-match': '"3"' },
        body: { reason: '  ' },
      });
      expect(noReason.statusCode).toBe(422);
      expect(noReason.json()).toMatchObject({ code: 'reason_required', field: 'reason' });
      const withdrawn = await w.clients.reviewer.request('POST', `/api/notices/${notice.id}/withdraw`, {
        headers: { 'if-match': '"3"' },
        body: { reason: '文号有误，重新印发。' },
      });
      expect(withdrawn.json()).toMatchObject({ state: 'withdrawn', withdrawnReason: '文号有误，重新印发。', version: 4 });
      expect((await w.clients.reviewer.request('GET', `/api/notices/${notice.id}/candidates`)).statusCode).toBe(200);
      const list = (await w.clients.reviewer.request('GET', '/api/notices?state=withdrawn')).json();
      expect(list.items.map((n: { id: number }) => n.id)).toEqual([notice.id]);
    });

    it('issuing refuses a document that moved on since it was added', async () => {
      const notice = (await create('怀财绩〔2020〕10号')).json();
      await w.clients.reviewer.request('POST', `/api/notices/${notice.id}/documents`, {
        headers: { 'if-match': '"1"' },
        body: { documentIds: [approvedId] },
      });
      const meta = (await w.clients.reviewer.request('GET', `/api/documents/${approvedId}`)).json().meta;
      expect(
        (
          await w.clients.reviewer.request('POST', `/api/documents/${approvedId}/publish`, {
            headers: { 'if-match': `"${meta.version}"` },
            body: {},
          })
        ).statusCode,
      ).toBe(200);
      const moved = await w.clients.reviewer.request('POST', `/api/notices/${notice.id}/issue`, { headers: { 'if-match': '"2"' } });
      expect(moved.statusCode).toBe(409);
      expect(moved.json()).toMatchObject({ code: 'document_moved', documentId: approvedId, coveredVersion: meta.version });
      // Removed and added again at its version now, it issues.
      const removed = await w.clients.reviewer.request('DELETE', `/api/notices/${notice.id}/documents/${approvedId}`, {
        headers: { 'if-match': '"2"' },
      });
      expect(removed.json().documentCount).toBe(0);
      await w.clients.reviewer.request('POST', `/api/notices/${notice.id}/documents`, {
        headers: { 'if-match': '"3"' },
        body: { documentIds: [approvedId] },
      });
      expect(
        (await w.clients.reviewer.request('POST', `/api/notices/${notice.id}/issue`, { headers: { 'if-match': '"4"' } })).statusCode,
      ).toBe(200);
    });

    it('the 批复表 and the whole notice download as Word with the notice head, and as PDF', async () => {
      const demo = (await w.clients.reviewer.request('GET', '/api/notices?state=issued'))
        .json()
        .items.find((n: { number: string }) => n.number === DEMO_NOTICE.number);
      const form = await w.clients.reviewer.request('GET', `/api/notices/${demo.id}/documents/${publishedId}/export?format=docx`);
      expect(form.statusCode).toBe(200);
      expect(form.headers['content-disposition']).toContain(encodeURIComponent('怀来县卫生健康局项目支出绩效目标批复表'));
      const text = textOf(form.rawPayload);
      expect(text[0]).toBe('项目支出绩效目标批复表');
      expect(text).toContain(`批复文号：${DEMO_NOTICE.number}　　批复日期：2020年3月2日`);
      expect(text).toContain('预算单位：怀来县卫生健康局');
      const whole = textOf((await w.clients.reviewer.request('GET', `/api/notices/${demo.id}/export?format=docx`)).rawPayload);
      expect(whole[0]).toBe(DEMO_NOTICE.title);
      expect(whole).toContain('怀来县卫生健康局');
      const pdf = await w.clients.admin.request('GET', `/api/notices/${demo.id}/export?format=pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect((await w.clients.otherReviewer.request('GET', `/api/notices/${demo.id}/export?format=pdf`)).statusCode).toBe(403);
    });
  });
}
