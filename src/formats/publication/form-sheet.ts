/**
 * A form printed under a head of its own, each sheet from a new page: an approval's 批复表 (the
 * notice's 文号 and date, the unit, then the project's form) or a notice's cover (its text and the
 * table of what it covers). The DOCX and PDF writers print the same sheets.
 */
import type { FormRow } from './project-form.ts';

export interface FormSheet {
  /** Centred, in the title's type. */
  title: string;
  /** Centred lines under the title (the year, the 文号 and date). */
  subtitles: string[];
  /** Body paragraphs, before the table. */
  paragraphs: string[];
  /** Left-aligned lines just above the table (the unit). */
  above: string[];
  rows: FormRow[];
  /** Right-aligned lines after the table (the issuing bureau and date). */
  closing: string[];
}
