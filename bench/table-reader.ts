/**
 * The published-table reader's throughput on one core, for Word and Excel: a file of many projects
 * made from a real province's form (the 乌海 fixture, 22 rows by 10 columns with merged header
 * cells and 18 indicator rows), repeated with a new project name each time — as Word writes it (a
 * table per project, runs with their fonts, w:gridSpan and w:vMerge) and as one Excel sheet with the
 * forms one under the other (merged ranges). Measured: the grid extraction alone, and end to end
 * (grids recognised into documents), as projects/s, and as a ratio to the published-text reader on
 * the sample, timed in the same run. Target (issue 13): ≥ 2,000 projects/s for Word and Excel.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { docxOf } from '../src/formats/docx/word-made.testing.ts';
import { MAX_ZIP_UNPACKED_BYTES } from '../src/formats/limits.ts';
import { named } from '../src/i18n/message-ref.ts';
import { readDocuments } from '../src/formats/read-document.ts';
import type { Grid } from '../src/formats/tables/grid.ts';
import { readPublishedTables } from '../src/formats/tables/read-published.ts';
import { readTableFile } from '../src/formats/tables/read-table-file.ts';
import { readPublishedText } from '../src/formats/text/read.ts';
import { openZip } from '../src/formats/zip-reader.ts';
import { measure, measureAsync, watchLoad, type Benchmark, type Figure, type Timing } from './benchmark.ts';

const ROOT = resolve(import.meta.dirname, '..');
const FORM = resolve(ROOT, 'src/formats/tables/fixtures/neimenggu-wuhai-project/form.docx');
const SAMPLE = resolve(ROOT, 'samples/huailai-sifaju-2020.txt');

/** The form's grid, and the cell that names its project. */
async function template(): Promise<{ grid: Grid; nameRow: number }> {
  const [grid] = (await readTableFile(new Uint8Array(readFileSync(FORM)), 'form.docx')).tables;
  const nameRow = grid!.rows.findIndex((r) => r[0]!.text === '项目名称');
  return { grid: grid!, nameRow };
}

const projectName = (grid: Grid, nameRow: number, i: number) => `${grid.rows[nameRow]![1]!.text}（${i + 1}）`;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A paragraph as Word writes one: its properties and a run with its fonts and size. */
const FONT =
  '<w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="宋体" w:hint="eastAsia"/><w:sz w:val="20"/><w:szCs w:val="20"/>';
const wordParagraph = (text: string) =>
  `<w:p w:rsidR="00B52C1E" w:rsidRDefault="00B52C1E"><w:pPr><w:jc w:val="center"/><w:rPr>${FONT}</w:rPr></w:pPr>${text
    .split('\n')
    .map((line) => `<w:r><w:rPr>${FONT}</w:rPr><w:t xml:space="preserve">${esc(line)}</w:t></w:r>`)
    .join('<w:r><w:br/></w:r>')}</w:p>`;

