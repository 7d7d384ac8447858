/**
 * A library as an Excel workbook a province fills in and distributes: one sheet 指标库, one entry a
 * row, under fixed Chinese headings (data of the file format, like a form's headings). Reading is
 * all or nothing: the first bad cell is an error naming its sheet, cell and column, and no entry
 * is returned.
 */
import ExcelJS from 'exceljs';
import { Compile } from 'typebox/compile';
import {
  DIRECTION_NAMES,
  entryProblem,
  type EntrySource,
  type EntryStatus,
  FIELD_NAMES,
  FIELDS,
  fieldNamed,
  LibraryEntry,
  SOURCE_NAMES,
  STATE_NAMES,
} from '../../core/library/index.ts';
import { named, type MessageRef } from '../../i18n/message-ref.ts';
import { ImportError } from '../import-error.ts';
import { schemaFailure } from '../json/schema-errors.ts';
import { cellText } from '../xlsx/cells.ts';
import { loadWorkbook } from '../xlsx/load-workbook.ts';
import { checkUniqueIds } from './unique-ids.ts';

export const LIBRARY_SHEET = '指标库';

type Column =
  | 'id'
  | 'field'
  | 'level1'
  | 'level2'
  | 'level3'
  | 'description'
  | 'unit'
  | 'direction'
  | 'target'
  | 'explanation'
  | 'method'
  | 'dataSource'
  | 'source'
  | 'sourceRef'
  | 'state'
  | 'reason';

/** The headings, in the sheet's order, with the width each prints at. */
const COLUMNS: ReadonlyArray<{ key: Column; heading: string; width: number; required?: true }> = [
  { key: 'id', heading: '编号', width: 18, required: true },
  { key: 'field', heading: '行业/领域', width: 10, required: true },
  { key: 'level1', heading: '一级指标', width: 12, required: true },
  { key: 'level2', heading: '二级指标', width: 16, required: true },
  { key: 'level3', heading: '三级指标', width: 24, required: true },
  { key: 'description', heading: '绩效指标描述', width: 30 },
  { key: 'unit', heading: '度量单位', width: 8 },
  { key: 'direction', heading: '指标方向', width: 8 },
  { key: 'target', heading: '建议指标值', width: 12 },
  { key: 'explanation', heading: '指标解释', width: 30 },
  { key: 'method', heading: '计算方法', width: 24 },
  { key: 'dataSource', heading: '数据来源', width: 20 },
  { key: 'source', heading: '来源', width: 10, required: true },
  { key: 'sourceRef', heading: '文号或财政部门编码', width: 18 },
  { key: 'state', heading: '状态', width: 10, required: true },
  { key: 'reason', heading: '不予入库理由', width: 24 },
];

