/**
 * The files jixiao exports documents as, for the CLI and the API alike: Word and PDF in the published
 * layout, the Excel workbook people fill in, the exchange JSON, and the open-data package (CSV,
 * datapackage.json and the JSON with its schema, as a ZIP). Several units in one Word or PDF file
 * follow one another, each under its own title; a bundle of one file per unit is built by the caller.
 */
import type { FormProfile } from '../../core/forms/profile.ts';
import type { TargetDocument } from '../../core/model/document.ts';
import { writeExchangeJson } from '../json/exchange.ts';
import { openDataFiles } from '../open-data/data-package.ts';
import { zipBundle } from './zip.ts';

export const FILE_FORMATS = ['docx', 'pdf', 'xlsx', 'json', 'opendata'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

export const FILE_TYPES: Record<FileFormat, { extension: string; mediaType: string }> = {
  docx: { extension: 'docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  pdf: { extension: 'pdf', mediaType: 'application/pdf' },
  xlsx: { extension: 'xlsx', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  json: { extension: 'json', mediaType: 'application/json; charset=utf-8' },
  opendata: { extension: 'zip', mediaType: 'application/zip' },
};

/** The formats published one file per unit (a bureau's bundle is a ZIP of them, or one combined file). */
export const PER_UNIT_FORMATS: ReadonlySet<FileFormat> = new Set(['docx', 'pdf']);

/** The formats a form profile shapes: Word and PDF print its form, the workbook has its columns. */
export const PROFILED_FORMATS: ReadonlySet<FileFormat> = new Set(['docx', 'pdf', 'xlsx']);

// The writers load large libraries (docx, pdfmake, exceljs): only the one asked for is loaded.
const writers = {
  docx: async () => (await import('../docx/write-docx.ts')).writeDocx,
  pdf: async () => (await import('../pdf/write-pdf.ts')).writePdf,
  xlsx: async () => (await import('../xlsx/write-xlsx.ts')).exportXlsx,
};

export interface WriteFileOptions {
  /** The form profile (表样) Word and PDF print in (jixiao's own form by default), and whose columns the workbook has. */
  profile?: FormProfile;
}

/** One file holding the documents, in order. */
export async function writeDocumentsFile(
  docs: readonly TargetDocument[],
  format: FileFormat,
  options: WriteFileOptions = {},
): Promise<Uint8Array> {
  switch (format) {
    case 'docx':
    case 'pdf':
    case 'xlsx':
      return (await writers[format]())(docs, { profile: options.profile });
    case 'json':
      return new TextEncoder().encode(writeExchangeJson(docs));
    case 'opendata':
      return zipBundle(openDataFiles(docs));
  }
}

/** The blank Excel template; `year` picks the indicator framework of its drop-down lists, `profile` (default the year's) its columns. */
export async function writeTemplate(year?: number, profile?: FormProfile): Promise<Uint8Array> {
  return (await import('../xlsx/write-xlsx.ts')).xlsxTemplate(year, profile);
}
