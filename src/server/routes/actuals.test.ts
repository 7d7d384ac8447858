/**
 * Actuals over HTTP, on PGlite and PostgreSQL: the seeded year (怀来县司法局 2020 and its actuals
 * file) imported through the API gives exactly what the core computes on the same data; records one
 * at a time with their versions (409s) and audit entries; a bad file names its line and column and
 * writes nothing; actuals survive the targets being edited after a return (and a deleted row's
 * actuals are kept as orphans); the self-evaluation is published, read anonymously, withdrawn.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actuals } from '../../core/actuals/actuals.ts';
import { evaluateDocument } from '../../core/evaluation/department.ts';
import type { TargetDocument } from '../../core/model/document.ts';
import { monitorDocument } from '../../core/monitoring/monitor.ts';
import { readActualsFile } from '../../formats/actuals/read-actuals.ts';
import { readDocuments } from '../../formats/read-document.ts';
import { ACTUALS_KINDS, documentRecords } from '../../store/actuals/records.ts';
import { modelOf, readDocument } from '../../store/documents/read.ts';
import { ImportPlan, SpendingRecord, ValueRecord } from '../actuals-schemas.ts';
import { DocumentEvaluation, PublishedEvaluation } from '../evaluation-schemas.ts';
import { DocumentMonitoring } from '../monitoring-schemas.ts';
import { openWorld, ROOT, type World } from '../fixture.testing.ts';
import { expectSchema } from '../schema-check.testing.ts';
import { testDatabases } from '../testing.ts';

const CSV = readFileSync(join(ROOT, 'src/formats/actuals/fixtures/huailai-2020-actuals.csv'));
const LEGAL_AID = '315-0105-JBN-2D9U';

/** The core's result as JSON carries it (no undefined, plain data). */
const asJson = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