/** The grid as a Word table: a cell merged from the left widens its row's cell, one merged from above continues it. */
function wordTable(grid: Grid, name: (row: number, column: number, text: string) => string): string {
  const rows = grid.rows.map((cells, r) => {
    const tcs: string[] = [];
    for (let c = 0; c < cells.length; ) {
      let span = 1;
      while (cells[c + span]?.mergedFrom === 'left') span++;
      const cell = cells[c]!;
      const down = grid.rows[r + 1]?.[c]?.mergedFrom === 'above';
      const merge = cell.mergedFrom === 'above' ? '<w:vMerge/>' : down ? '<w:vMerge w:val="restart"/>' : '';
      const props = `<w:tcPr><w:tcW w:w="${900 * span}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${merge}<w:vAlign w:val="center"/></w:tcPr>`;
      tcs.push(`<w:tc>${props}${wordParagraph(cell.mergedFrom === 'above' ? '' : name(r, c, cell.text))}</w:tc>`);
      c += span;
    }
    return `<w:tr w:rsidR="00B52C1E" w:rsidTr="00B52C1E"><w:trPr><w:jc w:val="center"/></w:trPr>${tcs.join('')}</w:tr>`;
  });
  const widths = grid.rows[0]!.map(() => '<w:gridCol w:w="900"/>').join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr><w:tblGrid>${widths}</w:tblGrid>${rows.join('')}</w:tbl>`;
}

function wordFile(grid: Grid, nameRow: number, projects: number): Uint8Array {
  const body: string[] = [];
  for (let i = 0; i < projects; i++) {
    const name = projectName(grid, nameRow, i);
    body.push(wordParagraph(`${name}项目绩效目标表`), wordParagraph('(2021年)'));
    body.push(wordTable(grid, (r, c, text) => (r === nameRow && c > 0 ? name : text)));
  }
  return docxOf(body.join(''));
}

/** The forms one under the other in one sheet, a blank row between, merges kept. */
async function excelFile(grid: Grid, nameRow: number, projects: number): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('项目绩效目标表');
  const height = grid.rows.length + 1;
  for (let i = 0; i < projects; i++) {
    const top = i * height + 1;
    const name = projectName(grid, nameRow, i);
    grid.rows.forEach((cells, r) =>
      cells.forEach((cell, c) => {
        if (cell.mergedFrom === null) sheet.getCell(top + r, c + 1).value = r === nameRow && c > 0 ? name : cell.text;
      }),
    );
    grid.rows.forEach((cells, r) =>
      cells.forEach((cell, c) => {
        if (cell.mergedFrom !== null || (cells[c + 1]?.mergedFrom !== 'left' && grid.rows[r + 1]?.[c]?.mergedFrom !== 'above')) return;
        let right = c;
        while (cells[right + 1]?.mergedFrom === 'left') right++;
        let bottom = r;
        while (grid.rows[bottom + 1]?.[c]?.mergedFrom === 'above') bottom++;
        sheet.mergeCells(top + r, c + 1, top + bottom, right + 1);
      }),
    );
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const tableReader: Benchmark = {
  name: 'table-reader',
  description: '公开表格读取 · published tables from Word and Excel, one core',
  async run({ quick, log }) {
    const load = watchLoad();
    // As Word writes it, a project's table is some 75 KB of XML: 250 fit in the 20 MB a package may unpack to.
    const projects = quick ? 40 : 250;
    const iterations = quick ? 2 : 5;
    const { grid, nameRow } = await template();
    const word = wordFile(grid, nameRow, projects);
    const wordXmlMB = (openZip(word, 'word.docx', named.formats.zip.broken).read('word/document.xml')?.length ?? 0) / 1e6;
    const excel = await excelFile(grid, nameRow, projects);
    const sample = new Uint8Array(readFileSync(SAMPLE));
    const sampleProjects = readPublishedText(sample, { fileName: 'sample.txt' }).reduce((n, d) => n + d.projects.length, 0);
    log(
      `files: ${projects} projects each; Word ${(word.length / 1e6).toFixed(2)} MB zipped, ${wordXmlMB.toFixed(1)} MB of XML; Excel ${(excel.length / 1e6).toFixed(2)} MB zipped; ` +
        `unpacked limit ${MAX_ZIP_UNPACKED_BYTES / 1048576} MB`,
    );

    // Every project must come back, or the figures mean nothing.
    for (const [name, bytes] of [
      ['word.docx', word],
      ['excel.xlsx', excel],
    ] as const) {
      const read = await readPublishedTables(bytes, name, {});
      const count = read.documents.reduce((n, d) => n + d.projects.length, 0);
      if (count !== projects) throw new Error(`${name}: ${count} projects read of ${projects}`);
      log(`${name}: ${count} projects, ${read.documents[0]!.projects[0]!.indicators.length} indicators each, profile ${read.profile.id}`);
    }

    const time = async (name: string, work: () => Promise<unknown>): Promise<Timing> => {
      const t = await measureAsync(work, iterations);
      log(`${name}: median ${t.wallMs.toFixed(0)} ms elapsed, ${t.cpuMs.toFixed(0)} ms CPU, of ${iterations}`);
      return t;
    };
    const textRounds = Math.ceil(projects / sampleProjects);
    const text = measure(() => {
      for (let i = 0; i < textRounds; i++) readPublishedText(sample, { fileName: 'sample.txt' });
    }, iterations);
    log(`text reader, the sample ${textRounds} times: median ${text.wallMs.toFixed(0)} ms elapsed, ${text.cpuMs.toFixed(0)} ms CPU`);
    const textRate = (sampleProjects * textRounds) / (text.cpuMs / 1000);

    const figures: Figure[] = [];
    for (const [label, bytes, file] of [
      ['Word', word, 'word.docx'],
      ['Excel', excel, 'excel.xlsx'],
    ] as const) {
      const grids = await time(`${label} grids`, () => readTableFile(bytes, file));
      const whole = await time(`${label} end to end`, () => readPublishedTables(bytes, file, {}));
      const imported = await time(`${label} through readDocuments`, () => readDocuments(bytes, file));
      const rate = (t: Timing) => Math.round(projects / (t.cpuMs / 1000));
      if (label === 'Word')
        figures.push({
          name: 'Word: XML read into grids',
          value: Number((wordXmlMB / (grids.cpuMs / 1000)).toFixed(1)),
          unit: 'MB/s',
          note: 'unzipped, decoded and parsed',
        });
      figures.push(
        {
          name: `${label}: tables read and recognised`,
          value: rate(whole),
          unit: 'projects/s',
          note: 'target ≥ 2000, CPU time of one core',
        },
        {
          name: `${label}: vs the text reader`,
          value: Number((rate(whole) / textRate).toFixed(2)),
          unit: '× its rate',
          note: 'the text reader on the sample, same run',
        },
        { name: `${label}: grids alone`, value: rate(grids), unit: 'projects/s' },
        {
          name: `${label}: through readDocuments`,
          value: rate(imported),
          unit: 'projects/s',
          note: 'the import path: tables first, jixiao’s reader where they follow its form',
        },
        { name: `${label}: tables read and recognised, elapsed`, value: Math.round(projects / (whole.wallMs / 1000)), unit: 'projects/s' },
      );
    }
    figures.push({ name: 'text reader on the sample', value: Math.round(textRate), unit: 'projects/s', note: 'CPU time' }, load());
    return figures;
  },
};
