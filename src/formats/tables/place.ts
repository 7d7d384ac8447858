/** Where in a published table the recogniser is, and the error that names it. */
import type { MessageRef } from '../../i18n/message-ref.ts';
import { ImportError } from '../import-error.ts';
import type { Grid } from './grid.ts';

export interface Place {
  grid: Grid;
  row: number;
  column: number;
}

/** A cell's text as the recogniser keeps it, with where it was read for a later error. */
export interface PlacedText {
  text: string;
  at: Place;
}

export const failAt = (file: string, at: Place, why: MessageRef, field?: string): never => {
  throw new ImportError(
    { file, tableName: at.grid.name, cell: at.grid.cellName(at.row, at.column), ...(field === undefined ? {} : { field }) },
    why,
  );
};
