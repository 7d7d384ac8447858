/**
 * Issue 15 over HTTP, on PGlite and PostgreSQL: the seed unit's 2020 document approved with its
 * actuals recorded and copied to 2021 through the API — the 2021 history shows each row's 2020
 * target and actual, and a 2021 target edited below the 2020 actual is the below-history finding
 * citing both figures; suggestions come from approved and published projects only; the public
 * comparison reads published documents of other units only, never a draft or an approved one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeExchangeJson } from '../../formats/json/exchange.ts';
import { readDocuments } from '../../formats/read-document.ts';
import { systemActor } from '../../store/audit.ts';
import { createDocument } from '../../store/documents/create.ts';
import { modelOf, readDocument } from '../../store/documents/read.ts';
import { refreshLibrary } from '../../store/library/refresh.ts';
import type { DocumentStatus } from '../../store/schema.ts';
import { openWorld, ROOT, type World } from '../fixture.testing.ts';
import { DocumentHistory, PublicPeers, Suggestions } from '../history-schemas.ts';
import { expectSchema } from '../schema-check.testing.ts';
import { testDatabases } from '../testing.ts';

const CSV = readFileSync(join(ROOT, 'src/formats/actuals/fixtures/huailai-2020-actuals.csv'));
const LEGAL_AID = '315-0105-JBN-2D9U';

for (const make of testDatabases()) {
  const database = make();
  describe(`history, suggestions and peers over HTTP on ${database.name}`, () => {
    let w: World;
    let id2020: number;
    let id2021: number;
    let otherId: number;
    const unit = () => w.clients.ownUnit;
    /** A status set as stored (the seed's empty targets cannot pass review), then taken into history as a write would. */
    const setStatus = async (documentId: number, status: DocumentStatus) => {
      await w.store.db.updateTable('documents').set({ status, version: sql`version + 1` }).where('id', '=', documentId).execute();
      await w.store.db.transaction().execute((trx) => refreshLibrary(trx, [documentId]));
      w.ctx.cache.bump();
    };

    beforeAll(async () => {
      w = await openWorld(database);
      id2020 = w.draftId;
      await setStatus(id2020, 'approved');
      const preview = await unit().request('POST', `/api/documents/${id2020}/actuals/import/preview?fileName=huailai.csv`, {
        raw: CSV,
        contentType: 'text/csv',
      });
      expect(preview.statusCode, preview.body).toBe(200);
      const commit = await unit().request('POST', `/api/documents/${id2020}/actuals/import/commit`, {
        body: { actuals: preview.json().actuals },
      });
      expect(commit.statusCode, commit.body).toBe(201);
      const next = await unit().request('POST', `/api/documents/${id2020}/next-year`);
      expect(next.statusCode, next.body).toBe(201);
      id2021 = next.json().id;
      // 怀安县司法局 publishes the same table for 2019: a published peer of another unit.
      const seed = modelOf((await readDocument(w.store.db, id2020))!);
      const created = await createDocument(w.store.db, systemActor('test'), {
        unitId: w.otherUnitId,
        year: 2019,
        content: { ...seed, year: 2019, unit: { code: '402001', name: '怀安县司法局' } },
      });
      otherId = created.id;
      await setStatus(otherId, 'published');
    }, 120_000);
    afterAll(() => w?.close());

    it("shows each 2021 row's 2020 target and actual", async () => {
      const r = await unit().request('GET', `/api/documents/${id2021}/history`);
      expect(r.statusCode, r.body).toBe(200);
      const history = r.json();
      expectSchema(DocumentHistory, history);
      expect(history).toMatchObject({ previousYear: 2020, yearBeforeLast: 2019 });
      const past = modelOf((await readDocument(w.store.db, id2020))!);
      const legalAid = history.projects.find((p: { code: string }) => p.code === LEGAL_AID);
      const pastLegalAid = past.projects.find((p) => p.code === LEGAL_AID)!;
      expect(legalAid.rows).toHaveLength(pastLegalAid.indicators.length);
      legalAid.rows.forEach((row: { previousYear: { target: string; year: number; similarity: number } | null }, i: number) => {
        expect(row.previousYear).toMatchObject({ year: 2020, target: pastLegalAid.indicators[i]!.target, similarity: 1 });
      });
      // The first row's actual, as the fixture records it (96% at the year's end).
      expect(legalAid.rows[0].previousYear.actual).toBe('96%');
      expect(legalAid.rows[0].yearBeforeLast).toBeNull();
    });

    it("prints the 2020 figures in the 2021 workbook's 上年 column, and its ETag follows the history", async () => {
      const r = await unit().request('GET', `/api/documents/${id2021}/export?format=xlsx`);
      expect(r.statusCode).toBe(200);
      const [doc] = (await readDocuments(new Uint8Array(r.rawPayload), '2021.xlsx')).documents;
      const rows = doc!.projects.find((p) => p.code === LEGAL_AID)!.indicators;
      // The year's actual where one was recorded, else its target.
      expect(rows[0]!.previousYear).toBe('96%');
      const json = (await unit().request('GET', `/api/documents/${id2021}/export?format=json`)).json();
      // The exchange format keeps what was stored: no columns the unit did not write.
      expect(JSON.stringify(json)).not.toContain('previousYear');
      expect(r.headers.etag).toMatch(/-h/);
    });

    it('finds a 2021 target below the 2020 actual, citing both figures', async () => {
      const doc = (await unit().request('GET', `/api/documents/${id2021}`)).json();
      const project = doc.projects.find((p: { code: string }) => p.code === LEGAL_AID);
      const row = project.indicators[0];
      const put = await unit().request('PUT', `/api/indicators/${row.id}`, {
        headers: { 'if-match': `"${doc.meta.version}"` },
        body: { indicator: { ...withoutId(row), target: '≥90%', basis: '', remark: '' } },
      });
      expect(put.statusCode, put.body).toBe(200);
      const findings = (await unit().request('GET', `/api/documents/${id2021}/findings`)).json().findings;
      // The copy keeps 2020's targets, some of them below what 2020 achieved: those are found too.
      const below = findings.filter(
        (f: { ruleId: string; projectCode: string; indicatorIndex: number }) =>
          f.ruleId === 'appropriateness.below-history' && f.projectCode === LEGAL_AID && f.indicatorIndex === 1,
      );
      expect(below).toHaveLength(1);
      expect(below[0].message).toContain('≥90%');
      expect(below[0].message).toContain('96%');
      expect(below[0].message).toContain('2020');
      // The stored counts (lists, the submission gate) read the same history.
      const stored = await w.store.db.selectFrom('document_rule_counts').selectAll().where('document_id', '=', id2021).execute();
      const all = findings.filter((f: { ruleId: string }) => f.ruleId === 'appropriateness.below-history').length;
      expect(stored.find((c) => c.rule_id === 'appropriateness.below-history')?.findings).toBe(all);
    });

    it('suggests what approved and published projects like it use, last year’s rows first', async () => {
      const free = await unit().request('GET', `/api/suggestions?name=${encodeURIComponent('法律援助')}&field=司法&limit=10`);
      expect(free.statusCode, free.body).toBe(200);
      expectSchema(Suggestions, free.json());
      const items = free.json().items;
      expect(items.length).toBeGreaterThan(0);
      expect(items[0].peers).toBe(2);
      expect(new Set(items[0].users.map((u: { unitName: string }) => u.unitName))).toEqual(new Set(['怀安县司法局', '怀来县司法局']));
      expect(items[0].row.origin).toBe('指标库');

      const doc = (await unit().request('GET', `/api/documents/${id2021}`)).json();
      const project = doc.projects.find((p: { code: string }) => p.code === LEGAL_AID);
      const forProject = await unit().request('GET', `/api/projects/${project.id}/suggestions?limit=50`);
      expect(forProject.statusCode, forProject.body).toBe(200);
      const fromLastYear = forProject.json().items.filter((s: { fromLastYear: boolean }) => s.fromLastYear);
      expect(fromLastYear.length).toBeGreaterThan(0);
      expect(forProject.json().items[0].fromLastYear).toBe(true);

      expect((await w.clients.anonymous.request('GET', '/api/suggestions?name=x')).statusCode).toBe(401);
      expect((await w.clients.otherUnit.request('GET', `/api/projects/${project.id}/suggestions`)).statusCode).toBe(403);
      expect((await unit().request('GET', '/api/suggestions?name=x&field=nowhere')).statusCode).toBe(400);
    });

    it('compares a published row with other units’ published rows only', async () => {
      const other = (await w.clients.anonymous.request('GET', `/api/documents/${otherId}`)).json();
      const row = other.projects.find((p: { code: string }) => p.code === LEGAL_AID).indicators[0];
      const before = await w.clients.anonymous.request('GET', `/api/public/indicators/${row.id}/peers`);
      expect(before.statusCode, before.body).toBe(200);
      expectSchema(PublicPeers, before.json());
      // 怀来县司法局's 2020 table is approved, its 2021 copy a draft: neither is anyone's to see.
      expect(before.json()).toMatchObject({ count: 0, units: 0, uses: [] });

      const own = (await unit().request('GET', `/api/documents/${id2020}`)).json();
      const ownRow = own.projects.find((p: { code: string }) => p.code === LEGAL_AID).indicators[0];
      expect((await w.clients.anonymous.request('GET', `/api/public/indicators/${ownRow.id}/peers`)).statusCode).toBe(404);

      await setStatus(id2020, 'published');
      const after = (await w.clients.anonymous.request('GET', `/api/public/indicators/${row.id}/peers`)).json();
      expect(after.uses).toEqual([{ unitName: '怀来县司法局', year: 2020, projectName: expect.any(String), target: ownRow.target }]);
      expect(after.units).toBe(1);
      const mine = (await w.clients.anonymous.request('GET', `/api/public/indicators/${ownRow.id}/peers`)).json();
      // The 2021 draft of the same unit never shows; the other unit's published 2019 row does.
      expect(mine.uses.map((u: { unitName: string; year: number }) => [u.unitName, u.year])).toEqual([['怀安县司法局', 2019]]);
    });

    it('previews a 2021 file with a target below the 2020 actual as the editor then reviews it: the below-history finding', async () => {
      const past = modelOf((await readDocument(w.store.db, id2020))!);
      const file = {
        ...past,
        year: 2021,
        projects: past.projects.map((p) =>
          p.code !== LEGAL_AID
            ? p
            : { ...p, indicators: p.indicators.map((row, i) => (i === 0 ? { ...row, target: '≥90%', basis: '', remark: '' } : row)) },
        ),
      };
      expect(file.projects.find((p) => p.code === LEGAL_AID)!.indicators[0]!.description).toContain('结案率');
      const preview = await unit().request('POST', '/api/import/preview?fileName=2021.json', {
        raw: Buffer.from(writeExchangeJson([file])),
        contentType: 'application/octet-stream',
      });
      expect(preview.statusCode, preview.body).toBe(200);
      const [previewed] = preview.json().documents;
      type F = { ruleId: string; projectCode: string; indicatorIndex: number; message: string };
      const belowHistory = (findings: F[]) => findings.filter((f) => f.ruleId === 'appropriateness.below-history');
      const legalAid = belowHistory(previewed.findings).filter((f) => f.projectCode === LEGAL_AID && f.indicatorIndex === 1);
      expect(legalAid).toHaveLength(1);
      expect(legalAid[0]!.message).toContain('≥90%');
      expect(legalAid[0]!.message).toContain('96%');
      expect(legalAid[0]!.message).toContain('2020');

      // Imported over the 2021 draft, the editor's findings are the preview's.
      expect(previewed.existing).toMatchObject({ id: id2021, replaceable: true });
      const commit = await unit().request('POST', '/api/import/commit', {
        body: { documents: [{ document: previewed.document, replaceVersion: previewed.existing.version }] },
      });
      expect(commit.statusCode, commit.body).toBe(201);
      const stored = (await unit().request('GET', `/api/documents/${id2021}/findings`)).json().findings as F[];
      const key = (f: F) => `${f.ruleId} ${f.projectCode} ${f.indicatorIndex} ${f.message}`;
      expect(stored.map(key).sort()).toEqual((previewed.findings as F[]).map(key).sort());
    });
  });
}

function withoutId<T extends { id?: unknown }>(row: T): Omit<T, 'id'> {
  const { id: _id, ...rest } = row;
  return rest;
}
