/**
 * The editor's working copy of a document: the core model with a stable key on each project and
 * indicator row (React needs one; the server renumbers rows on every save), converted back to the
 * core model for the review engine and for saving.
 */
import type { FormProfile } from '../../core/forms/profile.ts';
import { defaultProfileFor, profileById } from '../../core/forms/profiles.ts';
import type { Indicator, Project, TargetDocument } from '../../core/model/document.ts';
import type { StoredDocument, StoredProject } from '../api/types.ts';

export interface EditorRow extends Indicator {
  key: string;
}

export interface EditorProject extends Omit<Project, 'indicators'> {
  key: string;
  /** The server's id; null until the project has been created there. */
  id: number | null;
  indicators: EditorRow[];
}

export interface EditorDocument {
  id: number;
  unit: TargetDocument['unit'];
  year: number;
  department: TargetDocument['department'];
  projects: EditorProject[];
  /** The id of the form profile (表样) the document follows, as the server names it. */
  formProfile: string;
}

let counter = 0;
/** A key no other row or project of this page has. */
export const newKey = (prefix: string) => `${prefix}${++counter}`;

export const editorRow = (indicator: Indicator): EditorRow => ({ ...indicator, key: newKey('r') });

/**
 * The key of a row as loaded: named by its stored id, so what the server says of that row (its
 * 上年 / 前年) finds it. The server renumbers rows on saving; the keys stay, which is the point.
 */
export const storedRowKey = (indicatorId: number) => `i${indicatorId}`;

export function editorProject(project: StoredProject | Project, id: number | null): EditorProject {
  const { indicators, ...rest } = project;
  const { findingCounts: _counts, id: _id, ...fields } = rest as typeof rest & { findingCounts?: unknown; id?: unknown };
  return {
    ...fields,
    id,
    key: id === null ? newKey('p') : `p${id}`,
    indicators: indicators.map((i: Indicator & { id?: number }) =>
      i.id === undefined ? editorRow(i) : { ...withoutId(i), key: storedRowKey(i.id) },
    ),
  };
}

function withoutId(i: Indicator & { id?: number }): Indicator {
  const { id: _id, ...rest } = i;
  return rest;
}

export function editorDocument(stored: StoredDocument): EditorDocument {
  return {
    id: stored.meta.id,
    unit: stored.unit,
    year: stored.meta.year,
    department: stored.department,
    projects: stored.projects.map((p) => editorProject(p, p.id)),
    formProfile: stored.formProfile,
  };
}

/** The profile the editor shows the document in: the one the server names (the year's should this jixiao not know it). */
export const profileOf = (d: EditorDocument): FormProfile => profileById(d.formProfile) ?? defaultProfileFor(d.year);

/**
 * The core model of one project (what the API stores). A checkpoint just added and still blank (no
 * 时点, no percent) is the form's, not the document's: it is kept on screen and saved once written in.
 */
export function toProject(p: EditorProject): Project {
  const { key: _key, id: _id, indicators, spendingPlan, ...rest } = p;
  return {
    ...rest,
    spendingPlan: spendingPlan.filter((c) => c.checkpoint.trim() !== '' || c.percent !== null),
    indicators: indicators.map(({ key: _k, ...i }) => i),
  };
}

export const toTargetDocument = (d: EditorDocument): TargetDocument => ({
  unit: d.unit,
  year: d.year,
  department: d.department,
  projects: d.projects.map(toProject),
});

/** A new, empty indicator row; it continues the category of the row it follows. */
export const blankRow = (after?: Indicator): EditorRow =>
  editorRow({
    term: after?.term ?? 'annual',
    level1: after?.level1 ?? '',
    level2: after?.level2 ?? '',
    level3: '',
    description: '',
    target: '',
    basis: '',
    remark: '',
  });

/** A new project of the document's unit, with the usual four checkpoints of the seed's form. */
export const blankProject = (doc: EditorDocument, name: string): Project => ({
  code: '',
  name,
  unit: doc.unit,
  amountUnit: '万元',
  budget: { total: null, fiscal: null, other: null, sources: [] },
  useOfFunds: '',
  spendingPlan: ['3月底', '6月底', '10月底', '12月底'].map((checkpoint) => ({ checkpoint, percent: null })),
  goals: [],
  indicators: [],
  department: null,
  attribute: null,
  period: null,
});
