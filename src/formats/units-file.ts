/**
 * The units file (单位表): the tree of finance bureaus and the budget units under them, one row
 * each — 编码, 名称, 上级编码 (a bureau's parent bureau, empty for the top; a unit's bureau), 类型
 * (财政部门 / 预算单位) — as CSV or XLSX, or as JSON rows. Every row keeps where it came from, so
 * whoever checks it against the database (src/store/bulk/organisation.ts) names the line.
 */
import { named, type MessageRef } from '../i18n/message-ref.ts';
import { readTable, type TableCell } from './actuals/table.ts';
import { ImportError, type ImportLocation } from './import-error.ts';

export type OrganisationKind = 'bureau' | 'unit';

export interface OrganisationRow {
  code: string;
  name: string;
  /** The parent bureau's code; null for a top-level bureau. */
  parent: string | null;
  kind: OrganisationKind;
  at: Omit<ImportLocation, 'field'>;
}

const COLUMNS = ['code', 'name', 'parent', 'kind'] as const;
type Column = (typeof COLUMNS)[number];
const columnName = named.bulk.unitsFile.columns;

/** Header names read as each column: the Chinese ones first, the English keys, and common variants. */
const HEADERS: Record<Column, readonly string[]> = {
  code: ['编码', '单位编码', '代码', 'code'],
  name: ['名称', '单位名称', 'name'],
  parent: ['上级编码', '上级', '上级单位编码', '所属财政部门编码', 'parent'],
  kind: ['类型', '类别', 'kind'],
};

const KINDS: Record<string, OrganisationKind> = {
  财政部门: 'bureau',
  财政局: 'bureau',
  财政厅: 'bureau',
  财政: 'bureau',
  bureau: 'bureau',
  预算单位: 'unit',
  单位: 'unit',
  unit: 'unit',
};

const headerColumn = (text: string): Column | undefined =>
  COLUMNS.find((c) => HEADERS[c].some((h) => h.toLowerCase() === text.trim().toLowerCase()));

/** The rows of a units file (CSV or XLSX, told apart by content). */
export async function readUnitsFile(bytes: Uint8Array, fileName: string): Promise<OrganisationRow[]> {
  const table = await readTable(bytes, fileName, named.bulk.unitsFile.empty);
  const index = new Map<Column, number>();
  table.header.forEach((cell, i) => {
    const column = headerColumn(cell.text);
    if (column !== undefined && !index.has(column)) index.set(column, i);
  });
  const missing = COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0)
    throw new ImportError(
      table.header[0]?.at ?? { file: fileName },
      named.bulk.unitsFile.missingColumns(missing.map((c) => columnName[c])),
    );
  return table.rows.map((row) => {
    const cell = (c: Column): TableCell => row.cells[index.get(c)!] ?? { text: '', at: row.at };
    return organisationRow(
      { code: cell('code').text, name: cell('name').text, parent: cell('parent').text, kind: cell('kind').text },
      row.at,
      (c) => cell(c).at,
    );
  });
}

/** JSON rows (the admin API's body): each located by its 1-based row number in `source`. */
export function organisationRowsOf(
  rows: ReadonlyArray<{ code: string; name: string; parent?: string | null; kind: string }>,
  source: string,
): OrganisationRow[] {
  return rows.map((r, i) => {
    const at = { file: source, row: i + 1 };
    return organisationRow({ ...r, parent: r.parent ?? '' }, at, () => at);
  });
}

function organisationRow(
  r: { code: string; name: string; parent: string; kind: string },
  at: Omit<ImportLocation, 'field'>,
  cellAt: (c: Column) => Omit<ImportLocation, 'field'>,
): OrganisationRow {
  const fail = (c: Column, why: MessageRef): never => {
    throw new ImportError({ ...cellAt(c), field: columnName[c] }, why);
  };
  const code = r.code.trim();
  const name = r.name.trim();
  if (code === '') fail('code', named.bulk.unitsFile.required);
  if (!/^\S+$/.test(code)) fail('code', named.bulk.unitsFile.badCode(code));
  if (name === '') fail('name', named.bulk.unitsFile.required);
  const kindText = r.kind.trim();
  if (kindText === '') fail('kind', named.bulk.unitsFile.required);
  const kind = KINDS[kindText.toLowerCase()];
  if (kind === undefined) return fail('kind', named.bulk.unitsFile.badKind(kindText));
  const parent = r.parent.trim() === '' ? null : r.parent.trim();
  if (kind === 'unit' && parent === null) fail('parent', named.bulk.unitsFile.unitWithoutParent);
  return { code, name, parent, kind, at };
}
