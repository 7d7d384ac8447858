/**
 * The one error every importer throws for bad input. It names where the problem is
 * (file, and line or sheet/cell, and field) so a user can find and fix it, and it is
 * thrown before anything is returned: imports are all-or-nothing.
 */
import { messages } from '../i18n/index.ts';

export interface ImportLocation {
  file: string;
  line?: number;
  sheet?: string;
  cell?: string;
  /** A Word document's place: its n-th table (1-based) and a row and column in it, or its n-th paragraph. */
  table?: number;
  row?: number;
  column?: number;
  paragraph?: number;
  /** Where in the model, when the reader's own place is not known: a project's code or name, an indicator row (1-based). */
  project?: string;
  indicator?: number;
  field?: string;
}

export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly location: ImportLocation,
    /** Human-readable reason, in the user's language, without the location. */
    readonly reason: string,
  ) {
    super(`${describeLocation(location)}${messages().formats.location.reasonSeparator}${reason}`);
  }
}

export function describeLocation(l: ImportLocation): string {
  const m = messages().formats.location;
  const parts = [l.file];
  if (l.sheet !== undefined) parts.push(m.sheet(l.sheet));
  if (l.cell !== undefined) parts.push(m.cell(l.cell));
  if (l.line !== undefined) parts.push(m.line(l.line));
  if (l.paragraph !== undefined) parts.push(m.paragraph(l.paragraph));
  if (l.table !== undefined) parts.push(m.table(l.table));
  if (l.row !== undefined) parts.push(m.row(l.row));
  if (l.column !== undefined) parts.push(m.column(l.column));
  if (l.project !== undefined) parts.push(m.project(l.project));
  if (l.indicator !== undefined) parts.push(m.indicator(l.indicator));
  if (l.field !== undefined) parts.push(m.field(l.field));
  return parts.join(m.separator);
}
