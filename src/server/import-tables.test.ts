/**
 * Another province's published form through the web import: the upload is read in a parse thread
 * from its tables, and the preview says which form profile (表样) it was recognised as.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorld, type World } from './fixture.testing.ts';
import { testDatabases } from './testing.ts';

const FORM = resolve(import.meta.dirname, '../formats/tables/fixtures/hunan-xiangtan-declaration');

// Reading is the parse thread's business, not the database's: one database is enough.
for (const make of testDatabases().slice(0, 1)) {
  const database = make();
  describe('importing another province’s form', () => {
    let w: World;
    beforeAll(async () => {
      w = await openWorld(database);
    }, 120_000);
    afterAll(() => w?.close());

    const preview = (file: string, contentType: string) =>
      w.clients.ownUnit.request('POST', `/api/import/preview?fileName=${file}`, {
        raw: readFileSync(resolve(FORM, file)),
        contentType,
      });

    it('previews a saved web page sent as text/html, and a Word file, with the profile they follow', async () => {
      for (const [file, type] of [
        ['page.html', 'text/html'],
        ['form.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ] as const) {
        const r = await preview(file, type);
        expect(r.statusCode, r.body).toBe(200);
        expect(r.json().profile).toEqual({ id: 'hunan-xiangtan', version: 1, title: '项目支出绩效目标申报表', region: '湖南省湘潭市' });
        expect(r.json().documents[0].document.projects[0].name).toBe('雾炮车降尘抑尘服务');
      }
    });

    it('says no profile for jixiao’s own formats', async () => {
      const r = await w.clients.ownUnit.request('POST', '/api/import/preview?fileName=seed.txt', {
        raw: readFileSync(resolve(import.meta.dirname, '../../samples/huailai-sifaju-2020.txt')),
        contentType: 'text/plain',
      });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().profile).toBeNull();
      expect(r.json().actualsLeftOut).toBe(false);
    });

    it('says a 自评表’s actual values are left out of the import', async () => {
      const r = await w.clients.ownUnit.request('POST', '/api/import/preview?fileName=zp.html', {
        raw: readFileSync(resolve(import.meta.dirname, '../formats/tables/fixtures/sichuan-qingshen-self-evaluation/page.html')),
        contentType: 'text/html',
      });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ profile: { id: 'sichuan-self-evaluation' }, actualsLeftOut: true });
    });
  });
}
