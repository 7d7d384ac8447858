import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DepartmentGoals, Project } from '../../core/model/document.ts';
import { ApiFailure } from '../api/client.ts';
import type { StoredDocument } from '../api/types.ts';
import { DocumentSession, type SessionApi } from './document-session.ts';
import { toProject } from './model.ts';

const project = (name: string): Project => ({
  code: '315-0105-JBN-2D9U',
  name,
  unit: { code: '315002', name: '怀来县司法局' },
  amountUnit: '万元',
  budget: { total: '5.00', fiscal: '5.00', other: null, sources: [] },
  useOfFunds: '办理法律援助案件',
  spendingPlan: [{ checkpoint: '12月底', percent: '100.00' }],
  goals: [{ term: 'annual', text: '办理法律援助案件' }],
  indicators: [
    {
      term: 'annual',
      level1: '产出指标',
      level2: '数量指标',
      level3: '',
      description: '办案数',
      target: '≥15件',
      basis: '年度计划',
      remark: '',
    },
  ],
  department: null,
  attribute: null,
  period: null,
});

const counts = { error: 0, warning: 0, info: 0 };

/** A server holding one document, with a version that every write checks and bumps. */
class FakeServer implements SessionApi {
  version = 3;
  department: DepartmentGoals | null = null;
  projects = new Map<number, Project>([[11, project('法律援助')]]);
  nextId = 12;
  writes: string[] = [];

  #check(version: number) {
    if (version !== this.version)
      throw new ApiFailure(409, 'stale_version', 'stale', { currentVersion: this.version, writtenBy: { id: 2, name: '王芳' } });
    return ++this.version;
  }
  async load(): Promise<StoredDocument> {
    return {
      meta: {
        id: 1,
        unitId: 1,
        unitCode: '315002',
        unitName: '怀来县司法局',
        bureauId: 1,
        year: 2020,
        status: 'draft',
        version: this.version,
        projectCount: this.projects.size,
        budgetTotal: '5.00',
        findingCounts: counts,
        copiedFromId: null,
        createdAt: '',
        updatedAt: '',
        submittedAt: null,
        approvedAt: null,
        publishedAt: null,
      },
      formProfile: 'hebei-2020',
      unit: { code: '315002', name: '怀来县司法局' },
      department: this.department,
      projects: [...this.projects].map(([id, p]) => ({
        ...p,
        id,
        findingCounts: counts,
        indicators: p.indicators.map((i, n) => ({ ...i, id: id * 100 + n })),
      })),
    };
  }
  async saveDepartment(_id: number, version: number, department: DepartmentGoals | null) {
    const v = this.#check(version);
    this.department = department;
    this.writes.push('department');
    return { version: v };
  }
  async saveProject(projectId: number, version: number, p: Project) {
    const v = this.#check(version);
    this.projects.set(projectId, p);
    this.writes.push(`project ${projectId}`);
    return { version: v };
  }
  async addProject(_id: number, version: number, p: Project) {
    const v = this.#check(version);
    const id = this.nextId++;
    this.projects.set(id, p);
    this.writes.push(`add ${id}`);
    return { version: v, projectId: id };
  }
  async deleteProject(projectId: number, version: number) {
    const v = this.#check(version);
    this.projects.delete(projectId);
    this.writes.push(`delete ${projectId}`);
    return { version: v };
  }
}

const goals = (overallGoal: string): DepartmentGoals => ({ overallGoal, subGoals: [], safeguards: [] });

