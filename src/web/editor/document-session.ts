/**
 * One document open in the editor: the working copy, what of it is not yet saved, and the autosave
 * that writes each changed part (the department goals, a project) a moment after the last keystroke,
 * one write at a time, each based on the version the previous one returned.
 *
 * When someone else saved meanwhile, the server answers 409: autosave stops and the unsaved parts stay
 * in the working copy until the user chooses to re-apply them over the newer version, or to drop
 * them. Nothing typed is lost without the user saying so.
 */
import type { DepartmentGoals, Project } from '../../core/model/document.ts';
import { ApiFailure } from '../api/client.ts';
import type { DocumentMeta, StoredDocument } from '../api/types.ts';
import { mergeFields } from './merge.ts';
import { editorDocument, editorProject, toProject, type EditorDocument, type EditorProject } from './model.ts';

export interface SessionApi {
  load(id: number): Promise<StoredDocument>;
  saveDepartment(id: number, version: number, department: DepartmentGoals | null): Promise<{ version: number }>;
  saveProject(projectId: number, version: number, project: Project): Promise<{ version: number }>;
  addProject(id: number, version: number, project: Project, position?: number): Promise<{ version: number; projectId: number }>;
  deleteProject(projectId: number, version: number): Promise<{ version: number }>;
}

export type SaveState = 'saved' | 'pending' | 'saving' | 'failed' | 'conflict';

/** A part of the document saved on its own: the department goals, a project (by key), or a project's deletion. */
export type PartKey = 'department' | `project:${string}` | `delete:${number}`;

export interface Conflict {
  /** The version someone else saved. */
  currentVersion: number;
  /** The version the unsaved work is based on. */
  baseVersion: number;
}

export interface SessionSnapshot {
  doc: EditorDocument;
  meta: DocumentMeta;
  version: number;
  saveState: SaveState;
  savedAt: Date | null;
  conflict: Conflict | null;
  /** The unsaved parts, in the order they were first changed. */
  unsaved: PartKey[];
  /** The server's message when the last save failed for another reason. */
  error: string | null;
}

export interface SessionOptions {
  debounceMs?: number;
  retryMs?: number;
}

export class DocumentSession {
  #snapshot: SessionSnapshot;
  #listeners = new Set<() => void>();
  /** Unsaved parts with the edit count when each was last changed. */
  #dirty = new Map<PartKey, number>();
  /** What the server holds of each part as of `version`: the base a re-apply compares the user's work with. */
  #base: { department: DepartmentGoals | null; projects: Map<number, Project> } = { department: null, projects: new Map() };
  #edits = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #saving: Promise<void> | null = null;
  #disposed = false;
  readonly #debounceMs: number;
  readonly #retryMs: number;

