/**
 * Reads the published text format: what Word's "save as plain text" makes of a unit's
 * 预算绩效目标 (part 1 部门整体绩效目标, part 2 one 项目绩效目标表 per project), as in
 * samples/huailai-sifaju-2020.txt. A file may hold several units; each becomes its own document.
 * Either every document is returned or an ImportError names the line and field: never a part.
 */
import type { Project, TargetDocument, Unit } from '../../core/model/document.ts';
import { named } from '../../i18n/message-ref.ts';
import { ImportError } from '../import-error.ts';
import { DOCUMENT_TITLE, PART_HEADING, PROJECT_HEADING, SECTION_HEADING, toBlocks, type Row } from './blocks.ts';
import { decodeText } from './decode.ts';
import { amountUnitCell, labelOf, projectFieldOf } from './labels.ts';
import { readDepartment, type DepartmentLine } from './read-department.ts';
import { readProjectTable, type Fail, type ProjectTable } from './read-project.ts';

export interface ReadTextOptions {
  /** The budget year, when the caller knows it better than the document says it. */
  year?: number;
}

interface Draft {
  title: { unit: Unit; year: number } | null;
  department: DepartmentLine[] | null;
  projects: Project[];
}

export function readPublishedText(
  content: string | Uint8Array,
  source: { fileName: string },
  options: ReadTextOptions = {},
): TargetDocument[] {
  const t = named.textFormat;
  const fail: Fail = (line, field, reason) => {
    throw new ImportError({ file: source.fileName, line, ...(field === null ? {} : { field: t.field[field] }) }, reason);
  };
  const text = typeof content === 'string' ? content.replace(/^\uFEFF/, '') : decodeText(content).text;

  const drafts: Draft[] = [];
  let draft: Draft | null = null;
  // Changed inside the helpers below too, so kept in an object that control-flow narrowing leaves alone.
  const at: { section: 'none' | 'part1' | 'part2' } = { section: 'none' };
  let table: ProjectTable | null = null;
  /** Which start-of-table rows the open table has had: a second one begins a table without a heading. */
  const startKinds = new Set<'unit' | 'code'>();

  const newDraft = (title: Draft['title'] = null): Draft => {
    draft = { title, department: null, projects: [] };
    drafts.push(draft);
    return draft;
  };
  const currentDraft = (): Draft => draft ?? newDraft();
  const startPart1 = () => {
    closeTable();
    const d = currentDraft();
    if (d.department !== null || d.projects.length > 0) newDraft();
    currentDraft().department = [];
    at.section = 'part1';
  };
  /** A second part 2 after projects is the next unit's. */
  const startPart2 = () => {
    closeTable();
    if (currentDraft().projects.length > 0) newDraft();
    at.section = 'part2';
  };
  const closeTable = () => {
    if (table === null) return;
    const closing: ProjectTable = table;
    table = null;
    if (closing.rows.length === 0) fail(closing.line, 'projectHeading', t.emptyTable);
    let d = currentDraft();
    const project = readProjectTable(closing, d.title?.unit ?? null, fail);
    // Without a title, the tables say whose document this is: a new unit starts (or continues) its own.
    if (d.title === null && d.projects.length > 0 && !sameUnit(d.projects[0]!.unit, project.unit)) {
      d = drafts.find((o) => o.title === null && o.projects.length > 0 && sameUnit(o.projects[0]!.unit, project.unit)) ?? newDraft();
      draft = d;
    }
    d.projects.push(project);
  };

  const blocks = toBlocks(text);
  for (const block of blocks) {
    if (block.kind === 'row') {
      const row = block.row;
      const kind = tableStartKind(row);
      if (table !== null && kind !== null && startKinds.has(kind)) closeTable();
      if (table === null) {
        table = { line: row.line, rows: [] };
        startKinds.clear();
        at.section = 'part2';
      }
      if (kind !== null) startKinds.add(kind);
      table.rows.push(row);
      continue;
    }
    const { line, text: lineText, toc } = block;
    const part = PART_HEADING.exec(lineText);
    if (part !== null) {
      if (/[一1]/.test(lineText.replace(/^第\s*|\s*部分$/g, '')) && !/[十]/.test(lineText)) startPart1();
      else startPart2();
      continue;
    }
    if (SECTION_HEADING.test(lineText)) {
      if (lineText === '部门整体绩效目标') {
        if (at.section !== 'part1' || currentDraft().department === null || currentDraft().department!.length > 0) startPart1();
      } else startPart2();
      continue;
    }
    const title = DOCUMENT_TITLE.exec(lineText);
    if (title !== null && !toc) {
      closeTable();
      const unit = { code: title[1] === undefined ? null : title[1].normalize('NFKC'), name: title[2]! };
      newDraft({ unit, year: Number(title[3]!.normalize('NFKC')) });
      at.section = 'none';
      continue;
    }
    if (at.section === 'part1') {
      currentDraft().department!.push({ line, text: lineText });
      continue;
    }
    if (PROJECT_HEADING.test(lineText) || toc) {
      closeTable();
      table = { line, rows: [] };
      startKinds.clear();
      at.section = 'part2';
      continue;
    }
    fail(line, null, drafts.length === 0 ? t.notADocument : t.unexpectedText(lineText.slice(0, 40)));
  }
  // A file cut off inside a table would otherwise read as a shorter table: its last row lacks Word's row and table ends.
  const last = blocks[blocks.length - 1];
  if (last?.kind === 'row' && last.row.blankLinesAfter < 2)
    fail(last.row.cells[last.row.cells.length - 1]!.line, 'projectHeading', t.tableCutOff);
  closeTable();

  const documents = drafts.filter((d) => d.department !== null || d.projects.length > 0);
  if (documents.length === 0) fail(1, 'document', t.notADocument);
  // Part 1 alone at the end of a file is how a file cut before its project tables reads.
  if (documents[documents.length - 1]!.projects.length === 0) {
    fail(last?.kind === 'line' ? last.line : 1, 'projectHeading', t.noProjectTable);
  }
  const read = documents.map((d): TargetDocument => {
    const department = d.department === null ? null : readDepartment(d.department, fail);
    const firstUnit = d.projects[0]?.unit;
    let unit: Unit = d.title?.unit ?? firstUnit ?? { code: null, name: '' };
    if (d.title !== null && d.title.unit.code === null && firstUnit?.name === d.title.unit.name) unit = firstUnit;
    const year =
      options.year ??
      d.title?.year ??
      yearMentioned([department?.overallGoal ?? '', ...d.projects.flatMap((p) => [p.name, p.period ?? ''])]);
    return { unit, year, department, projects: d.projects };
  });
  // A unit that does not say its year in a file of one year's documents shares that year.
  const known = read.filter((d) => d.year !== null);
  const years = new Set(known.map((d) => d.year));
  if (years.size === 1) for (const d of read) d.year ??= known[0]!.year;
  return read;
}

const sameUnit = (a: Unit, b: Unit) => (a.code !== null || b.code !== null ? a.code === b.code : a.name === b.name);

/** Rows a table has once, at its start: a second one means a table without a heading has begun. */
function tableStartKind(row: Row): 'unit' | 'code' | null {
  if (projectFieldOf(labelOf(row)) === 'code') return 'code';
  return row.cells.some((c) => amountUnitCell(c.text) !== undefined) ? 'unit' : null;
}

/**
 * The year a document speaks of when no title states it: the year most often written as "2020年"
 * in the overall goal, the project names and periods (the later one on a tie, as budgets look ahead).
 */
function yearMentioned(texts: readonly string[]): number | null {
  const counts = new Map<number, number>();
  for (const s of texts) {
    for (const m of s.matchAll(/([12][0-9]{3})\s*年/g)) {
      const y = Number(m[1]);
      if (y >= 1990 && y <= 2100) counts.set(y, (counts.get(y) ?? 0) + 1);
    }
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [y, n] of counts) if (n > bestCount || (n === bestCount && y > best!)) [best, bestCount] = [y, n];
  return best;
}
