/**
 * A document's versions: each submission keeps the content submitted, the steps after it say how its
 * review went, and a resubmission compared with the returned version shows exactly what the unit
 * changed. Runs on PGlite and PostgreSQL.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffDocuments } from '../../core/model/diff.ts';
import type { TargetDocument } from '../../core/model/document.ts';
import { openWorld, ROOT, type World } from '../fixture.testing.ts';
import { expectSchema } from '../schema-check.testing.ts';
import { testDatabases } from '../testing.ts';
import { VersionContent, VersionList } from '../versions-schemas.ts';

const CORRECTED = readFileSync(join(ROOT, 'samples/huailai-sifaju-2020-corrected.txt'));

for (const make of testDatabases()) {
  const database = make();
  describe(`document versions on ${database.name}`, () => {
    let w: World;
    const url = (path = '') => `/api/documents/${w.draftId}/versions${path}`;
    const version = async () => (await w.clients.ownUnit.request('GET', `/api/documents/${w.draftId}`)).json().meta.version as number;
    const step = async (role: 'ownUnit' | 'reviewer', what: string, body: object = {}) => {
      const r = await w.clients[role].request('POST', `/api/documents/${w.draftId}/${what}`, {
        headers: { 'if-match': `"${await version()}"` },
        body,
      });
      expect(r.statusCode).toBe(200);
      return r.json().version as number;
    };
    const list = async (query = '') => {
      const r = await w.clients.reviewer.request('GET', url(query));
      expect(r.statusCode).toBe(200);
      expectSchema(VersionList, r.json());
      return r.json();
    };
    const read = async (v: number) => {
      const r = await w.clients.reviewer.request('GET', url(`/${v}`));
      expect(r.statusCode).toBe(200);
      expectSchema(VersionContent, r.json());
      return r.json() as { version: number; current: boolean; submission: { outcome: string | null } | null; content: TargetDocument };
    };

    let first: number;
    let second: number;

    beforeAll(async () => {
      w = await openWorld(database);
      // The corrected seed has no errors, so it can be submitted as it is.
      const preview = await w.clients.ownUnit.request('POST', '/api/import/preview?fileName=corrected.txt', {
        raw: CORRECTED,
        contentType: 'text/plain',
      });
      const { document } = preview.json().documents[0];
      const imported = await w.clients.ownUnit.request('POST', '/api/import/commit', {
        body: { documents: [{ document, replaceVersion: await version() }] },
      });
      expect(imported.statusCode).toBe(201);
    }, 120_000);
    afterAll(() => w?.close());

    it('has none before the first submission, and the working copy readable as the current version', async () => {
      const v = await version();
      expect(await list()).toEqual({
        items: [],
        total: 0,
        nextCursor: null,
        current: expect.objectContaining({ version: v, status: 'draft' }),
      });
      const current = await read(v);
      expect(current).toMatchObject({ version: v, current: true, submission: null });
      expect(current.content.projects).toHaveLength(6);
      expect((await w.clients.reviewer.request('GET', url(`/${v - 1}`))).statusCode).toBe(404);
    });

    it('keeps the content submitted, and records that it was returned', async () => {
      first = await step('ownUnit', 'submit');
      expect((await list()).items).toEqual([
        { version: first, submittedAt: expect.any(String), submittedByName: expect.any(String), outcome: null },
      ]);
      await step('reviewer', 'return', { comment: { body: '请写明依据。' } });
      const listed = await list();
      expect(listed.items[0].outcome).toBe('returned');
      expect(listed.current).toMatchObject({ version: first + 1, status: 'returned' });
      expect(await read(first)).toMatchObject({ version: first, current: false, submission: { outcome: 'returned' } });
    });

    it('shows exactly what the unit changed between the returned version and the resubmission', async () => {
      const doc = (await w.clients.ownUnit.request('GET', `/api/documents/${w.draftId}`)).json();
      const project = doc.projects.find((p: { name: string }) => p.name === '法律援助');
      const { id, findingCounts: _, ...content } = project;
      content.indicators = content.indicators.map(({ id: _id, ...row }: { id: number }, i: number) =>
        i === 0 ? { ...row, basis: '2019年结案统计' } : row,
      );
      const saved = await w.clients.ownUnit.request('PUT', `/api/projects/${id}`, {
        headers: { 'if-match': `"${doc.meta.version}"` },
        body: { project: content },
      });
      expect(saved.statusCode).toBe(200);
      // The working copy has moved on; the returned version is kept as it was.
      const working = await read(saved.json().version);
      expect(working.current).toBe(true);
      second = await step('ownUnit', 'submit');

      const [before, after] = [await read(first), await read(second)];
      expect(after).toMatchObject({ current: true, submission: { outcome: null } });
      const changes = diffDocuments(before.content, after.content).flatMap((p) => p.changes);
      expect(changes).toEqual([expect.objectContaining({ kind: 'changed', field: 'indicators.basis', row: 1, after: '2019年结案统计' })]);
      expect(changes[0]!.location).toMatch(/^法律援助 \/ 第 1 行「.+」 \/ 指标值确定依据$/);
    });

    it('lists the submissions newest first, a page at a time', async () => {
      const all = await list();
      expect(all.items.map((s: { version: number }) => s.version)).toEqual([second, first]);
      expect(all.total).toBe(2);
      const page1 = await list('?limit=1');
      expect(page1).toMatchObject({ items: [{ version: second }], total: 2, nextCursor: expect.any(String) });
      const page2 = await list(`?limit=1&cursor=${page1.nextCursor}`);
      expect(page2).toMatchObject({ items: [{ version: first }], total: 2, nextCursor: null });
      expect((await w.clients.reviewer.request('GET', url('?limit=201'))).statusCode).toBe(400);
    });

    it('records approval, and publication, on the submission', async () => {
      await step('reviewer', 'approve');
      expect((await list()).items[0].outcome).toBe('approved');
      await step('reviewer', 'publish');
      expect((await list()).items.map((s: { outcome: string }) => s.outcome)).toEqual(['published', 'returned']);
    });

    it('is read by those who read the audit trail', async () => {
      for (const path of ['', `/${first}`]) {
        expect((await w.clients.anonymous.request('GET', url(path))).statusCode).toBe(401);
        expect((await w.clients.ownUnit.request('GET', url(path))).statusCode).toBe(200);
        expect((await w.clients.admin.request('GET', url(path))).statusCode).toBe(200);
      }
      expect((await w.clients.reviewer.request('GET', '/api/documents/999999/versions')).statusCode).toBe(404);
    });

    it('is described in the OpenAPI document', async () => {
      const spec = (await w.clients.anonymous.request('GET', '/api/openapi.json')).json();
      expect(Object.keys(spec.paths)).toEqual(
        expect.arrayContaining(['/api/documents/{id}/versions', '/api/documents/{id}/versions/{version}']),
      );
    });
  });
}
