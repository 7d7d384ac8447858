/**
 * The merged ranges of a workbook's sheets, read from the sheets' XML (<mergeCells>) by sheet name.
 * exceljs checks every merged range it loads against every other, seconds for a sheet of a few
 * thousand (a sheet of a few hundred projects' forms), so the table reader loads the workbook
 * without them and takes them from here. Only the small parts are parsed whole (the workbook and its
 * relationships); of a sheet, only its <mergeCells> element, which follows the cells.
 */
import { SaxesParser } from 'saxes';
import type { ZipPackage } from '../zip-reader.ts';

/** A merged range, 0-based and inclusive. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Each element's local name and attributes (prefixes dropped: writers differ in them), in order. */
function elements(xml: string): { name: string; attributes: Record<string, string> }[] {
  const out: { name: string; attributes: Record<string, string> }[] = [];
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  parser.on('opentag', (tag) => out.push({ name: tag.name.replace(/^.*:/, ''), attributes: tag.attributes }));
  parser.write(xml).close();
  return out;
}

/** The sheets' parts by sheet name: workbook.xml names each sheet's relationship, whose target is its part. */
function sheetParts(zip: ZipPackage): Map<string, string> {
  const text = (name: string) => new TextDecoder().decode(zip.read(name));
  const workbook = elements(text('xl/workbook.xml'));
  const prefix =
    Object.entries(workbook[0]?.attributes ?? {})
      .find(([, v]) => v === RELATIONSHIPS)?.[0]
      .replace(/^xmlns:/, '') ?? 'r';
  const targets = new Map(
    elements(text('xl/_rels/workbook.xml.rels'))
      .filter((e) => e.name === 'Relationship')
      .map((e) => [e.attributes.Id, e.attributes.Target ?? ''] as const),
  );
  const parts = new Map<string, string>();
  for (const e of workbook) {
    if (e.name !== 'sheet') continue;
    const target = targets.get(e.attributes[`${prefix}:id`]) ?? '';
    parts.set(e.attributes.name ?? '', target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return parts;
}

/** "AB12" → { row: 11, column: 27 }. */
function cellAt(ref: string): { row: number; column: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  if (m === null) return null;
  let column = 0;
  for (const ch of m[1]!) column = column * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, column: column - 1 };
}

export function sheetMerges(zip: ZipPackage): Map<string, MergedRange[]> {
  const merges = new Map<string, MergedRange[]>();
  for (const [sheet, part] of sheetParts(zip)) {
    const xml = new TextDecoder().decode(zip.read(part));
    const start = xml.search(/<(?:\w+:)?mergeCells[\s>/]/);
    if (start < 0) continue;
    const end = /<\/(?:\w+:)?mergeCells>/.exec(xml.slice(start));
    if (end === null) continue;
    const ranges: MergedRange[] = [];
    for (const e of elements(xml.slice(start, start + end.index + end[0].length))) {
      const [from, to] = (e.name === 'mergeCell' ? (e.attributes.ref ?? '') : '').split(':').map(cellAt);
      if (from && to) ranges.push({ top: from.row, left: from.column, bottom: to.row, right: to.column });
    }
    merges.set(sheet, ranges);
  }
  return merges;
}
