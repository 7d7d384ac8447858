/**
 * The indicator library's request and response shapes (src/server/routes/library.ts), apart so the
 * web reads them as types (like ./schemas.ts): an entry is the core's LibraryEntry with whose
 * library it is in, who applied and who decided.
 */
import Type from 'typebox';
import { EntryStatus, FieldSchema, LibraryEntry } from '../core/library/entry.ts';
import { CursorPage, Nullable } from './schemas.ts';

export const LibraryEntryView = Type.Object(
  {
    id: Type.Integer(),
    version: Type.Integer({ description: '给 If-Match 的版本号' }),
    bureau: Nullable(Type.Object({ id: Type.Integer(), name: Type.String() }, { description: 'null：全国指标库（财政部框架）' })),
    entry: LibraryEntry,
    proposedBy: Nullable(Type.Object({ unitId: Type.Integer(), unitName: Type.String() }, { description: '申请入库的单位' })),
    decidedBy: Nullable(Type.String({ description: '批准或不予入库的审核人' })),
    decidedAt: Nullable(Type.String({ format: 'date-time' })),
  },
  { description: '指标库条目' },
);

/** What a unit or reviewer writes of an entry: its id, source and status are the workflow's. */
export const EntryContent = Type.Object(
  {
    level1: LibraryEntry.properties.level1,
    level2: LibraryEntry.properties.level2,
    level3: LibraryEntry.properties.level3,
    description: Type.Optional(LibraryEntry.properties.description),
    unit: Type.Optional(LibraryEntry.properties.unit),
    direction: Type.Optional(LibraryEntry.properties.direction),
    target: Type.Optional(LibraryEntry.properties.target),
    explanation: Type.Optional(LibraryEntry.properties.explanation),
    method: Type.Optional(LibraryEntry.properties.method),
    dataSource: Type.Optional(LibraryEntry.properties.dataSource),
    field: FieldSchema,
  },
  { additionalProperties: false },
);
export type EntryContentBody = Type.Static<typeof EntryContent>;

export const LibraryListQuery = Type.Object({
  ...CursorPage.properties,
  field: Type.Optional(FieldSchema),
  state: Type.Optional(EntryStatus.properties.state),
  q: Type.Optional(Type.String({ maxLength: 100, description: '三级指标名称或指标描述中的文字' })),
  bureauId: Type.Optional(Type.Integer({ description: '只列该财政部门自己的条目' })),
  national: Type.Optional(Type.Boolean({ description: 'true：只列全国指标库的条目' })),
});