describe('DocumentSession autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  async function open(server = new FakeServer()) {
    const session = new DocumentSession(await server.load(), server, { debounceMs: 500, retryMs: 1000 });
    return { server, session };
  }

  it('saves a moment after the last change, once, and says so', async () => {
    const { server, session } = await open();
    const p = session.getSnapshot().doc.projects[0]!;
    session.updateProject(p.key, { name: '法律援助（一）' });
    session.updateProject(p.key, { name: '法律援助（二）' });
    expect(session.getSnapshot().saveState).toBe('pending');
    await vi.advanceTimersByTimeAsync(499);
    expect(server.writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.writes).toEqual(['project 11']);
    expect(server.projects.get(11)!.name).toBe('法律援助（二）');
    expect(session.getSnapshot()).toMatchObject({ saveState: 'saved', version: 4, unsaved: [] });
  });

  it('shows a returned document as a draft again once an edit is saved, as the server does', async () => {
    const server = new FakeServer();
    const stored = await server.load();
    const session = new DocumentSession({ ...stored, meta: { ...stored.meta, status: 'returned' } }, server, { debounceMs: 10 });
    session.updateProject(session.getSnapshot().doc.projects[0]!.key, { name: '法律援助（改）' });
    await session.save();
    expect(session.getSnapshot().meta).toMatchObject({ status: 'draft', version: 4 });
  });

  it('creates a new project, then replaces it by its new id', async () => {
    const { server, session } = await open();
    const added = { ...session.getSnapshot().doc.projects[0]!, key: 'new1', id: null, name: '新项目' };
    session.addProject(added);
    await session.save();
    expect(server.writes).toEqual(['add 12']);
    session.updateProject(session.getSnapshot().doc.projects[1]!.key, { name: '普法宣传' });
    await session.save();
    expect(server.writes).toEqual(['add 12', 'project 12']);
    expect(server.projects.get(12)!.name).toBe('普法宣传');
  });

  it('on 409 keeps the unsaved work, stops, and re-applies it over the newer version when asked', async () => {
    const { server, session } = await open();
    const p = session.getSnapshot().doc.projects[0]!;
    session.setDepartment(goals('我的总体目标'));
    session.updateProject(p.key, { useOfFunds: '我的资金用途' });
    // Someone else saves in between: the department goals and a new project of theirs.
    server.version = 9;
    server.department = goals('他人的总体目标');
    server.projects.set(20, project('他人的项目'));
    await session.save();
    const s = session.getSnapshot();
    expect(s.saveState).toBe('conflict');
    expect(s.conflict).toMatchObject({ currentVersion: 9, baseVersion: 3, writtenBy: { id: 2, name: '王芳' } });
    expect(s.unsaved).toEqual(['department', `project:${p.key}`]);
    expect(s.doc.department!.overallGoal).toBe('我的总体目标');
    // Typing goes on during the conflict; nothing is sent.
    session.updateProject(session.getSnapshot().doc.projects[0]!.key, { name: '法律援助（改）' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.writes).toEqual([]);

    await session.reloadAndReapply();
    expect(server.department!.overallGoal).toBe('我的总体目标');
    expect(server.projects.get(11)).toMatchObject({ name: '法律援助（改）', useOfFunds: '我的资金用途' });
    expect(server.projects.get(20)!.name).toBe('他人的项目');
    expect(session.getSnapshot()).toMatchObject({ saveState: 'saved', conflict: null, version: 11 });
    expect(session.getSnapshot().doc.projects.map((x) => x.name)).toEqual(['法律援助（改）', '他人的项目']);
  });

  it('re-applies field by field: their change to one field and mine to another both survive', async () => {
    const before = new FakeServer();
    before.department = goals('原总体目标');
    const { server, session } = await open(before);
    const p = session.getSnapshot().doc.projects[0]!;
    session.updateProject(p.key, { useOfFunds: '我的资金用途' });
    session.setDepartment(goals('我的总体目标'));
    server.version = 7;
    server.projects.set(11, { ...project('法律援助'), name: '法律援助（他人改名）' });
    server.department = { overallGoal: '', subGoals: [{ label: '一、', text: '他人的分项目标', children: [] }], safeguards: [] };
    await session.save();
    expect(session.getSnapshot().saveState).toBe('conflict');
    await session.reloadAndReapply();
    expect(server.projects.get(11)).toMatchObject({ name: '法律援助（他人改名）', useOfFunds: '我的资金用途' });
    expect(server.department).toEqual({
      overallGoal: '我的总体目标',
      subGoals: [{ label: '一、', text: '他人的分项目标', children: [] }],
      safeguards: [],
    });
    // The rows are untouched by either side: the editor keeps the same row keys.
    expect(session.getSnapshot().doc.projects[0]!.indicators.map((r) => r.key)).toEqual(p.indicators.map((r) => r.key));
  });

  it('keeps the row they saved and the row I changed (no lost update), and shows what it will do before it does it', async () => {
    const before = new FakeServer();
    const rows = ['一', '二', '三', '四', '五'].map((n) => ({ ...project('x').indicators[0]!, description: `指标${n}` }));
    before.projects.set(11, { ...project('法律援助'), indicators: rows });
    const { server, session } = await open(before);
    const p = session.getSnapshot().doc.projects[0]!;
    session.updateProject(p.key, { indicators: p.indicators.map((r, i) => (i === 4 ? { ...r, target: '≥5件' } : r)) });
    // Another window saved row 4 meanwhile.
    server.version = 4;
    server.projects.set(11, { ...project('法律援助'), indicators: rows.map((r, i) => (i === 3 ? { ...r, target: '≥4件' } : r)) });
    await session.save();
    await vi.waitFor(() => expect(session.getSnapshot().conflict?.parts).not.toBeNull());
    expect(session.getSnapshot().conflict!.parts).toEqual([
      { part: `project:${p.key}`, name: '法律援助', changes: [{ field: 'target', row: 5 }], conflicts: [], deletedByThem: false },
    ]);
    expect(server.writes).toEqual([]);
    await session.reloadAndReapply();
    expect(server.projects.get(11)!.indicators.map((r) => r.target)).toEqual(['≥15件', '≥15件', '≥15件', '≥4件', '≥5件']);
  });

  it('lets the user settle a field both changed: theirs when chosen', async () => {
    const { server, session } = await open();
    const p = session.getSnapshot().doc.projects[0]!;
    session.updateProject(p.key, { name: '法律援助（我的）', useOfFunds: '我的资金用途' });
    server.version = 4;
    server.projects.set(11, { ...project('法律援助'), name: '法律援助（他的）' });
    await session.save();
    await vi.waitFor(() => expect(session.getSnapshot().conflict?.parts).not.toBeNull());
    const [part] = session.getSnapshot().conflict!.parts!;
    expect(part!.conflicts).toEqual([{ key: 'name', field: 'name', row: null, mine: '法律援助（我的）', theirs: '法律援助（他的）' }]);
    await session.reloadAndReapply({ [part!.part]: { name: 'theirs' as const } });
    expect(server.projects.get(11)).toMatchObject({ name: '法律援助（他的）', useOfFunds: '我的资金用途' });
  });

  it('creates anew a project I changed and they deleted, and says so first', async () => {
    const { server, session } = await open();
    const p = session.getSnapshot().doc.projects[0]!;
    session.updateProject(p.key, { name: '法律援助（我的）' });
    server.version = 4;
    server.projects.delete(11);
    await session.save();
    await vi.waitFor(() => expect(session.getSnapshot().conflict?.parts).not.toBeNull());
    expect(session.getSnapshot().conflict!.parts![0]).toMatchObject({ deletedByThem: true, name: '法律援助（我的）' });
    await session.reloadAndReapply();
    expect(server.writes).toEqual(['add 12']);
    expect(server.projects.get(12)!.name).toBe('法律援助（我的）');
  });

  it('lands a late edit in the project it was typed in, whatever the latest working copy holds', async () => {
    const { session } = await open();
    const [first] = session.getSnapshot().doc.projects;
    session.updateProject(first!.key, { name: '法律援助（一）' });
    session.updateProject(first!.key, { useOfFunds: '后到的输入' });
    expect(session.getSnapshot().doc.projects[0]).toMatchObject({ name: '法律援助（一）', useOfFunds: '后到的输入', key: first!.key });
    session.updateProject('no-such-project', { name: '无处可去' });
    expect(session.getSnapshot().unsaved).toEqual([`project:${first!.key}`]);
  });

  it('offers the unsaved parts as text, and can drop them for the newer version', async () => {
    const { server, session } = await open();
    session.setDepartment(goals('我的总体目标'));
    server.version = 5;
    await session.save();
    expect(JSON.parse(session.unsavedText())).toEqual({ department: goals('我的总体目标') });
    await session.reload();
    expect(session.getSnapshot()).toMatchObject({ saveState: 'saved', conflict: null, unsaved: [], version: 5 });
    expect(session.getSnapshot().doc.department).toBeNull();
  });

  it('retries after a failure that is not a conflict', async () => {
    const { server, session } = await open();
    const failing = vi.spyOn(server, 'saveProject').mockRejectedValueOnce(new ApiFailure(0, 'network', ''));
    const p = session.getSnapshot().doc.projects[0]!;
    session.updateProject(p.key, { name: '法律援助（新）' });
    await vi.advanceTimersByTimeAsync(500);
    expect(session.getSnapshot().saveState).toBe('failed');
    await vi.advanceTimersByTimeAsync(1000);
    expect(failing).toHaveBeenCalledTimes(2);
    expect(session.getSnapshot().saveState).toBe('saved');
    expect(server.projects.get(11)!.name).toBe('法律援助（新）');
  });

  it('deletes a saved project on the server, and a never-saved one only locally', async () => {
    const { server, session } = await open();
    const added = { ...session.getSnapshot().doc.projects[0]!, key: 'new2', id: null };
    session.addProject(added);
    session.removeProject('new2');
    session.removeProject(session.getSnapshot().doc.projects[0]!.key);
    await session.save();
    expect(server.writes).toEqual(['delete 11']);
    expect(server.projects.size).toBe(0);
  });

  it('saves the core model without editor keys', async () => {
    const { session } = await open();
    const saved = toProject(session.getSnapshot().doc.projects[0]!);
    expect(saved).toEqual(project('法律援助'));
  });

  it('keeps a checkpoint just added, still blank, out of what is saved until it is written in', async () => {
    const { session } = await open();
    const shown = session.getSnapshot().doc.projects[0]!;
    const blank = { ...shown, spendingPlan: [...shown.spendingPlan, { checkpoint: '', percent: null }] };
    expect(toProject(blank)).toEqual(project('法律援助'));
    const written = { ...shown, spendingPlan: [...shown.spendingPlan, { checkpoint: '', percent: '50.00' }] };
    expect(toProject(written).spendingPlan).toHaveLength(shown.spendingPlan.length + 1);
  });
});
