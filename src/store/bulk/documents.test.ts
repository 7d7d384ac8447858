/**
 * Bulk loading writes what the API writes: a loaded document reads back as the same document
 * imported through createDocument, with the same cached counts; a file with a bad document writes
 * nothing; units and bureaus are created once however often a units file is loaded. On PGlite and
 * PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TargetDocument } from '../../core/model/document.ts';
import { generateDocuments } from '../../core/model/generate.ts';
import { DEFAULT_REVIEW_SETTINGS } from '../../core/review/settings.ts';
import { ImportError } from '../../formats/import-error.ts';
import { organisationRowsOf } from '../../formats/units-file.ts';
import { systemActor } from '../audit.ts';
import type { Store } from '../database.ts';
import { listSubmissions } from '../document-snapshots.ts';
import { createDocument } from '../documents/create.ts';
import { modelOf, readDocument } from '../documents/read.ts';
import { createRecord } from '../actuals/write.ts';
import { createBureau, createUnit, unitByCode } from '../organisation.ts';
import { putBureauSettings } from '../settings.ts';
import { testDatabases, type TestDatabase } from '../testing.ts';
import { loadDocuments, type LoadItem } from './documents.ts';
import { applyOrganisation } from './organisation.ts';

const actor = systemActor('test');
const generated = generateDocuments({
  seed: 14,
  units: 3,
  projectsPerUnit: [2, 4],
  year: 2030,
  layout: { provincial: true, longTerm: true },
});
const forUnit = (doc: TargetDocument, code: string, year: number): TargetDocument => ({
  ...doc,
  year,
  unit: { code, name: `单位${code}` },
  projects: doc.projects.map((p) => ({ ...p, unit: { code, name: `单位${code}` } })),
});

for (const make of testDatabases()) {
  const database: TestDatabase = make();
  describe(`bulk loading on ${database.name}`, () => {
    let store: Store;
    let county: number;
    const count = async (table: 'documents' | 'units' | 'bureaus' | 'bureau_tree' | 'audit_log') =>
      Number(
        (
          await store.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const load = (items: LoadItem[], file = 'county.json', newUnitsBureauId?: number) =>
      store.db.transaction().execute((trx) => loadDocuments(trx, actor, items, { file, newUnitsBureauId }));

    beforeAll(async () => {
      store = await database.open();
      const province = await createBureau(store.db, actor, { code: '14', name: '测试省财政厅', parentId: null });
      county = (await createBureau(store.db, actor, { code: '1401', name: '测试县财政局', parentId: province.id })).id;
    }, 120_000);
    afterAll(async () => {
      await store?.close();
      await database.dispose();
    });

    it('a loaded document reads back as the same document imported through the API', async () => {
      const unitId = (await createUnit(store.db, actor, { code: '140101', name: '单位140101', bureauId: county })).id;
      const viaApi = (
        await createDocument(store.db, actor, { unitId, year: 2030, content: forUnit(generated[0]!, '140101', 2030), action: 'import' })
      ).id;
      const { documentIds } = await load([{ content: forUnit(generated[0]!, '140101', 2031), status: 'draft' }]);
      const [a, b] = [(await readDocument(store.db, viaApi))!, (await readDocument(store.db, documentIds[0]!))!];
      expect({ ...modelOf(b), year: 2030 }).toEqual(modelOf(a));
      expect(b.projects.map((p) => p.findingCounts)).toEqual(a.projects.map((p) => p.findingCounts));
      const meta = ({ findingCounts, projectCount, budgetTotal, status, version }: typeof a.meta) => ({
        findingCounts,
        projectCount,
        budgetTotal,
        status,
        version,
      });
      expect(meta(b.meta)).toEqual(meta(a.meta));
      const rules = async (id: number) =>
        store.db
          .selectFrom('document_rule_counts')
          .select(['rule_id', 'severity', 'findings'])
          .where('document_id', '=', id)
          .orderBy('rule_id')
          .orderBy('severity')
          .execute();
      expect(await rules(documentIds[0]!)).toEqual(await rules(viaApi));
      expect((await rules(viaApi)).length).toBeGreaterThan(0);
      const audit = await store.db.selectFrom('audit_log').select(['action', 'after']).where('document_id', '=', documentIds[0]!).execute();
      expect(audit).toEqual([
        { action: 'load', after: expect.objectContaining({ file: 'county.json', status: 'draft', projects: a.projects.length }) },
      ]);
    });

    it('a document loaded as approved is kept as its submission, with the steps it went through stamped', async () => {
      const clean: TargetDocument = { ...forUnit(generated[1]!, '140102', 2030), projects: [] };
      const { documentIds } = await load([{ content: clean, status: 'approved' }], 'approved.json', county);
      const doc = (await readDocument(store.db, documentIds[0]!))!;
      expect(doc.meta.status).toBe('approved');
      expect(doc.meta.approvedAt).not.toBeNull();
      expect((await listSubmissions(store.db, documentIds[0]!, { limit: 10 })).items.map((s) => s.outcome)).toEqual(['approved']);
    });

    it('a file with a bad document writes nothing, and names the file and the unit', async () => {
      await createUnit(store.db, actor, { code: '140103', name: '单位140103', bureauId: county });
      const before = await Promise.all([count('documents'), count('units'), count('audit_log')]);
      const items: LoadItem[] = [
        { content: forUnit(generated[2]!, '140103', 2030), status: 'draft' },
        { content: forUnit(generated[2]!, '999999', 2030), status: 'draft' },
      ];
      const error = await load(items, 'bad.json').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).message).toMatch(/^bad\.json.*999999/);
      // A document that exists already is refused the same way, whichever document of the file it is.
      const again = await load([{ content: forUnit(generated[0]!, '140101', 2030), status: 'draft' }], 'again.json').catch(
        (e: unknown) => e,
      );
      expect((again as ImportError).message).toMatch(/^again\.json.*140101.*2030/);
      expect(await Promise.all([count('documents'), count('units'), count('audit_log')])).toEqual(before);
      expect(await unitByCode(store.db, '999999')).toBeUndefined();
    });

    it('units and bureaus are created once, however often the units file is loaded', async () => {
      const rows = organisationRowsOf(
        [
          { code: '1402', name: '二县财政局', parent: '14', kind: '财政部门' },
          { code: '140201', name: '二县一局', parent: '1402', kind: '预算单位' },
          { code: '140202', name: '二县二局', parent: '1402', kind: '单位' },
          { code: '140101', name: '单位140101', parent: '1401', kind: 'unit' },
          { code: '14020101', name: '二县一乡财政所', parent: '1402', kind: 'bureau' },
        ],
        'units.json',
      );
      const apply = () => store.db.transaction().execute((trx) => applyOrganisation(trx, actor, rows));
      expect(await apply()).toEqual({ bureausCreated: 2, unitsCreated: 2, existing: 1 });
      const after = await Promise.all([count('units'), count('bureaus'), count('bureau_tree')]);
      expect(await apply()).toEqual({ bureausCreated: 0, unitsCreated: 0, existing: 5 });
      expect(await Promise.all([count('units'), count('bureaus'), count('bureau_tree')])).toEqual(after);
      // The closure table holds every ancestor of the new bureaus: the province is above the 乡 two levels up.
      const tree = await store.db
        .selectFrom('bureau_tree as t')
        .innerJoin('bureaus as a', 'a.id', 't.ancestor_id')
        .innerJoin('bureaus as d', 'd.id', 't.descendant_id')
        .select(['a.code', 't.depth'])
        .where('d.code', '=', '14020101')
        .orderBy('t.depth')
        .execute();
      expect(tree).toEqual([
        { code: '14020101', depth: 0 },
        { code: '1402', depth: 1 },
        { code: '14', depth: 2 },
      ]);
      // Documents naming a new unit twice (two years) create it once.
      const twoYears = await load(
        [
          { content: forUnit(generated[2]!, '140299', 2030), status: 'draft' },
          { content: forUnit(generated[2]!, '140299', 2031), status: 'draft' },
        ],
        'new-unit.json',
        county,
      );
      expect(twoYears.unitsCreated).toBe(1);
    });

    it('a units file naming an unknown parent, a cycle, or a move is refused, naming the row', async () => {
      const refused = async (rows: Parameters<typeof organisationRowsOf>[0]) =>
        (
          (await store.db
            .transaction()
            .execute((trx) => applyOrganisation(trx, actor, organisationRowsOf(rows, 'units.json')))
            .catch((e: unknown) => e)) as ImportError
        ).message;
      const before = await count('bureaus');
      expect(
        await refused([
          { code: '1403', name: '三县财政局', parent: '14', kind: '财政部门' },
          { code: '140301', name: '三县一局', parent: '1499', kind: '预算单位' },
        ]),
      ).toMatch(/units\.json 第 2 行.*1499/);
      expect(
        await refused([
          { code: '1501', name: '甲', parent: '1502', kind: '财政部门' },
          { code: '1502', name: '乙', parent: '1501', kind: '财政部门' },
        ]),
      ).toMatch(/成环/);
      expect(await refused([{ code: '140201', name: '二县一局', parent: '1401', kind: '预算单位' }])).toMatch(/第 1 行.*140201.*1402/);
      expect(await count('bureaus')).toBe(before);
    });

    it('reviews a document in its store context: a target below last year’s actual refuses it as submitted where the gate would', async () => {
      // A bureau that holds the below-history finding an error, as its review settings may.
      const strict = (await createBureau(store.db, actor, { code: '1409', name: '严格县财政局', parentId: null })).id;
      await putBureauSettings(store.db, actor, strict, 0, {
        monitoring: null,
        evaluation: null,
        review: { ...DEFAULT_REVIEW_SETTINGS, severityOverrides: { 'appropriateness.below-history': 'error' } },
      });
      await createUnit(store.db, actor, { code: '140901', name: '单位140901', bureauId: strict });
      // The province bench's layout, which the review finds no error in, so that it may be loaded as approved.
      const [clean] = generateDocuments({
        seed: 9,
        units: 1,
        projectsPerUnit: [3, 3],
        year: 2030,
        layout: { costAsLevel1: true, fundSources: true, optionalFields: true, level3: true },
      });
      const past = forUnit(clean!, '140901', 2030);
      const [pastId] = (await load([{ content: past, status: 'approved' }], 'past.json')).documentIds;
      // A share target of last year and what it reached.
      const project = past.projects.findIndex((p) => p.indicators.some((r) => /^≥\d+%$/.test(r.target)));
      const row = past.projects[project]!.indicators.findIndex((r) => /^≥\d+%$/.test(r.target));
      expect(row).toBeGreaterThanOrEqual(0);
      const projectId = (
        await store.db
          .selectFrom('projects')
          .select('id')
          .where('document_id', '=', pastId!)
          .where('position', '=', project)
          .executeTakeFirstOrThrow()
      ).id;
      // Reached just what it aimed at: keeping the target is no lowering, ≥60% is.
      const reached = past.projects[project]!.indicators[row]!.target.slice(1);
      await createRecord(store.db, actor, 'values', projectId, { index: row + 1, date: '2030-12-31', value: reached, note: '' });

      const next = forUnit(clean!, '140901', 2031);
      const lowered: TargetDocument = {
        ...next,
        projects: next.projects.map((p, i) =>
          i !== project
            ? p
            : { ...p, indicators: p.indicators.map((r, j) => (j === row ? { ...r, target: '≥60%', basis: '', remark: '' } : r)) },
        ),
      };
      const before = await count('documents');
      const refused = (await load([{ content: lowered, status: 'submitted' }], 'next.json').catch((e: unknown) => e)) as ImportError;
      expect(refused).toBeInstanceOf(ImportError);
      expect(refused.message).toContain('next.json');
      expect(refused.message).toContain('≥60%');
      expect(refused.message).toContain(`"${reached}"`);
      expect(await count('documents')).toBe(before);
      // The same document with last year's target is not refused: the finding was the reason.
      expect((await load([{ content: next, status: 'submitted' }], 'next.json')).documentIds).toHaveLength(1);
    });
  });
}