  constructor(
    stored: StoredDocument,
    private readonly api: SessionApi,
    options: SessionOptions = {},
  ) {
    this.#debounceMs = options.debounceMs ?? 800;
    this.#retryMs = options.retryMs ?? 5000;
    this.#rememberBase(stored);
    this.#snapshot = {
      doc: editorDocument(stored),
      meta: stored.meta,
      version: stored.meta.version,
      saveState: 'saved',
      savedAt: null,
      conflict: null,
      unsaved: [],
      error: null,
    };
  }

  #rememberBase(stored: StoredDocument) {
    const doc = editorDocument(stored);
    this.#base = { department: doc.department, projects: new Map(doc.projects.map((p) => [p.id!, toProject(p)])) };
  }

  readonly subscribe = (listener: () => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly getSnapshot = () => this.#snapshot;

  #set(patch: Partial<SessionSnapshot>) {
    this.#snapshot = { ...this.#snapshot, ...patch, unsaved: [...this.#dirty.keys()] };
    for (const l of this.#listeners) l();
  }

  #markDirty(part: PartKey) {
    this.#dirty.set(part, ++this.#edits);
  }

  setDepartment(department: DepartmentGoals | null) {
    this.#markDirty('department');
    this.#changed({ ...this.#snapshot.doc, department });
  }

  setProject(project: EditorProject) {
    this.#markDirty(`project:${project.key}`);
    this.#changed({ ...this.#snapshot.doc, projects: this.#snapshot.doc.projects.map((p) => (p.key === project.key ? project : p)) });
  }

  addProject(project: EditorProject) {
    this.#markDirty(`project:${project.key}`);
    this.#changed({ ...this.#snapshot.doc, projects: [...this.#snapshot.doc.projects, project] });
  }

  removeProject(key: string) {
    const project = this.#snapshot.doc.projects.find((p) => p.key === key);
    if (!project) return;
    this.#dirty.delete(`project:${key}`);
    if (project.id !== null) this.#markDirty(`delete:${project.id}`);
    this.#changed({ ...this.#snapshot.doc, projects: this.#snapshot.doc.projects.filter((p) => p.key !== key) });
  }

  #changed(doc: EditorDocument) {
    const blocked = this.#snapshot.conflict !== null;
    this.#set({ doc, saveState: blocked ? 'conflict' : this.#saving ? 'saving' : 'pending' });
    if (!blocked) this.#schedule(this.#debounceMs);
  }

  #schedule(ms: number) {
    clearTimeout(this.#timer);
    if (this.#disposed) return;
    this.#timer = setTimeout(() => void this.save(), ms);
  }

  /** Writes every unsaved part now (autosave calls this; so do submit and leaving the page). */
  save(): Promise<void> {
    clearTimeout(this.#timer);
    if (this.#saving) return this.#saving.then(() => (this.#dirty.size > 0 && this.#snapshot.saveState !== 'failed' ? this.save() : undefined));
    if (this.#snapshot.conflict || this.#dirty.size === 0) return Promise.resolve();
    this.#saving = this.#writeAll().finally(() => {
      this.#saving = null;
    });
    return this.#saving;
  }

  async #writeAll() {
    this.#set({ saveState: 'saving', error: null });
    while (this.#dirty.size > 0) {
      const [part, edit] = this.#dirty.entries().next().value as [PartKey, number];
      try {
        const version = await this.#write(part);
        if (this.#dirty.get(part) === edit) this.#dirty.delete(part);
        // The server turns a returned document back into a draft on its first edit.
        const { meta } = this.#snapshot;
        this.#set({ version, meta: meta.status === 'returned' ? { ...meta, status: 'draft', version } : { ...meta, version } });
      } catch (e) {
        if (e instanceof ApiFailure && e.isConflict) {
          const currentVersion = e.body.currentVersion ?? this.#snapshot.version + 1;
          this.#set({ saveState: 'conflict', conflict: { currentVersion, baseVersion: this.#snapshot.version } });
        } else {
          this.#set({ saveState: 'failed', error: e instanceof Error && e.message ? e.message : null });
          this.#schedule(this.#retryMs);
        }
        return;
      }
    }
    this.#set({ saveState: 'saved', savedAt: new Date() });
  }

  async #write(part: PartKey): Promise<number> {
    const { doc, version } = this.#snapshot;
    if (part === 'department') {
      const r = await this.api.saveDepartment(doc.id, version, doc.department);
      this.#base.department = doc.department;
      return r.version;
    }
    if (part.startsWith('delete:')) {
      const id = Number(part.slice('delete:'.length));
      const r = await this.api.deleteProject(id, version);
      this.#base.projects.delete(id);
      return r.version;
    }
    const key = part.slice('project:'.length);
    const index = doc.projects.findIndex((p) => p.key === key);
    const project = doc.projects[index];
    if (!project) return version;
    const content = toProject(project);
    if (project.id !== null) {
      const r = await this.api.saveProject(project.id, version, content);
      this.#base.projects.set(project.id, content);
      return r.version;
    }
    const created = await this.api.addProject(doc.id, version, content, index);
    this.#base.projects.set(created.projectId, content);
    // The project now exists on the server: later saves of it replace it by id.
    this.#snapshot = {
      ...this.#snapshot,
      doc: { ...this.#snapshot.doc, projects: this.#snapshot.doc.projects.map((p) => (p.key === key ? { ...p, id: created.projectId } : p)) },
    };
    return created.version;
  }

  /**
   * After a conflict: loads the newer version, puts the unsaved parts back over it field by field
   * (./merge.ts: what the user changed is kept, what they did not change takes the newer value; a
   * project someone else deleted meanwhile is created anew), and saves them.
   */
  async reloadAndReapply(): Promise<void> {
    const stored = await this.api.load(this.#snapshot.doc.id);
    const theirs = editorDocument(stored);
    const mine = this.#snapshot.doc;
    const merged: EditorDocument = { ...theirs };
    if (this.#dirty.has('department'))
      merged.department = mine.department === null ? null : mergeFields(this.#base.department, mine.department, theirs.department);
    const projects = [...theirs.projects];
    for (const part of [...this.#dirty.keys()]) {
      if (part.startsWith('delete:')) {
        const id = Number(part.slice('delete:'.length));
        const at = projects.findIndex((p) => p.id === id);
        if (at >= 0) projects.splice(at, 1);
        else this.#dirty.delete(part);
      } else if (part.startsWith('project:')) {
        const project = mine.projects.find((p) => `project:${p.key}` === part)!;
        const at = project.id === null ? -1 : projects.findIndex((p) => p.id === project.id);
        if (at >= 0) {
          const own = toProject(project);
          const fields = mergeFields(this.#base.projects.get(project.id!) ?? null, own, toProject(projects[at]!));
          // The rows keep their editor keys (and the focus) when the merged table reads as the user's.
          const rows = JSON.stringify(fields.indicators) === JSON.stringify(own.indicators) ? project.indicators : editorProject(fields, project.id).indicators;
          projects[at] = { ...editorProject(fields, project.id), key: project.key, indicators: rows };
        } else {
          const fresh = { ...project, id: null };
          projects.push(fresh);
          this.#dirty.delete(part);
          this.#dirty.set(`project:${fresh.key}`, ++this.#edits);
        }
      }
    }
    merged.projects = projects;
    this.#rememberBase(stored);
    this.#set({ doc: merged, meta: stored.meta, version: stored.meta.version, conflict: null, saveState: 'pending' });
    await this.save();
  }

  /** Drops the unsaved work and shows the newest version. */
  async reload(): Promise<void> {
    const stored = await this.api.load(this.#snapshot.doc.id);
    clearTimeout(this.#timer);
    this.#dirty.clear();
    this.#rememberBase(stored);
    this.#set({ doc: editorDocument(stored), meta: stored.meta, version: stored.meta.version, conflict: null, saveState: 'saved', error: null });
  }

  /** Takes a new state of the document after a workflow step (submit) returned its version. */
  setMeta(meta: DocumentMeta) {
    this.#set({ meta, version: meta.version });
  }

  /** The unsaved parts as text the user can keep (the "copy mine" choice of a conflict). */
  unsavedText(): string {
    const { doc } = this.#snapshot;
    const parts: Record<string, unknown> = {};
    if (this.#dirty.has('department')) parts.department = doc.department;
    const projects = doc.projects.filter((p) => this.#dirty.has(`project:${p.key}`)).map(toProject);
    if (projects.length > 0) parts.projects = projects;
    return JSON.stringify(parts, null, 2);
  }

  dispose() {
    this.#disposed = true;
    clearTimeout(this.#timer);
  }
}
