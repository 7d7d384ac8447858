/**
 * The title of a unit's published document — "怀来县司法局2020年度预算绩效目标" with "单位编码：315002"
 * under it. It states the unit and the year, which the tables alone do not, so they read back as they
 * were. A document without a year has no title, as in the published text format.
 */
import type { TargetDocument } from '../../core/model/document.ts';
import { messages } from '../../i18n/index.ts';

export interface DocumentTitle {
  title: string;
  /** "单位编码：315002", or null when the unit has no code. */
  unitCode: string | null;
}

export function documentTitle(doc: TargetDocument): DocumentTitle | null {
  if (doc.year === null) return null;
  const f = messages().publication.form;
  return { title: f.documentTitle(doc.unit.name, doc.year), unitCode: doc.unit.code === null ? null : f.unitCode(doc.unit.code) };
}

/** The unit code a "单位编码：315002" line states, or null when the line is not one. */
export function unitCodeOfLine(line: string): string | null {
  const m = /^单位编码[:：]\s*([0-9A-Za-z-]+)$/.exec(line.normalize('NFKC').trim());
  return m === null ? null : m[1]!;
}
