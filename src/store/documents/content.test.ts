/**
 * A document written as rows (set-based bulk inserts) reads back exactly as it was given — every
 * layout variation, exact decimals, empty cells as null, order — with each project's finding
 * counts stored at insert; replacing it records the old content's summary. On PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { generateDocuments } from '../../core/model/generate.ts';
import type { TargetDocument } from '../../core/model/document.ts';
import { testDatabases, type TestDatabase } from '../testing.ts';
import { systemActor } from '../audit.ts';
import type { Store } from '../database.ts';
import { createDocument, replaceContent } from './create.ts';
import { modelOf, readDocument } from './read.ts';
import { createBureau, createUnit } from '../organisation.ts';
import { reviewDocument } from '../../core/review/engine.ts';
import { DEFAULT_REVIEW_SETTINGS, type ReviewSettings } from '../../core/review/settings.ts';
import { reviewCounts } from '../review/counts.ts';
import { putBureauSettings } from '../settings.ts';

const actor = systemActor('test');

function everyLayout(): TargetDocument {
  const [doc] = generateDocuments({
    seed: 7,
    projectsPerUnit: 40,
    year: 2031,
    layout: {
      otherFunds: true,
      fundSources: true,
      optionalFields: true,
      longTerm: true,
      level3: true,
      remarks: true,
      checkpoints: 'monthly',
    },
  });
  const [plain] = generateDocuments({ seed: 8, projectsPerUnit: 10, year: 2031 });
  const projects = [...doc!.projects, ...plain!.projects];
  // An empty 其他资金 cell is "none", not zero; a plan percent may be missing too.
  projects[0] = {
    ...projects[0]!,
    budget: { ...projects[0]!.budget, other: null },
    spendingPlan: [{ checkpoint: '6月底', percent: null }],
  };
  return { ...doc!, projects };
}

for (const make of testDatabases()) {
  const database: TestDatabase = make();
  describe(`document content as rows on ${database.name}`, () => {
    let store: Store;
    let unitId: number;
    let bureauId: number;
    beforeAll(async () => {
      store = await database.open();
      bureauId = (await createBureau(store.db, actor, { code: '9901', name: '测试财政局', parentId: null })).id;
      unitId = (await createUnit(store.db, actor, { code: '990101', name: '测试单位', bureauId })).id;
    }, 120_000);
    afterAll(async () => {
      await store?.close();
      await database.dispose();
    });

    it('reads back what was written, with each project’s finding counts', async () => {
      const content = everyLayout();
      const { id } = await createDocument(store.db, actor, { unitId, year: 2031, content });
      const stored = (await readDocument(store.db, id))!;
      expect(modelOf(stored)).toEqual(content);
      const review = reviewCounts(content, reviewDocument(content));
      expect(stored.projects.map((p) => p.findingCounts)).toEqual(review.perProject);
      expect(stored.meta.findingCounts).toEqual(review.total);
      expect(review.total.error + review.total.warning).toBeGreaterThan(0);
    });

    it('reads back the columns only some provinces print, and the 部门整体 table, absent where the form has none', async () => {
      const [doc] = generateDocuments({ seed: 12, projectsPerUnit: 30, year: 2034, layout: { provincial: true, longTerm: true } });
      const content = doc!;
      const indicators = content.projects.flatMap((p) => p.indicators);
      // The generator leaves each column out on some rows: both kinds are round-tripped.
      for (const column of ['nature', 'measureUnit', 'weight', 'direction', 'explanation', 'origin', 'previousYear', 'yearBeforeLast'])
        expect(new Set(indicators.map((i) => Object.hasOwn(i, column)))).toEqual(new Set([true, false]));
      expect(content.department?.duties?.length).toBeGreaterThan(0);
      const { id } = await createDocument(store.db, actor, { unitId, year: 2034, content });
      expect(modelOf((await readDocument(store.db, id))!)).toEqual(content);
      // Amounts and weights exact: NUMERIC keeps the scale written.
      const weights = await store.db.selectFrom('indicators').select('weight').where('weight', '=', '20.00').execute();
      expect(weights.map((w) => w.weight)).toContain('20.00');
    });

    it('counts findings with the review settings of the unit’s bureau', async () => {
      const content = { ...everyLayout(), year: 2039 };
      const settings: ReviewSettings = { ...DEFAULT_REVIEW_SETTINGS, disabledSeverities: ['warning', 'info'] };
      const version = await putBureauSettings(store.db, actor, bureauId, 0, { monitoring: null, evaluation: null, review: settings });
      onTestFinished(() =>
        putBureauSettings(store.db, actor, bureauId, version, { monitoring: null, evaluation: null, review: null }).then(() => {}),
      );
      const { id } = await createDocument(store.db, actor, { unitId, year: 2039, content });
      const stored = (await readDocument(store.db, id))!;
      const review = reviewCounts(content, reviewDocument(content, { settings }));
      expect(stored.meta.findingCounts).toEqual(review.total);
      expect(stored.meta.findingCounts.warning).toBe(0);
      expect(reviewCounts(content, reviewDocument(content)).total.warning).toBeGreaterThan(0);
    });

    it('stores a lone surrogate as U+FFFD, as a bound text parameter did', async () => {
      const [doc] = generateDocuments({ seed: 9, projectsPerUnit: 2, year: 2032 });
      const first = doc!.projects[0]!;
      const content = { ...doc!, projects: [{ ...first, name: `法律\ud800援助` }, doc!.projects[1]!] };
      const { id } = await createDocument(store.db, actor, { unitId, year: 2032, content });
      expect((await readDocument(store.db, id))!.projects[0]!.name).toBe('法律\ufffd援助');
    });

    it('replaces a draft’s content and records the old content’s summary', async () => {
      const [old] = generateDocuments({ seed: 10, projectsPerUnit: 3, year: 2033 });
      const [next] = generateDocuments({ seed: 11, projectsPerUnit: 250, year: 2033 });
      const { id, version } = await createDocument(store.db, actor, { unitId, year: 2033, content: old! });
      await replaceContent(store.db, actor, id, version, next!);
      expect(modelOf((await readDocument(store.db, id))!)).toEqual(next);
      const entry = await store.db
        .selectFrom('audit_log')
        .select(['before', 'after'])
        .where('document_id', '=', id)
        .where('action', '=', 'import')
        .executeTakeFirstOrThrow();
      expect(entry.before).toEqual({
        unit: old!.unit,
        year: 2033,
        projects: 3,
        indicators: old!.projects.reduce((n, p) => n + p.indicators.length, 0),
        projectCodes: old!.projects.map((p) => p.code),
      });
      // More than 200 projects: the codes are left out.
      expect(entry.after).toMatchObject({ projects: 250 });
      expect(entry.after).not.toHaveProperty('projectCodes');
    });
  });
}
