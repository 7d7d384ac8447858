/**
 * Reads published 预算绩效目标 from a Word document: those jixiao writes and Word-made ones in the
 * same layout. The tables are read cell by cell (w:tbl), not the text alone: a cell merged into the
 * one above (the 一级/二级 cells merged over their rows) is the empty "as above" cell, a cell spanning
 * columns is one cell. The body is then the same sequence Word's "save as plain text" makes of it, and
 * is read by the published-text reader, so a DOCX and a text file of one document follow exactly the
 * same rules (variations, "as above" cells, a missing 其他资金, other checkpoints, several units).
 * An error names the table, row and cell (or the paragraph) and the field.
 */
import type { TargetDocument } from '../../core/model/document.ts';
import { named } from '../../i18n/message-ref.ts';
import { ImportError, type ImportLocation } from '../import-error.ts';
import { unitCodeOfLine } from '../publication/document-title.ts';
import { DOCUMENT_TITLE } from '../text/blocks.ts';
import { readPublishedText, type ReadTextOptions } from '../text/read.ts';
import { documentXml, readBody, type BodyBlock } from './docx-body.ts';

type Place = Pick<ImportLocation, 'paragraph' | 'table' | 'row' | 'column'>;

export function readDocx(bytes: Uint8Array, fileName: string, options: ReadTextOptions = {}): TargetDocument[] {
  const xml = documentXml(bytes, fileName);
  const blocks = xml === undefined ? undefined : readBody(xml);
  if (blocks === undefined) throw new ImportError({ file: fileName }, named.publication.errors.notDocx);
  const { text, places } = asWordText(blocks);
  try {
    return readPublishedText(text, { fileName }, options);
  } catch (e) {
    if (!(e instanceof ImportError) || e.place.line === undefined) throw e;
    const { line, ...rest } = e.place;
    throw new ImportError({ ...rest, ...(places[line - 1] ?? {}) }, e.why);
  }
}

const AMOUNT_UNIT_LINE = /^(.*?)\s*((?:金额)?单位\s*[:：]\s*(?:万元|元))$/;
const CONTENTS = /^目\s*录$/;

/**
 * The body as Word's plain-text export writes it: a paragraph per line, each table cell on a line
 * starting with a TAB (a cell's further paragraphs on lines of their own), a blank line after each row
 * and one more after each table (the text reader takes a table without it for a file cut off).
 * `places[i]` is where line i + 1 comes from.
 */
export function asWordText(blocks: readonly BodyBlock[]): { text: string; places: Place[] } {
  const lines: string[] = [];
  const places: Place[] = [];
  const push = (line: string, place: Place) => {
    lines.push(line);
    places.push(place);
  };
  let paragraphNo = 0;
  let tableNo = 0;
  let lastTitleLine = -1;
  blocks.forEach((block, i) => {
    if (block.kind === 'paragraph') {
      const place = { paragraph: ++paragraphNo };
      const text = block.text.trim();
      if (text === '' || CONTENTS.test(text)) return;
      // jixiao prints the unit code under the title; the text format has it in the title.
      const code = unitCodeOfLine(text);
      if (code !== null && lastTitleLine >= 0) {
        lines[lastTitleLine] = `${code}${lines[lastTitleLine]}`;
        lastTitleLine = -1;
        return;
      }
      // A unit line above the table rather than in its first row, as some templates have it.
      const unitLine = AMOUNT_UNIT_LINE.exec(text);
      if (unitLine !== null && blocks[i + 1]?.kind === 'table') {
        if (unitLine[1] !== '') push(`\t${unitLine[1]}`, place);
        push(`\t${unitLine[2]}`, place);
        push('', place);
        return;
      }
      lastTitleLine = DOCUMENT_TITLE.test(text) ? lines.length : -1;
      for (const line of text.split('\n')) push(line.trim(), place);
      push('', place);
      return;
    }
    tableNo++;
    lastTitleLine = -1;
    block.rows.forEach((cells, r) => {
      cells.forEach((cell, c) => {
        const place = { table: tableNo, row: r + 1, column: c + 1 };
        const text = cell.mergedAbove
          ? []
          : cell.paragraphs
              .flatMap((p) => p.split('\n'))
              .map((l) => l.trim())
              .filter((l) => l !== '');
        push(`\t${text[0] ?? ''}`, place);
        for (const line of text.slice(1)) push('', place), push(line, place);
      });
      push('', { table: tableNo, row: r + 1 });
    });
    push('', { table: tableNo });
  });
  return { text: `${lines.join('\n')}\n`, places };
}
