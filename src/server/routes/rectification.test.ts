/**
 * 整改 and 结果应用 over HTTP, on PGlite and PostgreSQL: the demo's two items (one closed, one open
 * and overdue) and its 2021 draft that carries the open one; a reviewer opens an item from a finding,
 * the unit answers it with a file, the reviewer closes and reopens it — each write with If-Match
 * (409 when stale), audited with before and after, refused in the wrong state; lists and counts in
 * each caller's scope; the results report paged and as XLSX.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_EVIDENCE_BYTES } from '../../formats/limits.ts';
import { openWorld, type World } from '../fixture.testing.ts';
import { testDatabases } from '../testing.ts';

const at = (version: number) => ({ 'if-match': `"${version}"` });

for (const make of testDatabases()) {
  const database = make();
  describe(`整改与结果应用 on ${database.name}`, () => {
    let w: World;
    let nongye2020: number;
    let nongye2021: number;
    let projectCode: string;

    beforeAll(async () => {
      w = await openWorld(database);
      const docs = await w.store.db
        .selectFrom('documents as d')
        .innerJoin('units as u', 'u.id', 'd.unit_id')
        .select(['d.id', 'd.year'])
        .where('u.code', '=', '315005')
        .orderBy('d.year')
        .execute();
      [nongye2020, nongye2021] = docs.map((d) => d.id) as [number, number];
      projectCode = (await w.clients.ownUnit.request('GET', `/api/documents/${w.draftId}`)).json().projects[0].code;
    }, 120_000);
    afterAll(() => w?.close());

    it('the demo has one closed and one open, overdue item; the 2021 draft carries the open one and last year’s results', async () => {
      const list = (await w.clients.reviewer.request('GET', '/api/rectifications')).json();
      expect(list.items.map((i: { state: string; overdue: boolean }) => [i.state, i.overdue])).toEqual([
        ['open', true],
        ['closed', false],
      ]);
      expect(list.total).toEqual({ value: 2, exact: true });
      expect((await w.clients.reviewer.request('GET', '/api/rectifications/summary')).json().overdue).toBe(1);
      expect((await w.clients.otherReviewer.request('GET', '/api/rectifications/summary')).json().overdue).toBe(0);
      expect((await w.clients.ownUnit.request('GET', '/api/rectifications/summary')).json().overdue).toBe(0);
      expect((await w.clients.ownUnit.request('GET', '/api/rectifications')).json().items).toEqual([]);

      const carried = (await w.clients.reviewer.request('GET', `/api/documents/${nongye2021}/carried`)).json();
      expect(carried.fromDocumentId).toBe(nongye2020);
      expect(carried.fromYear).toBe(2020);
      expect(carried.rectifications.map((i: { state: string }) => i.state)).toEqual(['open']);
      expect(carried.results.length).toBeGreaterThan(1);
      expect(carried.results.every((r: { selfGrade: string | null }) => r.selfGrade !== null)).toBe(true);
      expect(carried.results[0].evaluationGrade).toBeNull();
      // Nothing to carry into a document that was not copied.
      const own = (await w.clients.ownUnit.request('GET', `/api/documents/${w.draftId}/carried`)).json();
      expect(own).toEqual({ fromDocumentId: null, fromYear: null, results: [], rectifications: [] });
      expect((await w.clients.otherUnit.request('GET', `/api/documents/${nongye2021}/carried`)).statusCode).toBe(403);
    });

    it('a reviewer opens an item from a finding; the unit answers with a file; the reviewer closes and reopens it', async () => {
      const body = {
        documentId: w.draftId,
        projectCode,
        indicatorIndex: 2,
        field: 'indicators.target',
        severity: 'warning',
        finding: '指标值为空',
        suggestion: '填写指标值',
        requirement: '补全指标值并说明依据',
        source: { kind: 'review', ruleId: 'completeness.empty-target' },
        deadline: '2099-06-30',
      };
      expect((await w.clients.ownUnit.request('POST', '/api/rectifications', { body })).statusCode).toBe(403);
      expect((await w.clients.otherReviewer.request('POST', '/api/rectifications', { body })).statusCode).toBe(403);
      const unknown = await w.clients.reviewer.request('POST', '/api/rectifications', { body: { ...body, projectCode: 'NO-SUCH' } });
      expect(unknown.statusCode).toBe(422);
      expect(unknown.json()).toMatchObject({ field: 'projectCode', message: expect.stringContaining('项目编码') });
      const badDate = await w.clients.reviewer.request('POST', '/api/rectifications', { body: { ...body, deadline: '2021-02-30' } });
      expect(badDate.statusCode).toBe(422);
      expect(badDate.json().message).toContain('整改期限');

      const created = await w.clients.reviewer.request('POST', '/api/rectifications', { body });
      expect(created.statusCode).toBe(201);
      const item = created.json();
      expect(item).toMatchObject({ state: 'open', version: 1, unitName: '怀来县司法局', source: body.source, overdue: false });
      expect(item.projectName).not.toBeNull();

      // The unit answers: empty text and a stale version change nothing.
      const respond = (version: number, text: string) =>
        w.clients.ownUnit.request('POST', `/api/rectifications/${item.id}/respond`, { headers: at(version), body: { text } });
      expect((await respond(1, '  ')).statusCode).toBe(422);
      expect((await respond(7, '已补全')).statusCode).toBe(409);
      expect(
        (await w.clients.reviewer.request('POST', `/api/rectifications/${item.id}/respond`, { headers: at(1), body: { text: 'x' } }))
          .statusCode,
      ).toBe(403);
      const file = Buffer.from('%PDF-1.4 整改佐证');
      const upload = (version: number, raw: Buffer, client = w.clients.ownUnit) =>
        client.request('POST', `/api/rectifications/${item.id}/files?fileName=${encodeURIComponent('佐证材料.pdf')}`, {
          headers: at(version),
          raw,
        });
      expect((await upload(1, file, w.clients.otherUnit)).statusCode).toBe(403);
      const uploaded = await upload(1, file);
      expect(uploaded.statusCode).toBe(201);
      expect(uploaded.json()).toMatchObject({ version: 2, file: { fileName: '佐证材料.pdf', size: file.byteLength } });
      expect((await upload(1, file)).statusCode).toBe(409);
      expect((await upload(2, Buffer.alloc(MAX_EVIDENCE_BYTES + 1))).statusCode).toBe(413);
      const answered = await respond(2, '已补全指标值');
      expect(answered.statusCode).toBe(200);
      expect(answered.json()).toMatchObject({
        state: 'responded',
        version: 3,
        response: '已补全指标值',
        respondedByName: '怀来县司法局填报员',
      });

      const read = (await w.clients.reviewer.request('GET', `/api/rectifications/${item.id}`)).json();
      expect(read.files.map((f: { fileName: string }) => f.fileName)).toEqual(['佐证材料.pdf']);
      const download = await w.clients.reviewer.request('GET', `/api/rectification-files/${read.files[0].id}`);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(file)).toBe(true);
      expect((await w.clients.otherUnit.request('GET', `/api/rectification-files/${read.files[0].id}`)).statusCode).toBe(403);
      expect((await w.clients.anonymous.request('GET', `/api/rectifications/${item.id}`)).statusCode).toBe(401);

      // The reviewer closes it; a closed item takes no answer; reopening needs a reason.
      const step = (what: string, version: number, text: string) =>
        w.clients.reviewer.request('POST', `/api/rectifications/${item.id}/${what}`, { headers: at(version), body: { text } });
      expect(
        (await w.clients.ownUnit.request('POST', `/api/rectifications/${item.id}/close`, { headers: at(3), body: { text: '' } }))
          .statusCode,
      ).toBe(403);
      const closed = await step('close', 3, '同意销号');
      expect(closed.json()).toMatchObject({ state: 'closed', closingNote: '同意销号', closedByName: '怀来县财政局审核员', version: 4 });
      const again = await respond(4, '再补充');
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('invalid_step');
      expect((await step('reopen', 4, '')).statusCode).toBe(422);
      const reopened = await step('reopen', 4, '依据仍不充分');
      expect(reopened.json()).toMatchObject({ state: 'reopened', closedAt: null, version: 5 });

      const audit = (await w.clients.ownUnit.request('GET', `/api/documents/${w.draftId}/audit`)).json();
      const entries = audit.items.filter((e: { entity: string }) => e.entity === 'rectification');
      expect(entries.map((e: { action: string }) => e.action).sort()).toEqual(['addEvidence', 'close', 'create', 'reopen', 'respond']);
      const close = entries.find((e: { action: string }) => e.action === 'close');
      expect(close.before).toMatchObject({ state: 'responded' });
      expect(close.after).toMatchObject({ state: 'closed', closingNote: '同意销号' });

      // In the unit's list now, and in no one else's but the bureaus over it.
      const mine = (await w.clients.ownUnit.request('GET', '/api/rectifications')).json();
      expect(mine.items.map((i: { id: number }) => i.id)).toEqual([item.id]);
      expect((await w.clients.otherReviewer.request('GET', '/api/rectifications')).json().items).toEqual([]);
    });

    it('an evaluation finding: only one of an accepted evaluation of the document, named by its ids', async () => {
      // The demo's accepted 财政评价 (of 卫生健康局's first project) and its first finding.
      const demo = await w.store.db
        .selectFrom('evaluation_findings as f')
        .innerJoin('evaluations as e', 'e.id', 'f.evaluation_id')
        .select(['f.id', 'e.id as evaluationId', 'e.document_id'])
        .where('e.state', '=', 'accepted')
        .orderBy('f.id')
        .executeTakeFirstOrThrow();
      const open = (documentId: number, findingId: number) =>
        w.clients.reviewer.request('POST', '/api/rectifications', {
          body: {
            documentId,
            projectCode: null,
            indicatorIndex: null,
            field: '',
            severity: null,
            finding: '绩效目标设置偏低',
            suggestion: '',
            requirement: '调整下一年度目标',
            source: { kind: 'evaluation', evaluationId: demo.evaluationId, findingId },
            deadline: '2099-01-01',
          },
        });
      for (const refused of [await open(nongye2020, demo.id), await open(demo.document_id!, demo.id + 1000)]) {
        expect(refused.statusCode).toBe(422);
        expect(refused.json()).toMatchObject({ field: 'source.findingId', message: expect.stringContaining('评价发现') });
      }
      const r = await open(demo.document_id!, demo.id);
      expect(r.statusCode).toBe(201);
      expect((await w.clients.reviewer.request('GET', `/api/rectifications/${r.json().id}`)).json().source).toEqual({
        kind: 'evaluation',
        evaluationId: demo.evaluationId,
        findingId: demo.id,
      });
      // The reference is a foreign key: the finding cannot be a row that does not exist.
      await expect(
        w.store.db
          .updateTable('rectifications')
          .set({ source_finding_id: demo.id + 1000 })
          .where('id', '=', r.json().id)
          .execute(),
      ).rejects.toThrow();
    });

    it('the results report: the county’s projects with results, next year’s request and the action, paged and as XLSX', async () => {
      const first = await w.clients.reviewer.request('GET', '/api/results?year=2020&limit=3');
      expect(first.statusCode).toBe(200);
      const page = first.json();
      expect(page.items).toHaveLength(3);
      expect(page.nextCursor).not.toBeNull();
      const all = [...page.items];
      let cursor = page.nextCursor;
      while (cursor) {
        const next = (await w.clients.reviewer.request('GET', `/api/results?year=2020&limit=3&cursor=${cursor}`)).json();
        all.push(...next.items);
        cursor = next.nextCursor;
      }
      expect(new Set(all.map((r) => r.projectId)).size).toBe(all.length);
      expect(all.length).toBe(page.total.value);
      const nongye = all.filter((r) => r.documentId === nongye2020);
      expect(nongye.length).toBeGreaterThan(0);
      for (const r of nongye) {
        expect(r.selfGrade).not.toBeNull();
        expect(r.nextBudget).toBe(r.budget);
        expect(r.action).not.toBeNull();
        expect(r.evaluationGrade).toBeNull();
      }
      expect(nongye.reduce((n, r) => n + r.openRectifications, 0)).toBe(1);
      // 司法局's draft has no self-evaluation and no 2021 document.
      const sifaju = all.find((r) => r.documentId === w.draftId);
      expect(sifaju).toMatchObject({ selfGrade: null, nextBudget: null, action: null });

      expect((await w.clients.otherReviewer.request('GET', `/api/results?year=2020&bureauId=${w.countyId}`)).statusCode).toBe(403);
      expect((await w.clients.ownUnit.request('GET', '/api/results?year=2020')).statusCode).toBe(403);
      expect((await w.clients.admin.request('GET', '/api/results?year=2020')).statusCode).toBe(422);

      const xlsx = await w.clients.reviewer.request('GET', '/api/results/export.xlsx?year=2020');
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0]!;
      const codes = new Set<string>();
      sheet.eachRow((row) => codes.add(String(row.getCell(2).value)));
      for (const r of all) expect(codes.has(r.projectCode)).toBe(true);
    });

    it('the bureau’s actions per grade come from its settings', async () => {
      const settings = (await w.clients.reviewer.request('GET', `/api/bureaus/${w.countyId}/settings`)).json();
      const review = { ...settings.effective.review.settings, resultActions: { 优: '增加', 良: '保持', 中: '压减', 差: '取消' } };
      const put = await w.clients.reviewer.request('PUT', `/api/bureaus/${w.countyId}/settings`, {
        headers: at(settings.version),
        body: { review, monitoring: settings.own.monitoring, evaluation: settings.own.evaluation },
      });
      expect(put.statusCode).toBe(200);
      const all = (await w.clients.reviewer.request('GET', '/api/results?year=2020&limit=200')).json().items;
      type Row = { selfGrade: string | null; evaluationGrade: string | null; action: string | null };
      const graded = all.filter((r: Row) => r.selfGrade !== null || r.evaluationGrade !== null);
      expect(graded.length).toBeGreaterThan(0);
      // An evaluation's grade, where there is one (the demo's 财政评价 of 卫生健康局), rules over the self-evaluation's.
      expect(graded.some((r: Row) => r.evaluationGrade !== null && r.evaluationGrade !== r.selfGrade)).toBe(true);
      for (const r of graded) expect(r.action).toBe(review.resultActions[(r.evaluationGrade ?? r.selfGrade) as '优']);
    });
  });
}
