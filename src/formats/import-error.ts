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
  if (l.field !== undefined) parts.push(m.field(l.field));
  return parts.join(m.separator);
}