for (const make of testDatabases()) {
  const database = make();
  describe(`actuals over HTTP on ${database.name}`, () => {
    let w: World;
    let id: number;
    let model: TargetDocument;
    let actuals: Actuals;
    let projectId: number;
    const unit = () => w.clients.ownUnit;
    const setStatus = (status: 'approved' | 'published') =>
      w.store.db.updateTable('documents').set({ status, version: sql`version + 1` }).where('id', '=', id).execute();
    const projectActuals = async () => (await unit().request('GET', `/api/projects/${projectId}/actuals`)).json();

    beforeAll(async () => {
      w = await openWorld(database);
      id = w.draftId;
      // The seed as published has empty target values, so it cannot pass review: approved as stored.
      await setStatus('approved');
      model = modelOf((await readDocument(w.store.db, id))!);
      actuals = await readActualsFile(new Uint8Array(CSV), 'huailai-2020-actuals.csv', [model]);
      projectId = (await unit().request('GET', `/api/documents/${id}`)).json().projects[0].id;
    }, 120_000);
    afterAll(() => w?.close());

    it('imports the seeded year (preview, then commit) and monitors and evaluates it as the core does', async () => {
      const preview = await unit().request('POST', `/api/documents/${id}/actuals/import/preview?fileName=huailai.csv`, {
        raw: CSV,
        contentType: 'text/csv',
      });
      expect(preview.statusCode, preview.body).toBe(200);
      expectSchema(ImportPlan, preview.json().plan);
      expect(preview.json().plan).toEqual({
        counts: { spending: 23, values: 33, monitoringNotes: 7, evaluationNotes: 14 },
        created: 77,
        changed: [],
        unchanged: 0,
      });
      expect((await projectActuals()).recording).toEqual({ revision: 0, open: true, evaluationPublishedAt: null });

      const commit = await unit().request('POST', `/api/documents/${id}/actuals/import/commit`, {
        body: { actuals: preview.json().actuals },
      });
      expect(commit.statusCode, commit.body).toBe(201);
      expect(commit.json()).toMatchObject({ created: 77, revision: 1 });

      for (const date of ['2020-03-31', '2020-06-30', '2020-10-31']) {
        const r = await w.clients.reviewer.request('GET', `/api/documents/${id}/monitoring?date=${date}`);
        expect(r.statusCode).toBe(200);
        expectSchema(DocumentMonitoring, r.json());
        const { documentId, revision, orphans, recording, ...result } = r.json();
        expect({ documentId, revision, orphans, recording }).toEqual({
          documentId: id,
          revision: 1,
          orphans: 0,
          recording: { open: true, evaluationPublishedAt: null },
        });
        expect(result).toEqual(asJson(monitorDocument(model, actuals, date, { locale: 'zh-CN' })));
      }
      const evaluation = await unit().request('GET', `/api/documents/${id}/evaluation`);
      expectSchema(DocumentEvaluation, evaluation.json());
      const { documentId: _d, revision: _r, orphans: _o, recording: _c, ...result } = evaluation.json();
      expect(result).toEqual(asJson(evaluateDocument(model, actuals, { locale: 'zh-CN' })));
      // The totals worked out by hand in src/formats/actuals/seeded-year.test.ts.
      expect(result).toMatchObject({ budget: '91.10', spent: '83.29', rate: '91.43', score: '81.60', grade: '良' });
      // Findings in the caller's language.
      const english = await unit().request('GET', `/api/documents/${id}/evaluation`, { headers: { 'accept-language': 'en' } });
      expect(english.json().findings[0].message).not.toBe(result.findings[0].message);

      // The same file again repeats what is stored; a changed figure is shown with the one it replaces.
      expect(
        (
          await unit().request('POST', `/api/documents/${id}/actuals/import/preview?fileName=a.csv`, { raw: CSV, contentType: 'text/csv' })
        ).json().plan,
      ).toMatchObject({
        created: 0,
        changed: [],
        unchanged: 77,
      });
      const changedCsv = CSV.toString('utf8').replace(`${LEGAL_AID},,2.50,2020-06-30`, `${LEGAL_AID},,2.60,2020-06-30`);
      const plan = (
        await unit().request('POST', `/api/documents/${id}/actuals/import/preview?fileName=a.csv`, {
          raw: changedCsv,
          contentType: 'text/csv',
        })
      ).json().plan;
      expect(plan.changed).toHaveLength(1);
      expect(plan.changed[0]).toMatchObject({
        kind: 'spending',
        projectCode: LEGAL_AID,
        date: '2020-06-30',
        before: { cumulative: '2.50' },
        after: { cumulative: '2.60' },
      });

      const audit = (await unit().request('GET', `/api/documents/${id}/audit`)).json().items;
      expect(audit[0]).toMatchObject({ action: 'import', entity: 'actuals', after: { created: 77, counts: { values: 33 } } });
    });

    it('exports the 自评表 in a province’s 自评表 profile, which the table reader reads back as that form; any other profile is a 400', async () => {
      const docx = await unit().request('GET', `/api/documents/${id}/evaluation/export?format=docx&profile=sichuan-self-evaluation`);
      expect(docx.statusCode, docx.body).toBe(200);
      const read = await readDocuments(docx.rawPayload, 'evaluation.docx');
      expect(read.profile?.id).toBe('sichuan-self-evaluation');
      expect(read.documents.flatMap((d) => d.projects.map((p) => [p.code, p.indicators.length]))).toEqual(
        model.projects.map((p) => [p.code, p.indicators.length]),
      );
      const evaluated = evaluateDocument(model, actuals, { locale: 'zh-CN' });
      expect(read.actuals?.projects.map((p) => [p.projectCode, p.spending[0]?.cumulative, p.evaluation[0]?.score])).toEqual(
        evaluated.projects.map((p) => [p.projectCode, p.budget.spent, p.budget.score]),
      );
      for (const [profile, message] of [
        ['hebei-2020', '表样“hebei-2020”不是自评表表样，应为 sichuan-self-evaluation。'],
        ['nowhere-1999', '没有自评表表样“nowhere-1999”，应为 sichuan-self-evaluation。'],
      ] as const) {
        const r = await unit().request('GET', `/api/documents/${id}/evaluation/export?format=xlsx&profile=${profile}`);
        expect(r.statusCode).toBe(400);
        expect(r.json()).toEqual({ code: 'invalid_profile', message, profile });
      }
    });

    it('lists a document’s records of each kind whole, as the store reads them', async () => {
      const records = await documentRecords(w.store.db, id, (await readDocument(w.store.db, id))!.projects);
      for (const kind of ACTUALS_KINDS) {
        const listed = (await unit().request('GET', `/api/documents/${id}/actuals?kind=${kind}&limit=200`)).json();
        expect(listed.total).toBe(records[kind].length);
        expect(listed.items).toEqual(asJson(records[kind]));
      }
      expect(records.spending.length * records.values.length * records.monitoringNotes.length).toBeGreaterThan(0);
    });

    it('records one figure at a time, versioned, audited', async () => {
      const post = (body: unknown) => unit().request('POST', `/api/projects/${projectId}/actuals/spending`, { body });
      const created = await post({ date: '2020-11-30', cumulative: '4.20', note: '11月' });
      expect(created.statusCode, created.body).toBe(201);
      expectSchema(SpendingRecord, created.json().record);
      const record = created.json().record;
      expect(created.json()).toMatchObject({
        revision: 2,
        record: { version: 1, projectId, projectCode: LEGAL_AID, date: '2020-11-30', cumulative: '4.20', recordedBy: '怀来县司法局填报员' },
      });

      // The place is taken: the answer names the record to change instead.
      const again = await post({ date: '2020-11-30', cumulative: '4.30' });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'actual_exists', existing: { id: record.id, version: 1 } });
      expect((await post({ date: '2021-01-05', cumulative: '5.00' })).json()).toMatchObject({ code: 'date_outside_year' });
      const value = (index: number) =>
        unit().request('POST', `/api/projects/${projectId}/actuals/values`, { body: { index, date: '2020-11-30', value: '90%' } });
      expect((await value(99)).json()).toMatchObject({ code: 'bad_index' });
      const v = await value(1);
      expect(v.statusCode).toBe(201);
      expectSchema(ValueRecord, v.json().record);

      const put = (version: string, cumulative: string) =>
        unit().request('PUT', `/api/actuals/spending/${record.id}`, {
          headers: { 'if-match': `"${version}"` },
          body: { date: '2020-11-30', cumulative },
        });
      expect((await put('2', '4.40')).json()).toMatchObject({ code: 'stale_version', currentVersion: 1 });
      // Two writers on the same version: one wins, the other is told, nothing is lost unseen.
      const [a, b] = await Promise.all([put('1', '4.40'), put('1', '4.45')]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const winner = (a.statusCode === 200 ? a : b).json().record;
      expect(winner.version).toBe(2);
      const monitoring = (await unit().request('GET', `/api/documents/${id}/monitoring?date=2020-11-30`)).json();
      expect(monitoring.projects[0].execution).toMatchObject({ spent: winner.cumulative, spentAsOf: '2020-11-30' });
      expect(monitoring.projects[0].indicators[0].actual).toEqual({ value: '90%', date: '2020-11-30', note: '' });

      const remove = (version: string) =>
        unit().request('DELETE', `/api/actuals/spending/${record.id}`, { headers: { 'if-match': `"${version}"` } });
      expect((await remove('1')).statusCode).toBe(409);
      expect((await remove('2')).statusCode).toBe(200);
      expect((await remove('2')).statusCode).toBe(404);
      expect(
        (await unit().request('DELETE', `/api/actuals/values/${v.json().record.id}`, { headers: { 'if-match': '"1"' } })).statusCode,
      ).toBe(200);

      const audit = (await unit().request('GET', `/api/documents/${id}/audit?limit=10`))
        .json()
        .items.filter((e: { entity: string }) => e.entity === 'spendingEntry');
      expect(audit.map((e: { action: string }) => e.action)).toEqual(['delete', 'update', 'create']);
      expect(audit[0].before).toMatchObject({ id: record.id, cumulative: winner.cumulative });
      expect(audit[1]).toMatchObject({ before: { cumulative: '4.20', version: 1 }, after: { cumulative: winner.cumulative, version: 2 } });

      // Notes: the project's explanation and an indicator's, each one per place and date.
      const note = await unit().request('POST', `/api/projects/${projectId}/actuals/monitoring-notes`, {
        body: { index: null, date: '2020-11-30', cause: { category: 'funding', text: '资金晚到' }, measure: '加快支付' },
      });
      expect(note.json().record).toMatchObject({
        index: null,
        cause: { category: 'funding', text: '资金晚到' },
        likelihood: null,
        measure: '加快支付',
      });
      const misplaced = await unit().request('POST', `/api/projects/${projectId}/actuals/evaluation-notes`, {
        body: { index: 2, adjustedBudget: '6.00' },
      });
      expect(misplaced.json()).toMatchObject({ code: 'project_only' });
      // 不适用 takes a row out of the score only with a reason; then the evaluation says so and keeps both scores.
      const unreasoned = await unit().request('POST', `/api/projects/${projectId}/actuals/evaluation-notes`, {
        body: { index: 2, notApplicable: true },
      });
      expect(unreasoned.statusCode).toBe(422);
      expect(unreasoned.json()).toMatchObject({
        code: 'not_applicable_reason_required',
        message: `${LEGAL_AID} #2：标为“不适用”须说明理由。`,
      });
      const reasoned = await unit().request('POST', `/api/projects/${projectId}/actuals/evaluation-notes`, {
        body: { index: 2, notApplicable: true, notApplicableReason: '当年无此类群众' },
      });
      expect(reasoned.statusCode, reasoned.body).toBe(201);
      expect(reasoned.json().record).toMatchObject({ notApplicable: true, notApplicableReason: '当年无此类群众' });
      const evaluation = (await unit().request('GET', `/api/documents/${id}/evaluation`)).json();
      expectSchema(DocumentEvaluation, evaluation);
      expect(evaluation.projects[0].indicators[1]).toMatchObject({ status: 'notApplicable', notApplicableReason: '当年无此类群众' });
      expect(evaluation.projects[0].withoutNotApplicable).toMatchObject({ total: expect.any(String) });
      expect(evaluation.withoutNotApplicable).toMatchObject({ score: expect.any(String) });
      expect(evaluation.findings).toContainEqual(
        expect.objectContaining({ ruleId: 'evaluation.notApplicable', projectCode: LEGAL_AID, indicatorIndex: 2 }),
      );
      expect(
        (await unit().request('DELETE', `/api/actuals/evaluation-notes/${reasoned.json().record.id}`, { headers: { 'if-match': '"1"' } }))
          .statusCode,
      ).toBe(200);
      const likely = await unit().request('PUT', `/api/actuals/monitoring-notes/${note.json().record.id}`, {
        headers: { 'if-match': '"1"' },
        body: {
          date: '2020-11-30',
          cause: { category: 'funding', text: '资金晚到' },
          likelihood: 'possible',
          measure: '加快支付，12月完成',
        },
      });
      expect(likely.json().record).toMatchObject({ version: 2, index: null, likelihood: 'possible', measure: '加快支付，12月完成' });
      expect(
        (await unit().request('DELETE', `/api/actuals/monitoring-notes/${note.json().record.id}`, { headers: { 'if-match': '"2"' } }))
          .statusCode,
      ).toBe(200);
    });

    it('refuses a bad file naming its line and column, and writes nothing', async () => {
      const before = await projectActuals();
      const bad = ['项目编码,指标序号,实际值,日期,说明', `${LEGAL_AID},,1.10,2020-03-31,`, `${LEGAL_AID},1,95%,2020-13-45,`].join('\n');
      const r = await unit().request('POST', `/api/documents/${id}/actuals/import/preview?fileName=bad.csv`, {
        raw: bad,
        contentType: 'text/csv',
      });
      expect(r.statusCode).toBe(422);
      expect(r.json()).toMatchObject({ code: 'unreadable', location: { file: 'bad.csv', line: 3, field: '日期' } });
      expect(r.json().message).toContain('第 3 行');
      const unknown = ['项目编码,指标序号,实际值,日期', 'NO-SUCH-CODE,,1,2020-03-31'].join('\r\n');
      expect(
        (
          await unit().request('POST', `/api/documents/${id}/actuals/import/preview?fileName=x.csv`, {
            raw: unknown,
            contentType: 'text/csv',
          })
        ).json(),
      ).toMatchObject({
        location: { line: 2, field: '项目编码' },
      });
      // A commit of something that does not fit the document (posted by hand) is refused whole.
      const tampered: Actuals = {
        projects: [
          {
            ...actuals.projects[0]!,
            spending: [{ date: '2020-02-01', cumulative: '0.50', note: '' }],
            values: [
              { index: 1, date: '2020-02-01', value: '1', note: '' },
              { index: 42, date: '2020-02-01', value: '1', note: '' },
            ],
          },
        ],
      };
      const refused = await unit().request('POST', `/api/documents/${id}/actuals/import/commit`, { body: { actuals: tampered } });
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ code: 'bad_index' });
      expect(await projectActuals()).toEqual(before);

      // The multipart form (a browser's file field) reads the same way.
      const boundary = 'jixiao-test-boundary';
      const multipart = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huailai.csv"\r\nContent-Type: text/csv\r\n\r\n`,
        ),
        CSV,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const viaForm = await unit().request('POST', `/api/documents/${id}/actuals/import/preview`, {
        raw: multipart,
        contentType: `multipart/form-data; boundary=${boundary}`,
      });
      expect(viaForm.statusCode, viaForm.body).toBe(200);
      expect(viaForm.json().plan.unchanged).toBe(77);
    });

    it('takes no actuals on a draft: targets are monitored once approved', async () => {
      const next = await unit().request('POST', `/api/documents/${id}/next-year`);
      const draft = (await unit().request('GET', `/api/documents/${next.json().id}`)).json();
      const r = await unit().request('POST', `/api/projects/${draft.projects[0].id}/actuals/spending`, {
        body: { date: '2021-03-31', cumulative: '1' },
      });
      expect(r.statusCode).toBe(409);
      expect(r.json()).toMatchObject({ code: 'invalid_state', status: 'draft' });
      // Reading works in any status: the draft simply has nothing recorded.
      expect(
        (await unit().request('GET', `/api/documents/${draft.meta.id}/monitoring?date=2021-06-30`)).json().projects[0].execution.spent,
      ).toBe('0.00');
    });

    it('keeps actuals through edits of the targets after a return, and keeps a deleted row’s as orphans', async () => {
      const doc = (await unit().request('GET', `/api/documents/${id}`)).json();
      const rows: Array<{ id: number; description: string }> = doc.projects[0].indicators;
      const valueIn = (list: Array<{ index: number; value: string; orphaned: boolean }>, value: string) =>
        list.find((v) => v.value === value);
      const returned = await w.clients.reviewer.request('POST', `/api/documents/${id}/return`, {
        headers: { 'if-match': `"${doc.meta.version}"` },
        body: { comment: { body: '请调整法律援助项目的指标' } },
      });
      expect(returned.statusCode).toBe(200);
      let version: number = returned.json().version;
      expect(
        (
          await unit().request('POST', `/api/projects/${projectId}/actuals/spending`, { body: { date: '2020-12-01', cumulative: '4.80' } })
        ).json(),
      ).toMatchObject({ code: 'invalid_state' });

      // Row 1 (96% recorded) is deleted: its value is kept as an orphan; row 2's value moves up to row 1.
      const deleted = await unit().request('DELETE', `/api/indicators/${rows[0]!.id}`, { headers: { 'if-match': `"${version}"` } });
      version = deleted.json().version;
      let values = (await projectActuals()).values;
      expect(valueIn(values, '96%')).toMatchObject({
        orphaned: true,
        index: 1,
        indicatorId: null,
        indicatorDescription: rows[0]!.description,
      });
      expect(valueIn(values, '100')).toMatchObject({ orphaned: false, index: 1, indicatorId: rows[1]!.id });
      const monitoring = (await unit().request('GET', `/api/documents/${id}/monitoring?date=2020-12-31`)).json();
      expect(monitoring.orphans).toBe(1);
      expect(monitoring.findings[0]).toMatchObject({ ruleId: 'actuals.orphaned', severity: 'warning' });
      expect(monitoring.projects[0].indicators[0].actual.value).toBe('100');

      // The editor's autosave rewrites every row (new ids), and the deleted row comes back last:
      // every value finds its row again by description.
      const stored = (await unit().request('GET', `/api/projects/${projectId}`)).json().project;
      const { id: _id, findingCounts: _f, ...project } = stored;
      const strip = ({ id: _i, ...row }: { id: number }) => row;
      const original = doc.projects[0].indicators[0];
      const saved = await unit().request('PUT', `/api/projects/${projectId}`, {
        headers: { 'if-match': `"${version}"` },
        body: { project: { ...project, indicators: [...project.indicators.map(strip), strip(original)] } },
      });
      expect(saved.statusCode, saved.body).toBe(200);
      const after = await projectActuals();
      values = after.values;
      expect(values.every((v: { orphaned: boolean }) => !v.orphaned)).toBe(true);
      expect(valueIn(values, '96%')).toMatchObject({ index: 6 });
      expect(valueIn(values, '100')).toMatchObject({ index: 1 });
      // Rows 5 and 6 share a description (the seed repeats it): their targets tell them apart.
      expect(valueIn(values, '93')).toMatchObject({ index: 4 });
      expect(after.evaluationNotes.find((n: { notApplicable: boolean }) => n.notApplicable)).toMatchObject({ index: 5, orphaned: false });
      expect((await unit().request('GET', `/api/documents/${id}/monitoring?date=2020-12-31`)).json().orphans).toBe(0);

      // Approved again: the next write stores the new anchors.
      await setStatus('approved');
      expect(
        (await unit().request('POST', `/api/projects/${projectId}/actuals/spending`, { body: { date: '2020-12-01', cumulative: '4.80' } }))
          .statusCode,
      ).toBe(201);
      const unanchored = await w.store.db
        .selectFrom('actual_values')
        .select('id')
        .where('document_id', '=', id)
        .where('indicator_id', 'is', null)
        .execute();
      expect(unanchored).toEqual([]);
    });

    it('publishes the self-evaluation of published targets once nothing is missing, for anyone to read', async () => {
      const publish = () => w.clients.reviewer.request('POST', `/api/documents/${id}/evaluation/publish`);
      expect((await publish()).json()).toMatchObject({ code: 'invalid_state', status: 'approved' });
      await setStatus('published');
      const refused = await publish();
      expect(refused.statusCode).toBe(422);
      expect(refused.json().code).toBe('evaluation_errors');
      const missing: Array<{ projectCode: string; indicatorIndex: number }> = refused.json().findings;
      expect(missing.map((f) => `${f.projectCode}#${f.indicatorIndex}`)).toEqual(['315-0103-YBN-W3GC#3', '315-0103-JBN-NGVM#4']);

      const projects = (await unit().request('GET', `/api/documents/${id}`)).json().projects as Array<{ id: number; code: string }>;
      for (const f of missing) {
        const p = projects.find((x) => x.code === f.projectCode)!;
        const r = await unit().request('POST', `/api/projects/${p.id}/actuals/evaluation-notes`, {
          body: { index: f.indicatorIndex, analysis: '设备到货延迟，2021年补齐' },
        });
        expect(r.statusCode, r.body).toBe(201);
      }
      const published = await publish();
      expect(published.statusCode, published.body).toBe(200);
      expectSchema(PublishedEvaluation, published.json());
      const score = published.json().evaluation.score;

      const anonymous = await w.clients.anonymous.request('GET', `/api/public/documents/${id}/evaluation`);
      expect(anonymous.statusCode).toBe(200);
      expect(anonymous.json()).toMatchObject({
        documentId: id,
        publishedBy: '怀来县财政局审核员',
        evaluation: { score, grade: published.json().evaluation.grade },
      });
      // Published is final: no more recording, until the bureau withdraws it.
      expect(
        (
          await unit().request('POST', `/api/projects/${projectId}/actuals/spending`, { body: { date: '2020-12-02', cumulative: '4.90' } })
        ).json(),
      ).toMatchObject({
        code: 'evaluation_published',
      });
      expect((await publish()).statusCode).toBe(409);
      expect((await w.clients.reviewer.request('POST', `/api/documents/${id}/evaluation/withdraw`)).statusCode).toBe(204);
      expect((await w.clients.anonymous.request('GET', `/api/public/documents/${id}/evaluation`)).statusCode).toBe(404);
      expect((await projectActuals()).recording).toMatchObject({ open: true, evaluationPublishedAt: null });
      const trail = (await w.clients.reviewer.request('GET', `/api/documents/${id}/audit?limit=3`))
        .json()
        .items.map((e: { action: string }) => e.action);
      expect(trail.slice(0, 2)).toEqual(['withdrawEvaluation', 'publishEvaluation']);
    });
  });
}
