/**
 * Downloads over HTTP, on PGlite and PostgreSQL: every format reads back as the stored document, the
 * file is named in Chinese (RFC 5987), ETags answer 304 until the document changes, the access rules
 * hold for anonymous readers, and a bureau's bundle holds one file per unit (or all in one), in parts
 * when asked, its published documents only for the public.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from '../../formats/docx/read-docx.ts';
import { readExchangeJson } from '../../formats/json/exchange.ts';
import { FILE_TYPES } from '../../formats/publication/export.ts';
import { pdfText } from '../../formats/publication/render.testing.ts';
import { readDocumentFile } from '../../formats/read-document.ts';
import { readXlsx } from '../../formats/xlsx/read-xlsx.ts';
import { systemActor } from '../../store/audit.ts';
import { createDocument } from '../../store/documents/create.ts';
import { modelOf, readDocument } from '../../store/documents/read.ts';
import { createBureau, createUnit } from '../../store/organisation.ts';
import { openWorld, type World } from '../fixture.testing.ts';
import { testDatabases } from '../testing.ts';
import { COMBINED_LIMIT } from './exports.ts';

/** The name a browser saves the download as: `filename*` decoded, and the ASCII fallback. */
function fileNames(r: LightMyRequestResponse): { name: string; fallback: string } {
  const header = String(r.headers['content-disposition']);
  expect(header).toMatch(/^attachment; /);
  const star = /filename\*=UTF-8''([^;]+)/.exec(header);
  const plain = /filename="([^"]*)"/.exec(header);
  expect(star?.[1]).toMatch(/^[A-Za-z0-9%._~!#$&+^`|-]+$/);
  expect(plain?.[1]).toMatch(/^[\x20-\x7e]+$/);
  return { name: decodeURIComponent(star![1]!), fallback: plain![1]! };
}

const SLOW = 240_000;

for (const make of testDatabases()) {
  const database = make();
  describe(`downloads on ${database.name}`, () => {
    let w: World;
    let publishedId: number;
    let approvedIds: number[];
    let countyDocIds: number[];
    beforeAll(async () => {
      w = await openWorld(database);
      const docs = await w.store.db
        .selectFrom('documents as d')
        .innerJoin('units as u', 'u.id', 'd.unit_id')
        .select(['d.id', 'u.code', 'd.status'])
        .where('u.code', 'in', ['315002', '315003', '315004', '315005'])
        // The demo's 2020 documents (农业农村局 also has a 2021 draft).
        .where('d.year', '=', 2020)
        .orderBy('u.code')
        .execute();
      countyDocIds = docs.map((d) => d.id);
      publishedId = docs.find((d) => d.code === '315003')!.id;
      approvedIds = docs.filter((d) => d.status === 'approved').map((d) => d.id);
      await w.store.db.updateTable('documents').set({ status: 'published' }).where('id', '=', publishedId).execute();
    }, SLOW);
    afterAll(() => w?.close());

    const stored = async (id: number) => modelOf((await readDocument(w.store.db, id))!);
    const get = (role: keyof World['clients'], url: string, headers: Record<string, string> = {}) =>
      w.clients[role].request('GET', url, { headers });

    it(
      'a document in each format: the right type, and read back it is the stored document',
      async () => {
        const seed = await stored(w.draftId);
        for (const format of ['docx', 'xlsx', 'json'] as const) {
          const r = await get('ownUnit', `/api/documents/${w.draftId}/export?format=${format}`);
          expect(r.statusCode, r.body).toBe(200);
          expect(r.headers['content-type']).toBe(FILE_TYPES[format].mediaType);
          expect(await readDocumentFile(r.rawPayload, `seed.${format}`)).toEqual([seed]);
        }
        // Open data: the CSVs, the package descriptor and the documents as JSON.
        const open = await get('ownUnit', `/api/documents/${w.draftId}/export?format=opendata`);
        expect(open.headers['content-type']).toBe('application/zip');
        const entries = unzipSync(open.rawPayload);
        expect(Object.keys(entries).sort()).toEqual([
          'datapackage.json',
          'documents.json',
          'indicators.csv',
          'jixiao.targets.v1.schema.json',
          'projects.csv',
          'spending_plan.csv',
        ]);
        expect(readExchangeJson(entries['documents.json']!, { fileName: 'documents.json' })).toEqual([seed]);
        expect(strFromU8(entries['indicators.csv']!).trim().split('\n')).toHaveLength(
          1 + seed.projects.reduce((n, p) => n + p.indicators.length, 0),
        );
        // PDF: its text holds the title and every project's name and indicator description.
        const pdf = await get('ownUnit', `/api/documents/${w.draftId}/export?format=pdf`);
        expect(pdf.headers['content-type']).toBe('application/pdf');
        const text = pdfText(pdf.rawPayload).replace(/\s+/g, '');
        expect(text).toContain('怀来县司法局2020年度预算绩效目标');
        for (const p of seed.projects) {
          expect(text).toContain(p.name.replace(/\s+/g, ''));
          for (const i of p.indicators) expect(text).toContain(i.description.replace(/\s+/g, ''));
        }
      },
      SLOW,
    );

    it('lists the formats the export route takes, for the download buttons', async () => {
      const r = await w.clients.anonymous.request('GET', '/api/export-formats');
      const spec = (await w.clients.anonymous.request('GET', '/api/openapi.json')).json();
      const documented = spec.paths['/api/documents/{id}/export'].get.parameters.find((p: { name: string }) => p.name === 'format').schema
        .enum;
      expect(r.json()).toEqual({ formats: documented });
      expect(documented).toEqual(['docx', 'pdf', 'xlsx', 'json', 'opendata']);
    });

    it('the file is named in Chinese (RFC 5987) with an ASCII fallback', async () => {
      const r = await get('ownUnit', `/api/documents/${w.draftId}/export?format=docx`);
      expect(fileNames(r)).toEqual({ name: '怀来县司法局2020年度预算绩效目标.docx', fallback: '315002-2020.docx' });
      const open = await get('ownUnit', `/api/documents/${w.draftId}/export?format=opendata`);
      expect(fileNames(open)).toEqual({ name: '怀来县司法局2020年度预算绩效目标（公开数据）.zip', fallback: '315002-2020.zip' });
    });

    it('ETag by version: 304 while unchanged, a new file once the document changes', async () => {
      const url = `/api/documents/${w.draftId}/export?format=json`;
      const first = await get('ownUnit', url);
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^"\d+-json"$/);
      const again = await get('ownUnit', url, { 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      expect(again.rawPayload.length).toBe(0);
      // Another format of the same version is another file.
      expect((await get('ownUnit', `/api/documents/${w.draftId}/export?format=xlsx`, { 'if-none-match': etag })).statusCode).toBe(200);

      const version = etag.slice(1).split('-')[0]!;
      const goals = (await stored(w.draftId)).department!;
      const edit = await w.clients.ownUnit.request('PUT', `/api/documents/${w.draftId}/department`, {
        headers: { 'if-match': `"${version}"` },
        body: { department: { ...goals, overallGoal: `${goals.overallGoal}\n（导出测试）` } },
      });
      expect(edit.statusCode, edit.body).toBe(200);
      const changed = await get('ownUnit', url, { 'if-none-match': etag });
      expect(changed.statusCode).toBe(200);
      expect(changed.headers.etag).not.toBe(etag);
      expect(readExchangeJson(changed.rawPayload, { fileName: 'x.json' })[0]!.department!.overallGoal).toMatch(/（导出测试）$/);
    });

    it('anonymous readers download published documents only; others as the access rules say', async () => {
      const published = await get('anonymous', `/api/documents/${publishedId}/export?format=docx`);
      expect(published.statusCode).toBe(200);
      expect(readDocx(published.rawPayload, 'x.docx')).toEqual([await stored(publishedId)]);
      expect(published.headers['cache-control']).toBe('public, no-cache');
      expect((await get('anonymous', `/api/documents/${w.draftId}/export?format=docx`)).statusCode).toBe(401);
      expect((await get('otherUnit', `/api/documents/${w.draftId}/export?format=docx`)).statusCode).toBe(403);
      expect((await get('otherReviewer', `/api/documents/${w.draftId}/export?format=json`)).statusCode).toBe(403);
      expect((await get('reviewer', `/api/documents/${w.draftId}/export?format=json`)).statusCode).toBe(200);
      expect((await get('anonymous', '/api/documents/999999/export?format=docx')).statusCode).toBe(404);
      expect((await get('ownUnit', `/api/documents/${w.draftId}/export?format=odt`)).statusCode).toBe(400);
    });

    it('the blank template, for anyone, with 304 on repeat', async () => {
      const r = await get('anonymous', '/api/templates/targets.xlsx?year=2021');
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toBe(FILE_TYPES.xlsx.mediaType);
      expect(fileNames(r)).toEqual({ name: '预算绩效目标填报模板（2021年）.xlsx', fallback: 'jixiao-template-2021.xlsx' });
      await expect(readXlsx(r.rawPayload, 'template.xlsx')).rejects.toThrow('没有预算绩效目标');
      expect(
        (await get('anonymous', '/api/templates/targets.xlsx?year=2021', { 'if-none-match': String(r.headers.etag) })).statusCode,
      ).toBe(304); // In a form profile's columns: one jixiao ships, by its id.
      expect((await get('anonymous', '/api/templates/targets.xlsx?year=2021&profile=hebei-2020')).statusCode).toBe(200);
      expect((await get('anonymous', '/api/templates/targets.xlsx?year=2021&profile=nowhere-1999')).statusCode).toBe(400);
    });

    it(
      'a bureau’s bundle: one Word file per unit, each the stored document; or all in one file',
      async () => {
        const r = await get('reviewer', `/api/bureaus/${w.countyId}/export?year=2020&format=docx`);
        expect(r.statusCode, r.body).toBe(200);
        expect(r.headers['content-type']).toBe('application/zip');
        expect(r.headers['x-total-count']).toBe('4');
        expect(fileNames(r)).toEqual({ name: '怀来县财政局2020年度预算绩效目标（各单位Word）.zip', fallback: '130730-2020-docx.zip' });
        const entries = unzipSync(r.rawPayload);
        expect(Object.keys(entries).sort()).toEqual([
          '315002怀来县司法局-2020.docx',
          '315003怀来县教育局-2020.docx',
          '315004怀来县卫生健康局-2020.docx',
          '315005怀来县农业农村局-2020.docx',
        ]);
        const names = Object.keys(entries).sort();
        for (const [i, id] of countyDocIds.entries()) expect(readDocx(entries[names[i]!]!, names[i]!)).toEqual([await stored(id)]);

        const etag = String(r.headers.etag);
        expect((await get('admin', `/api/bureaus/${w.countyId}/export?year=2020&format=docx`, { 'if-none-match': etag })).statusCode).toBe(
          304,
        );

        const combined = await get('admin', `/api/bureaus/${w.countyId}/export?year=2020&format=docx&combined=true`);
        expect(combined.headers['content-type']).toBe(FILE_TYPES.docx.mediaType);
        expect(fileNames(combined).name).toBe('怀来县财政局2020年度预算绩效目标（合订本）.docx');
        expect(readDocx(combined.rawPayload, 'all.docx')).toEqual(await Promise.all(countyDocIds.map(stored)));
        expect(combined.headers.etag).not.toBe(etag);

        // A status filter: the approved documents in one workbook.
        const approved = await get('reviewer', `/api/bureaus/${w.countyId}/export?year=2020&format=xlsx&status=approved`);
        expect(await readXlsx(approved.rawPayload, 'approved.xlsx')).toEqual(await Promise.all(approvedIds.map(stored)));
      },
      SLOW,
    );

    it('a bundle in parts: offset and limit, X-Total-Count, the part in the name', async () => {
      const first = await get('reviewer', `/api/bureaus/${w.countyId}/export?year=2020&format=json&limit=3`);
      const second = await get('reviewer', `/api/bureaus/${w.countyId}/export?year=2020&format=json&offset=3&limit=3`);
      expect([first.headers['x-total-count'], second.headers['x-total-count']]).toEqual(['4', '4']);
      expect(fileNames(first).name).toBe('怀来县财政局2020年度预算绩效目标（第1–3份，共4份）.json');
      const parts = [
        ...readExchangeJson(first.rawPayload, { fileName: 'a.json' }),
        ...readExchangeJson(second.rawPayload, { fileName: 'b.json' }),
      ];
      expect(parts).toEqual(await Promise.all(countyDocIds.map(stored)));
      expect((await get('reviewer', `/api/bureaus/${w.countyId}/export?year=2020&format=json&offset=4`)).statusCode).toBe(404);
    });

    it(
      'more documents than one combined file holds: refused with the count, unless asked for in parts',
      async () => {
        const actor = systemActor('test');
        const big = await createBureau(w.store.db, actor, { code: '139999', name: '大县财政局', parentId: w.countyId });
        for (let i = 0; i <= COMBINED_LIMIT; i++) {
          const unit = await createUnit(w.store.db, actor, { code: `9${String(i).padStart(5, '0')}`, name: `单位${i}`, bureauId: big.id });
          await createDocument(w.store.db, actor, { unitId: unit.id, year: 2021, content: null });
        }
        const refused = await get('admin', `/api/bureaus/${big.id}/export?year=2021&format=pdf&combined=true`);
        expect(refused.statusCode).toBe(422);
        expect(refused.json()).toMatchObject({ code: 'too_many_documents', total: COMBINED_LIMIT + 1, limit: COMBINED_LIMIT });
        expect(refused.json().message).toContain(`共有 ${COMBINED_LIMIT + 1} 份文件`);
        const part = await get('admin', `/api/bureaus/${big.id}/export?year=2021&format=json&offset=${COMBINED_LIMIT}&limit=10`);
        expect(part.statusCode).toBe(200);
        expect(readExchangeJson(part.rawPayload, { fileName: 'x.json' }).map((d) => d.unit.name)).toEqual([`单位${COMBINED_LIMIT}`]);
      },
      SLOW,
    );

    it(
      'the public bundle holds published documents only; the open-data package of a bureau’s year',
      async () => {
        const open = await get('anonymous', `/api/public/bureaus/${w.countyId}/export?year=2020&format=opendata`);
        expect(open.statusCode, open.body).toBe(200);
        // The demo publishes 卫生健康局 (315004) on its own; this suite published 教育局 (315003).
        const published = await w.store.db
          .selectFrom('documents')
          .select('id')
          .where('status', '=', 'published')
          .orderBy('unit_id')
          .execute();
        expect(published.map((d) => d.id)).toContain(publishedId);
        expect(open.headers['x-total-count']).toBe('2');
        expect(fileNames(open).name).toBe('怀来县财政局2020年度预算绩效目标（公开数据）.zip');
        const entries = unzipSync(open.rawPayload);
        expect(readExchangeJson(entries['documents.json']!, { fileName: 'documents.json' })).toEqual(
          await Promise.all(published.map((d) => stored(d.id))),
        );
        const descriptor = JSON.parse(strFromU8(entries['datapackage.json']!)) as { resources: Array<{ path: string }> };
        expect(descriptor.resources.map((r) => r.path)).toContain('projects.csv');

        const pdfs = await get('anonymous', `/api/public/bureaus/${w.countyId}/export?year=2020&format=pdf`);
        expect(Object.keys(unzipSync(pdfs.rawPayload))).toEqual(['315003怀来县教育局-2020.pdf', '315004怀来县卫生健康局-2020.pdf']);
        // The signed-in bundle of the same bureau holds every status; the public one of a bureau without published documents none.
        expect((await get('anonymous', `/api/public/bureaus/${w.countyId}/export?year=2019&format=json`)).statusCode).toBe(404);
        expect((await get('anonymous', '/api/public/bureaus/999999/export?year=2020&format=json')).statusCode).toBe(404);
      },
      SLOW,
    );
  });
}
