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
import { alignRows, mergeDepartment, mergeProject, type Choices, type FieldChange, type FieldConflict } from '../../core/model/merge.ts';
import { ApiFailure } from '../api/client.ts';
import type { DocumentMeta, StoredDocument } from '../api/types.ts';
import { editorDocument, newKey, toProject, type EditorDocument, type EditorProject } from './model.ts';

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

/** What re-applying one unsaved part over the newer version does (src/core/model/merge.ts). */
export interface PartMerge {
  part: PartKey;
  /** The project's name as the user has it (null for the department goals and deletions). */
  name: string | null;
  changes: FieldChange[];
  conflicts: FieldConflict[];
  /** Someone else deleted the project the user changed: re-applying creates it anew. */
  deletedByThem: boolean;
}

export interface Conflict {
  /** The version someone else saved. */
  currentVersion: number;
  /** The version the unsaved work is based on. */
  baseVersion: number;
  /** Who saved it (null when the server does not say). */
  writtenBy: { id: number | null; name: string } | null;
  /** The merge of each unsaved part over the newer version; null while it loads. */
  parts: PartMerge[] | null;
}

/** The user's pick for each conflicting field, per part. */
export type PartChoices = Readonly<Partial<Record<PartKey, Choices>>>;

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
  /** What the server holds of each part as of `version`, with the working copy's row keys: the base of a three-way merge. */
  #base: { department: DepartmentGoals | null; projects: Map<number, EditorProject> } = { department: null, projects: new Map() };
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
    const doc = editorDocument(stored);
    this.#rememberBase(doc);
    this.#snapshot = {
      doc,
      meta: stored.meta,
      version: stored.meta.version,
      saveState: 'saved',
      savedAt: null,
      conflict: null,
      unsaved: [],
      error: null,
    };
  }

  #rememberBase(doc: EditorDocument) {
    this.#base = { department: doc.department, projects: new Map(doc.projects.map((p) => [p.id!, p])) };
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

  /**
   * Changes the project the edit was made in, by its key, over the latest working copy: input a form
   * reports late (the user has moved on to another project) still lands where it was typed.
   */
  updateProject(key: string, patch: Partial<EditorProject>) {
    if (!this.#snapshot.doc.projects.some((p) => p.key === key)) return;
    this.#markDirty(`project:${key}`);
    this.#changed({
      ...this.#snapshot.doc,
      projects: this.#snapshot.doc.projects.map((p) => (p.key === key ? { ...p, ...patch, key } : p)),
    });
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
    if (this.#saving)
      return this.#saving.then(() => (this.#dirty.size > 0 && this.#snapshot.saveState !== 'failed' ? this.save() : undefined));
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
          const writtenBy = (e.body.writtenBy as Conflict['writtenBy'] | undefined) ?? null;
          this.#set({ saveState: 'conflict', conflict: { currentVersion, baseVersion: this.#snapshot.version, writtenBy, parts: null } });
          void this.#preview();
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
      this.#base.projects.set(project.id, project);
      return r.version;
    }
    const created = await this.api.addProject(doc.id, version, content, index);
    this.#base.projects.set(created.projectId, { ...project, id: created.projectId });
    // The project now exists on the server: later saves of it replace it by id.
    this.#snapshot = {
      ...this.#snapshot,
      doc: {
        ...this.#snapshot.doc,
        projects: this.#snapshot.doc.projects.map((p) => (p.key === key ? { ...p, id: created.projectId } : p)),
      },
    };
    return created.version;
  }

  /** The newer version as the working copy sees it: its rows carry the keys of the base rows they are (by content). */
  async #theirs(): Promise<{ stored: StoredDocument; doc: EditorDocument }> {
    const stored = await this.api.load(this.#snapshot.doc.id);
    const doc = editorDocument(stored);
    const projects = doc.projects.map((p) => {
      const base = this.#base.projects.get(p.id!);
      if (!base) return p;
      const keys = alignRows(base.indicators, p.indicators, () => newKey('r'));
      return { ...p, indicators: p.indicators.map((r, i) => ({ ...r, key: keys[i]! })) };
    });
    return { stored, doc: { ...doc, projects } };
  }

  /**
   * The unsaved parts merged over `theirs` (src/core/model/merge.ts): what only the user changed is
   * kept, what only the other writer changed is taken, each conflict as `choices` says (the user's
   * own value until they choose). A project someone else deleted meanwhile is created anew;
   * deleting a project that is gone already is nothing left to do (`done`).
   */
  #merge(theirs: EditorDocument, choices: PartChoices): { doc: EditorDocument; parts: PartMerge[]; done: PartKey[] } {
    const mine = this.#snapshot.doc;
    const parts: PartMerge[] = [];
    const done: PartKey[] = [];
    let department = theirs.department;
    const projects = [...theirs.projects];
    for (const part of this.#dirty.keys()) {
      if (part === 'department') {
        const r = mergeDepartment(this.#base.department, mine.department, theirs.department, choices[part]);
        department = r.value;
        parts.push({ part, name: null, changes: r.changes, conflicts: r.conflicts, deletedByThem: false });
      } else if (part.startsWith('delete:')) {
        const at = projects.findIndex((p) => p.id === Number(part.slice('delete:'.length)));
        if (at >= 0) {
          projects.splice(at, 1);
          parts.push({ part, name: null, changes: [], conflicts: [], deletedByThem: false });
        } else done.push(part);
      } else {
        const project = mine.projects.find((p) => `project:${p.key}` === part)!;
        const at = project.id === null ? -1 : projects.findIndex((p) => p.id === project.id);
        const base = project.id === null ? undefined : this.#base.projects.get(project.id);
        if (at >= 0 && base) {
          const r = mergeProject(base, project, projects[at]!, choices[part]);
          projects[at] = r.value;
          parts.push({ part, name: project.name, changes: r.changes, conflicts: r.conflicts, deletedByThem: false });
        } else {
          projects.push({ ...project, id: null });
          parts.push({ part, name: project.name, changes: [], conflicts: [], deletedByThem: project.id !== null });
        }
      }
    }
    return { doc: { ...theirs, department, projects }, parts, done };
  }

  /** Loads the newer version and shows the user what re-applying would do, before they choose. */
  async #preview() {
    try {
      const { doc } = await this.#theirs();
      const { conflict } = this.#snapshot;
      if (conflict) this.#set({ conflict: { ...conflict, parts: this.#merge(doc, {}).parts } });
    } catch {
      // The dialog still offers its choices; re-applying loads the newer version again.
      const { conflict } = this.#snapshot;
      if (conflict) this.#set({ conflict: { ...conflict, parts: [] } });
    }
  }

  /** After a conflict: loads the newer version, merges the unsaved parts over it (`choices` settle the conflicts), and saves them. */
  async reloadAndReapply(choices: PartChoices = {}): Promise<void> {
    const { stored, doc: theirs } = await this.#theirs();
    const { doc, done } = this.#merge(theirs, choices);
    for (const part of done) this.#dirty.delete(part);
    this.#rememberBase(theirs);
    this.#set({ doc, meta: stored.meta, version: stored.meta.version, conflict: null, saveState: 'pending' });
    await this.save();
  }

  /** Drops the unsaved work and shows the newest version. */
  async reload(): Promise<void> {
    const stored = await this.api.load(this.#snapshot.doc.id);
    clearTimeout(this.#timer);
    this.#dirty.clear();
    const doc = editorDocument(stored);
    this.#rememberBase(doc);
    this.#set({ doc, meta: stored.meta, version: stored.meta.version, conflict: null, saveState: 'saved', error: null });
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
