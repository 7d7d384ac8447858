/**
 * The one error every importer throws for bad input. It names where the problem is
 * (file, and line or sheet/cell, and field) so a user can find and fix it, and it is
 * thrown before anything is returned: imports are all-or-nothing.
 *
 * The reason (and a field the catalog names) is kept as a MessageRef, a code and its parameters,
 * so whoever shows the error writes it in their reader's language (`in`, `locationIn`): the
 * server in the requester's, whatever language the reader ran in. `message`, `reason` and
 * `location` are in the process's language, for the command line.
 */
import { messages, type Messages } from '../i18n/index.ts';
import { writeMessage, type MessageRef } from '../i18n/message-ref.ts';

export interface ImportLocation {
  file: string;
  /** A published table as its reader names it ("表 2", "工作表「Sheet1」"), with `cell` in its own naming. */
  tableName?: string;
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

/** A location whose field is the catalog's name for it, or text from the file itself. */
export type NamedLocation = Omit<ImportLocation, 'field'> & { field?: string | MessageRef };

export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly place: NamedLocation,
    /** Why, without the location. */
    readonly why: MessageRef,
  ) {
    super(writeImportError(place, why, messages()));
  }

  /** The error, place and reason, in catalog `m`'s language. */
  in(m: Messages): string {
    return writeImportError(this.place, this.why, m);
  }

  locationIn(m: Messages): ImportLocation {
    const { field, ...rest } = this.place;
    return field === undefined ? rest : { ...rest, field: typeof field === 'string' ? field : writeMessage(field, m) };
  }

  get location(): ImportLocation {
    return this.locationIn(messages());
  }

  get reason(): string {
    return writeMessage(this.why, messages());
  }
}

const writeImportError = (place: NamedLocation, why: MessageRef, m: Messages) =>
  `${describeLocation(place, m)}${m.formats.location.reasonSeparator}${writeMessage(why, m)}`;

function describeLocation(l: NamedLocation, all: Messages): string {
  const m = all.formats.location;
  const parts = [l.file];
  if (l.tableName !== undefined) parts.push(l.tableName);
  if (l.sheet !== undefined) parts.push(m.sheet(l.sheet));
  if (l.cell !== undefined) parts.push(m.cell(l.cell));
  if (l.line !== undefined) parts.push(m.line(l.line));
  if (l.paragraph !== undefined) parts.push(m.paragraph(l.paragraph));
  if (l.table !== undefined) parts.push(m.table(l.table));
  if (l.row !== undefined) parts.push(m.row(l.row));
  if (l.column !== undefined) parts.push(m.column(l.column));
  if (l.project !== undefined) parts.push(m.project(l.project));
  if (l.indicator !== undefined) parts.push(m.indicator(l.indicator));
  if (l.field !== undefined) parts.push(m.field(typeof l.field === 'string' ? l.field : writeMessage(l.field, all)));
  return parts.join(m.separator);
}