export async function writeLibraryXlsx(entries: readonly LibraryEntry[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(LIBRARY_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.heading, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const e of entries) {
    const row: Record<Column, string> = {
      id: e.id,
      field: FIELD_NAMES[e.field],
      level1: e.level1,
      level2: e.level2,
      level3: e.level3,
      description: e.description,
      unit: e.unit ?? '',
      direction: e.direction === null ? '' : DIRECTION_NAMES[e.direction],
      target: e.target ?? '',
      explanation: e.explanation ?? '',
      method: e.method ?? '',
      dataSource: e.dataSource ?? '',
      source: SOURCE_NAMES[e.source.kind],
      sourceRef: e.source.reference ?? '',
      state: STATE_NAMES[e.status.state],
      reason: e.status.reason ?? '',
    };
    // Every cell is text: a target "100" or a code "130730" must not turn into a number on the way.
    const added = sheet.addRow(row);
    added.eachCell((cell) => {
      cell.numFmt = '@';
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The column an entry's field is read from, by its path in the entry. */
const COLUMN_OF_PATH: Readonly<Record<string, Column>> = {
  ...Object.fromEntries(COLUMNS.map((c) => [c.key, c.key])),
  'source.kind': 'source',
  'source.reference': 'sourceRef',
  'status.state': 'state',
  'status.reason': 'reason',
};

const byName = <K extends string>(names: Readonly<Record<K, string>>, text: string): K | undefined =>
  (Object.keys(names) as K[]).find((k) => names[k] === text);

let validator: ReturnType<typeof Compile> | undefined;
const validate = () => (validator ??= Compile(LibraryEntry));

export async function readLibraryXlsx(bytes: Uint8Array, fileName: string): Promise<LibraryEntry[]> {
  const m = named.library.file;
  const wb = await loadWorkbook(bytes, fileName, () => named.publication.errors.notXlsx);
  const sheet = wb.worksheets.find((s) => s.name.trim() === LIBRARY_SHEET);
  if (sheet === undefined) throw new ImportError({ file: fileName }, m.noSheet(LIBRARY_SHEET));
  const fail = (cell: string | null, heading: string | null, reason: MessageRef): never => {
    throw new ImportError(
      { file: fileName, sheet: sheet.name, ...(cell === null ? {} : { cell }), ...(heading === null ? {} : { field: heading }) },
      reason,
    );
  };
  const at = new Map<Column, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const column = COLUMNS.find((c) => c.heading === cellText(cell).normalize('NFKC').replace(/\s+/g, ''));
    if (column !== undefined && !at.has(column.key)) at.set(column.key, col);
  });
  for (const c of COLUMNS) if (c.required && !at.has(c.key)) fail(null, null, m.missingColumn(c.heading));

  const entries: LibraryEntry[] = [];
  /** Each entry's 编号 cell, where a duplicate is pointed at. */
  const idCells: string[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells = new Map(COLUMNS.map((c) => [c.key, at.has(c.key) ? cellText(row.getCell(at.get(c.key)!)) : '']));
    if ([...cells.values()].every((v) => v === '')) continue;
    const text = (key: Column) => cells.get(key)!;
    const place = (key: Column) =>
      [at.has(key) ? row.getCell(at.get(key)!).address : null, COLUMNS.find((c) => c.key === key)!.heading] as const;
    const required = (key: Column) => text(key) || fail(...place(key), m.required);
    const optional = (key: Column) => text(key) || null;

    const field =
      fieldNamed(required('field')) ?? fail(...place('field'), m.unknownField(text('field'), FIELDS.map((f) => FIELD_NAMES[f]).join('、')));
    const directionText = text('direction');
    const direction =
      directionText === ''
        ? null
        : (byName(DIRECTION_NAMES, directionText) ?? fail(...place('direction'), m.unknownDirection(directionText)));
    const sourceKind = byName(SOURCE_NAMES, required('source')) ?? fail(...place('source'), m.unknownSource(text('source')));
    const source: EntrySource = { kind: sourceKind, reference: optional('sourceRef') };
    const state = byName(STATE_NAMES, required('state')) ?? fail(...place('state'), m.unknownStatus(text('state')));
    const status: EntryStatus = { state, reason: optional('reason') };
    const entry: LibraryEntry = {
      id: required('id'),
      level1: required('level1'),
      level2: required('level2'),
      level3: required('level3'),
      description: text('description'),
      unit: optional('unit'),
      direction,
      target: optional('target'),
      explanation: optional('explanation'),
      method: optional('method'),
      dataSource: optional('dataSource'),
      field,
      source,
      status,
    };
    // The cells are read into the schema's shape; the schema still has the last word (lengths, above all).
    const v = validate();
    if (!v.Check(entry)) {
      const { reason, field: path } = schemaFailure([...v.Errors(entry)]);
      fail(...place(COLUMN_OF_PATH[path ?? ''] ?? 'id'), reason);
    }
    const wrong = entryProblem(entry);
    if (wrong !== null) fail(...place(COLUMN_OF_PATH[wrong.field]!), m[wrong.problem]);
    entries.push(entry);
    idCells.push(row.getCell(at.get('id')!).address);
  }
  checkUniqueIds(entries, (index, id) => fail(idCells[index]!, '编号', m.duplicateId(id)));
  return entries;
}
