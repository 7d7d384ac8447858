import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRAMEWORK_2021_ENTRIES, type LibraryEntry } from '../../core/library/index.ts';
import { readLibraryJson, writeLibraryJson } from '../../formats/library/json.ts';
import { readLibraryXlsx, writeLibraryXlsx } from '../../formats/library/xlsx.ts';
import { offeredEntries } from '../../store/library/entries.ts';
import { openWorld, type World } from '../fixture.testing.ts';
import { testDatabases } from '../testing.ts';

interface View {
  id: number;
  version: number;
  bureau: { id: number; name: string } | null;
  entry: LibraryEntry;
  proposedBy: { unitId: number; unitName: string } | null;
  decidedBy: string | null;
  decidedAt: string | null;
}
interface ListPage {
  items: View[];
  nextCursor: string | null;
  total: { value: number; exact: boolean } | null;
}

const APPLICATION = {
  level1: '产出指标',
  level2: '数量指标',
  level3: '法律援助案件办理数量',
  unit: '件',
  target: '≥120件',
  direction: 'higher',
  field: 'justice',
};
const ifMatch = (v: number) => ({ 'if-match': `"${v}"` });

for (const make of testDatabases()) {
  const database = make();
  describe(`the indicator library API on ${database.name}`, () => {
    let w: World;
    beforeAll(async () => {
      w = await openWorld(database);
    }, 120_000);
    afterAll(() => w?.close());

    const list = async (client: keyof World['clients'], query = '') => {
      const r = await w.clients[client].request('GET', `/api/library${query}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json<ListPage>();
    };

    it('shows a unit its bureau’s library (national, the county’s learned entries) and its own application, and nobody outside', async () => {
      const page = await list('ownUnit');
      const states = page.items.map((v) => v.entry.status.state);
      expect(page.items.find((v) => v.bureau === null)?.entry.id).toBe(FRAMEWORK_2021_ENTRIES[0]!.id);
      expect(page.items.some((v) => v.bureau?.name === '怀来县财政局' && v.entry.source.kind === 'learned')).toBe(true);
      // The demo's pending application is the unit's own.
      expect(states.filter((s) => s === 'proposed')).toHaveLength(1);
      expect(page.total).toEqual({ value: page.items.length, exact: true });
      // The neighbouring county's unit sees the national entry, not 怀来's.
      const other = await list('otherUnit');
      expect(other.items.map((v) => v.bureau)).toEqual([null]);
      expect((await w.clients.anonymous.request('GET', '/api/library')).statusCode).toBe(401);
    });

    it('runs an application through: apply, edit, 409 on a stale version, refuse needs a reason, approve, retire', async () => {
      const applied = await w.clients.ownUnit.request('POST', '/api/library/applications', { body: { entry: APPLICATION } });
      expect(applied.statusCode, applied.body).toBe(201);
      const v = applied.json<View>();
      expect(v).toMatchObject({
        version: 1,
        bureau: { id: w.countyId, name: '怀来县财政局' },
        proposedBy: { unitName: '怀来县司法局' },
        decidedBy: null,
        entry: { ...APPLICATION, source: { kind: 'bureau', reference: '130730' }, status: { state: 'proposed', reason: null } },
      });
      expect(v.entry.id).toBe(`130730-${v.id}`);

      // Another county's unit neither sees nor touches it; another county's reviewer may not decide on it.
      expect((await w.clients.otherUnit.request('GET', `/api/library/${v.id}`)).statusCode).toBe(404);
      expect((await w.clients.otherUnit.request('DELETE', `/api/library/entries/${v.id}`, { headers: ifMatch(1) })).statusCode).toBe(403);
      const foreign = await w.clients.otherReviewer.request('POST', `/api/library/entries/${v.id}/decision`, {
        headers: ifMatch(1),
        body: { decision: 'approve' },
      });
      expect(foreign.statusCode).toBe(403);

      const edited = await w.clients.ownUnit.request('PUT', `/api/library/entries/${v.id}`, {
        headers: ifMatch(1),
        body: { entry: { ...APPLICATION, target: '≥150件' } },
      });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json<View>()).toMatchObject({ version: 2, entry: { target: '≥150件' } });

      const stale = await w.clients.reviewer.request('POST', `/api/library/entries/${v.id}/decision`, {
        headers: ifMatch(1),
        body: { decision: 'approve' },
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ code: 'stale_version', currentVersion: 2 });
      expect(stale.json().message).toContain('该指标已被他人修改');
      const noVersion = await w.clients.reviewer.request('POST', `/api/library/entries/${v.id}/decision`, {
        body: { decision: 'approve' },
      });
      expect(noVersion.statusCode).toBe(400);

      const noReason = await w.clients.reviewer.request('POST', `/api/library/entries/${v.id}/decision`, {
        headers: ifMatch(2),
        body: { decision: 'refuse', reason: '  ' },
      });
      expect(noReason.statusCode).toBe(422);
      expect(noReason.json()).toMatchObject({ code: 'reason_required', message: '不予入库须写明理由（reason）。' });

      // The reviewer finds it among the applications and approves it.
      const pending = await list('reviewer', '?state=proposed&field=justice');
      expect(pending.items.map((x) => x.id)).toContain(v.id);
      const approved = await w.clients.reviewer.request('POST', `/api/library/entries/${v.id}/decision`, {
        headers: ifMatch(2),
        body: { decision: 'approve' },
      });
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json<View>()).toMatchObject({
        version: 3,
        decidedBy: '怀来县财政局审核员',
        entry: { status: { state: 'approved' } },
      });
      expect(approved.json<View>().decidedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect((await offeredEntries(w.store.db, w.countyId)).map((e) => e.level3)).toContain(APPLICATION.level3);
      // Approved, it is suggested: for the county's projects and to a free query from the county, not to another county.
      const labels = async (client: keyof World['clients'], path: string) => {
        const r = await w.clients[client].request('GET', path);
        expect(r.statusCode, r.body).toBe(200);
        return r.json<{ items: Array<{ label: string; entry: { level3: string } | null; row: { origin?: string } }> }>().items;
      };
      const doc = (await w.clients.ownUnit.request('GET', `/api/documents/${w.draftId}`)).json();
      const forProject = await labels('ownUnit', `/api/projects/${doc.projects[0].id}/suggestions?limit=100`);
      expect(forProject.find((x) => x.entry?.level3 === APPLICATION.level3)).toMatchObject({ row: { origin: '指标库' } });
      const query = `/api/suggestions?name=${encodeURIComponent('法律援助')}&field=justice&limit=100`;
      expect((await labels('reviewer', query)).map((x) => x.entry?.level3)).toContain(APPLICATION.level3);
      expect((await labels('otherUnit', query)).map((x) => x.entry?.level3)).not.toContain(APPLICATION.level3);

      // Decided: the unit can no longer withdraw or edit it, nor can it be decided again.
      const late = await w.clients.ownUnit.request('DELETE', `/api/library/entries/${v.id}`, { headers: ifMatch(3) });
      expect(late.statusCode).toBe(409);
      expect(late.json()).toMatchObject({ code: 'invalid_state', state: 'approved' });
      expect(late.json().message).toBe('该指标的状态为“已入库”，不能撤回申请。');

      const retired = await w.clients.reviewer.request('POST', `/api/library/entries/${v.id}/retire`, { headers: ifMatch(3) });
      expect(retired.statusCode, retired.body).toBe(200);
      expect(retired.json<View>().entry.status.state).toBe('retired');
      const offered = await offeredEntries(w.store.db, w.countyId);
      expect(offered.map((e) => e.level3)).not.toContain(APPLICATION.level3);
      expect((await labels('reviewer', query)).map((x) => x.entry?.level3)).not.toContain(APPLICATION.level3);
      // Nearest first: the county's own entries, then the national framework last.
      expect(offered.at(-1)!.id).toBe(FRAMEWORK_2021_ENTRIES[0]!.id);
      // Retired, it left the unit's view of the approved library but stays its own application.
      expect((await w.clients.ownUnit.request('GET', `/api/library/${v.id}`)).statusCode).toBe(200);

      const audit = await w.store.db
        .selectFrom('audit_log')
        .select(['action', 'before', 'after', 'actor_name'])
        .where('entity', '=', 'libraryEntry')
        .where('entity_id', '=', String(v.id))
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['propose', 'update', 'approve', 'retire']);
      expect(audit[2]).toMatchObject({
        actor_name: '怀来县财政局审核员',
        before: { bureauId: w.countyId, entry: { status: { state: 'proposed' } } },
        after: { entry: { status: { state: 'approved' } } },
      });
    });

    it('reinstates a retired entry: only a reviewer of its bureau, at the current version, audited, offered again', async () => {
      const level3 = '法律援助案件回访满意率';
      const added = await w.clients.reviewer.request('POST', '/api/library/entries', {
        body: { entry: { ...APPLICATION, level3, unit: '%', target: '≥90%' } },
      });
      expect(added.statusCode, added.body).toBe(201);
      const { id } = added.json<View>();
      const query = `/api/suggestions?name=${encodeURIComponent('法律援助')}&field=justice&limit=100`;
      const suggested = async () => {
        const r = await w.clients.ownUnit.request('GET', query);
        expect(r.statusCode, r.body).toBe(200);
        return r.json<{ items: Array<{ entry: { level3: string } | null }> }>().items.some((x) => x.entry?.level3 === level3);
      };
      expect(await suggested()).toBe(true);
      expect((await w.clients.reviewer.request('POST', `/api/library/entries/${id}/retire`, { headers: ifMatch(1) })).statusCode).toBe(200);
      // Read once retired, so that a cached answer would still leave it out after the reinstatement.
      expect(await suggested()).toBe(false);

      // Approved entries have nothing to reinstate; the unit, another county's reviewer and a stale version are refused.
      const reinstate = (client: keyof World['clients'], version: number) =>
        w.clients[client].request('POST', `/api/library/entries/${id}/reinstate`, { headers: ifMatch(version) });
      expect((await reinstate('ownUnit', 2)).statusCode).toBe(403);
      expect((await reinstate('otherReviewer', 2)).statusCode).toBe(403);
      const stale = await reinstate('reviewer', 1);
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ code: 'stale_version', currentVersion: 2 });
      expect((await w.clients.reviewer.request('POST', `/api/library/entries/${id}/reinstate`)).statusCode).toBe(400);

      const done = await reinstate('reviewer', 2);
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json<View>()).toMatchObject({ version: 3, entry: { level3, status: { state: 'approved', reason: null } } });
      const again = await reinstate('reviewer', 3);
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'invalid_state', state: 'approved', message: '该指标的状态为“已入库”，不能恢复启用。' });

      expect((await offeredEntries(w.store.db, w.countyId)).map((e) => e.level3)).toContain(level3);
      expect(await suggested()).toBe(true);
      const audit = await w.store.db
        .selectFrom('audit_log')
        .select(['action', 'before', 'after', 'actor_name'])
        .where('entity', '=', 'libraryEntry')
        .where('entity_id', '=', String(id))
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['create', 'retire', 'reinstate']);
      expect(audit[2]).toMatchObject({
        actor_name: '怀来县财政局审核员',
        before: { bureauId: w.countyId, entry: { level3, status: { state: 'retired' } } },
        after: { bureauId: w.countyId, entry: { level3, status: { state: 'approved', reason: null } } },
      });
    });

    it('refuses with the reason kept; a unit withdraws its own application', async () => {
      const a = (
        await w.clients.ownUnit.request('POST', '/api/library/applications', { body: { entry: { ...APPLICATION, level3: '甲' } } })
      ).json<View>();
      const refused = await w.clients.reviewer.request('POST', `/api/library/entries/${a.id}/decision`, {
        headers: ifMatch(1),
        body: { decision: 'refuse', reason: '与已入库的结案率重复' },
      });
      expect(refused.json<View>().entry.status).toEqual({ state: 'refused', reason: '与已入库的结案率重复' });
      const b = (
        await w.clients.ownUnit.request('POST', '/api/library/applications', { body: { entry: { ...APPLICATION, level3: '乙' } } })
      ).json<View>();
      // A reviewer may not withdraw a unit's application; the unit may.
      expect((await w.clients.reviewer.request('DELETE', `/api/library/entries/${b.id}`, { headers: ifMatch(1) })).statusCode).toBe(403);
      expect((await w.clients.ownUnit.request('DELETE', `/api/library/entries/${b.id}`, { headers: ifMatch(1) })).statusCode).toBe(204);
      expect((await w.clients.ownUnit.request('GET', `/api/library/${b.id}`)).statusCode).toBe(404);
      // Schema errors name the field in Chinese.
      const empty = await w.clients.ownUnit.request('POST', '/api/library/applications', {
        body: { entry: { ...APPLICATION, level3: '' } },
      });
      expect(empty.statusCode).toBe(422);
      expect(empty.json().message).toContain('三级指标');
      const admin = await w.clients.admin.request('POST', '/api/library/applications', { body: { entry: APPLICATION } });
      expect(admin.statusCode).toBe(403);
    });

    it('lets a reviewer add entries to its own bureau (a taken code is a conflict) and pages by cursor', async () => {
      const added = await w.clients.reviewer.request('POST', '/api/library/entries', {
        body: { code: 'hl-001', entry: { ...APPLICATION, level3: '社区矫正对象定位覆盖率', unit: '%', target: '=100%' } },
      });
      expect(added.statusCode, added.body).toBe(201);
      expect(added.json<View>()).toMatchObject({ entry: { id: 'hl-001', status: { state: 'approved' } }, decidedBy: '怀来县财政局审核员' });
      const again = await w.clients.reviewer.request('POST', '/api/library/entries', { body: { code: 'hl-001', entry: APPLICATION } });
      expect(again.statusCode).toBe(409);
      expect(again.json().message).toContain('hl-001');
      expect((await w.clients.ownUnit.request('POST', '/api/library/entries', { body: { entry: APPLICATION } })).statusCode).toBe(403);

      const all = await list('reviewer');
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const page: ListPage = await list('reviewer', `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.items.map((v) => v.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(seen).toEqual(all.items.map((v) => v.id));
      expect(seen).toEqual([...seen].sort((a, b) => b - a));
      expect((await w.clients.reviewer.request('GET', '/api/library?cursor=bm9wZQ')).statusCode).toBe(400);
      // Filters: wording, owner.
      expect((await list('reviewer', `?q=${encodeURIComponent('定位覆盖')}`)).items.map((v) => v.entry.id)).toEqual(['hl-001']);
      expect((await list('reviewer', '?national=true')).items.map((v) => v.bureau)).toEqual([null]);
      expect((await list('admin', `?bureauId=${w.countyId}&state=approved`)).items.every((v) => v.bureau?.id === w.countyId)).toBe(true);
    });

    it('exports the visible library as JSON and XLSX, and imports a file all or nothing', async () => {
      const json = await w.clients.ownUnit.request('GET', '/api/library/export?format=json');
      expect(json.statusCode).toBe(200);
      expect(json.headers['content-disposition']).toContain('jixiao-library.json');
      const entries = readLibraryJson(json.body, 'lib.json');
      expect(entries[0]!.id).toBe(FRAMEWORK_2021_ENTRIES[0]!.id);
      const xlsx = await w.clients.reviewer.request('GET', '/api/library/export?format=xlsx');
      expect(xlsx.statusCode).toBe(200);
      expect((await readLibraryXlsx(new Uint8Array(xlsx.rawPayload), 'lib.xlsx')).length).toBe(
        readLibraryJson((await w.clients.reviewer.request('GET', '/api/library/export')).body, 'x.json').length,
      );

      const file: LibraryEntry[] = [
        { ...FRAMEWORK_2021_ENTRIES[0]!, id: 'hl-001', target: '≥98%', source: { kind: 'bureau', reference: '130730' } },
        { ...FRAMEWORK_2021_ENTRIES[0]!, id: 'hl-002', level3: '普法宣传覆盖率', source: { kind: 'bureau', reference: '130730' } },
      ];
      const before = (await list('reviewer')).total!.value;
      const broken = JSON.parse(writeLibraryJson(file));
      broken.entries[1].status = { state: 'refused', reason: null };
      const bad = await w.clients.reviewer.request('POST', '/api/library/import?fileName=lib.json', {
        raw: JSON.stringify(broken),
        contentType: 'application/octet-stream',
      });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().message).toContain('entries[1].status.reason');
      expect((await list('reviewer')).total!.value).toBe(before);

      const xlsxFile = Buffer.from(await writeLibraryXlsx(file));
      const unitTry = await w.clients.ownUnit.request('POST', '/api/library/import?fileName=lib.xlsx', {
        raw: xlsxFile,
        contentType: 'application/octet-stream',
      });
      expect(unitTry.statusCode).toBe(403);
      const ok = await w.clients.reviewer.request('POST', '/api/library/import?fileName=lib.xlsx', {
        raw: xlsxFile,
        contentType: 'application/octet-stream',
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toEqual({ created: 1, updated: 1 });
      const updated = (await list('reviewer', `?q=${encodeURIComponent('服务对象满意度')}&bureauId=${w.countyId}`)).items;
      expect(updated.map((v) => [v.entry.id, v.entry.target, v.version])).toEqual([['hl-001', '≥98%', 2]]);
    });
  });
}
