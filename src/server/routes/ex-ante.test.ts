/**
 * 事前绩效评估 over HTTP, on PGlite and PostgreSQL: the demo's new project and its assessment; a county
 * that sets an amount sees its new projects without a complete assessment in the findings and at the
 * submission gate; saving with If-Match (409 when stale, 422 for a score above 20, 409 once submitted),
 * audited with before and after; the report as Word.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blankAssessment, SECTION_IDS, type ExAnteAssessment } from '../../core/ex-ante/assessment.ts';
import { DEFAULT_REVIEW_SETTINGS } from '../../core/review/settings.ts';
import { documentXml, readBody } from '../../formats/docx/docx-body.ts';
import { openWorld, type World } from '../fixture.testing.ts';
import { testDatabases } from '../testing.ts';

const RULE = 'completeness.ex-ante-assessment';

const complete = (): ExAnteAssessment => {
  const a = blankAssessment('怀来县司法局');
  for (const id of SECTION_IDS) a[id] = { finding: '论证充分。', score: '17' };
  return { ...a, conclusion: 'support', date: '2019-10-20' };
};

for (const make of testDatabases()) {
  const database = make();
  describe(`事前绩效评估 on ${database.name}`, () => {
    let w: World;
    let projects: Array<{ id: number; code: string; name: string; attribute: string | null }>;
    const byName = (name: string) => projects.find((p) => p.name === name)!;
    const documentNow = async () => (await w.clients.ownUnit.request('GET', `/api/documents/${w.draftId}`)).json();
    const findingsOf = async () =>
      (
        (await w.clients.ownUnit.request('GET', `/api/documents/${w.draftId}/findings`)).json().findings as Array<{
          ruleId: string;
          projectCode: string;
          message: string;
        }>
      ).filter((f) => f.ruleId === RULE);
    const save = (projectId: number, version: number | string, assessment: ExAnteAssessment) =>
      w.clients.ownUnit.request('PUT', `/api/projects/${projectId}/ex-ante`, {
        headers: { 'if-match': `"${version}"` },
        body: { assessment },
      });

    beforeAll(async () => {
      w = await openWorld(database);
      projects = (await documentNow()).projects;
    }, 120_000);
    afterAll(() => w?.close());

    it('the demo has one new project, 普法宣传, with a complete assessment; with the default amount none is required', async () => {
      expect(projects.filter((p) => p.attribute === '新增').map((p) => p.name)).toEqual(['普法宣传']);
      const r = await w.clients.reviewer.request('GET', `/api/projects/${byName('普法宣传').id}/ex-ante`);
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({ required: false, threshold: '0', version: 1, assessment: { conclusion: 'support' } });
      expect(r.json().assessment.suggestions).toContain('演示数据');
      const context = (await w.clients.ownUnit.request('GET', `/api/documents/${w.draftId}/ex-ante`)).json();
      expect(context).toEqual({ threshold: '0', previous: null, assessments: { [byName('普法宣传').code]: 'complete' } });
    });

    it('a county amount makes new projects at it need a complete assessment: findings and the submission gate', async () => {
      // The seed's empty target values made warnings, so that only this rule stands in the way.
      const review = { ...DEFAULT_REVIEW_SETTINGS, severityOverrides: { 'completeness.empty-target': 'warning' }, exAnteThreshold: '30' };
      const set = await w.clients.admin.request('PUT', `/api/bureaus/${w.countyId}/settings`, {
        headers: { 'if-match': '"0"' },
        body: { monitoring: null, evaluation: null, review },
      });
      expect(set.statusCode).toBe(200);
      // 普法宣传 (15 万元) is under the amount; 冀财政法[2019]22号 (39 万元) marked 新增 is at it.
      const target = projects.find((p) => p.name.includes('22号'))!;
      const doc = await documentNow();
      const stored = doc.projects.find((p: { id: number }) => p.id === target.id);
      const { id: _id, errorCount: _e, warningCount: _w, infoCount: _i, indicators, ...rest } = stored;
      const marked = await w.clients.ownUnit.request('PUT', `/api/projects/${target.id}`, {
        headers: { 'if-match': `"${doc.meta.version}"` },
        body: { project: { ...rest, attribute: '新增', indicators: indicators.map(({ id: _, ...i }: { id: number }) => i) } },
      });
      expect(marked.statusCode).toBe(200);
      expect((await findingsOf()).map((f) => f.projectCode)).toEqual([target.code]);
      expect((await findingsOf())[0]!.message).toContain('没有事前绩效评估');
      expect((await w.clients.ownUnit.request('GET', `/api/projects/${target.id}/ex-ante`)).json()).toMatchObject({
        required: true,
        threshold: '30',
        version: 0,
        assessment: null,
      });

      const refused = await w.clients.ownUnit.request('POST', `/api/documents/${w.draftId}/submit`, {
        headers: { 'if-match': `"${marked.json().version}"` },
        body: {},
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().findings.map((f: { ruleId: string }) => f.ruleId)).toEqual([RULE]);

      // An unfinished assessment is saved, but does not clear the way.
      const draft = { ...complete(), conclusion: null };
      const first = await save(target.id, 0, draft);
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({ version: 1 });
      expect((await findingsOf())[0]!.message).toContain('尚未完成事前绩效评估');

      // A second writer based on no assessment is refused, and nothing changes.
      const stale = await save(target.id, 0, complete());
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ code: 'stale_version', currentVersion: 1 });
      expect((await w.clients.ownUnit.request('GET', `/api/projects/${target.id}/ex-ante`)).json().assessment.conclusion).toBeNull();

      // A score above a section's 20 points is refused, naming the section.
      const over = await save(target.id, 1, { ...complete(), economy: { finding: '偏高', score: '21' } });
      expect(over.statusCode).toBe(422);
      expect(over.json()).toMatchObject({ code: 'invalid_ex_ante', field: 'economy' });
      expect(over.json().message).toContain('投入经济性');

      expect((await save(target.id, 1, complete())).json()).toEqual({ version: 2 });
      expect(await findingsOf()).toEqual([]);
      // The lists' counts were re-taken in the same transaction.
      const listed = (await w.clients.ownUnit.request('GET', '/api/documents')).json();
      expect(listed.items.find((d: { id: number }) => d.id === w.draftId).findingCounts.error).toBe(0);

      const audit = (await w.clients.ownUnit.request('GET', `/api/documents/${w.draftId}/audit`)).json();
      const entries = audit.items.filter((e: { entity: string }) => e.entity === 'exAnteAssessment');
      expect(entries[0]).toMatchObject({ action: 'update', before: { conclusion: null }, after: { conclusion: 'support' } });
      expect(entries.at(-1)).toMatchObject({ action: 'create', before: null });

      const submitted = await w.clients.ownUnit.request('POST', `/api/documents/${w.draftId}/submit`, {
        headers: { 'if-match': `"${marked.json().version}"` },
        body: {},
      });
      expect(submitted.statusCode).toBe(200);
      // Once submitted, the assessment goes with the submission: no more changes.
      const late = await save(target.id, 2, { ...complete(), suggestions: '后补' });
      expect(late.statusCode).toBe(409);
      expect(late.json().code).toBe('invalid_state');
    });

    it('next year, last year’s projects are carried on and a project it lacks is new', async () => {
      const next = await w.clients.ownUnit.request('POST', `/api/documents/${w.draftId}/next-year`);
      expect(next.statusCode).toBe(201);
      const id = next.json().id;
      const copy = (await w.clients.ownUnit.request('GET', `/api/documents/${id}`)).json();
      // 普法宣传 was 新增 in 2020; in 2021 it is carried on.
      expect(copy.projects.find((p: { name: string }) => p.name === '普法宣传').attribute).toBe('延续');
      const context = (await w.clients.ownUnit.request('GET', `/api/documents/${id}/ex-ante`)).json();
      expect(context.previous.codes).toHaveLength(projects.length);
      expect(context.assessments).toEqual({});
      const added = await w.clients.ownUnit.request('POST', `/api/documents/${id}/projects`, {
        headers: { 'if-match': `"${copy.meta.version}"` },
        body: {
          project: {
            ...copy.projects[0],
            id: undefined,
            errorCount: undefined,
            warningCount: undefined,
            infoCount: undefined,
            code: '315-0105-JBN-TJ01',
            name: '人民调解',
            budget: { total: '40.00', fiscal: '40.00', other: null, sources: [] },
            attribute: null,
            indicators: [],
          },
        },
      });
      expect(added.statusCode).toBe(201);
      const findings = (await w.clients.ownUnit.request('GET', `/api/documents/${id}/findings`)).json().findings;
      expect(findings.filter((f: { ruleId: string }) => f.ruleId === RULE).map((f: { projectCode: string }) => f.projectCode)).toEqual([
        '315-0105-JBN-TJ01',
      ]);
    });

    it('the report downloads as Word for those who read the assessment', async () => {
      const id = byName('普法宣传').id;
      const r = await w.clients.reviewer.request('GET', `/api/projects/${id}/ex-ante/report.docx`);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toContain('wordprocessingml');
      const text = readBody(documentXml(r.rawPayload, 'r.docx')!)!.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
      expect(text).toContain('评估结论：予以支持。评估总分 88 分（满分 100 分）。');
      expect((await w.clients.ownUnit.request('GET', `/api/projects/${projects[0]!.id}/ex-ante/report.docx`)).statusCode).toBe(404);
    });
  });
}
