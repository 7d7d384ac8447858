/**
 * An entry of the indicator library (指标库): a shared indicator with its levels, wording, unit,
 * direction, suggested target and explanations, filed under a field, with where it came from and
 * where it stands (申请入库 → approved or refused with a reason; retired entries stay, so that the
 * rows that used them keep their history). Like the target model, the schema is the definition.
 */
import Type from 'typebox';
import { TEXT_LIMITS, type TextField } from '../model/text-limits.ts';
import { FIELDS, type Field } from './fields.ts';

export const FieldSchema = Type.Unsafe<Field>({ type: 'string', enum: [...FIELDS], description: '行业/领域' });

// An entry becomes an indicator row (./suggest.ts entryRow): its texts keep to the row's cells' limits.
const Text = (description: string, field: TextField, minLength = 0) =>
  Type.String({ description, minLength, maxLength: TEXT_LIMITS[field] });
const OptionalText = (description: string, field: TextField) =>
  Type.Union([Type.String({ maxLength: TEXT_LIMITS[field] }), Type.Null()], { description });

/**
 * Where an entry came from: the 财政部 framework (with the document's number), a bureau's own library
 * (with the bureau's code), or learned from published history (no reference).
 */
export const EntrySource = Type.Object(
  {
    kind: Type.Union([Type.Literal('framework'), Type.Literal('bureau'), Type.Literal('learned')]),
    reference: OptionalText('财政部框架的文号，如 "财预〔2021〕101号"；或财政部门编码', 'basis'),
  },
  { description: '来源：framework 财政部框架、bureau 财政部门、learned 从公开历史学得' },
);
export type EntrySource = Type.Static<typeof EntrySource>;

/**
 * 申请入库 (proposed) → 已入库 (approved) or 不予入库 (refused, with the bureau's reason); 已停用
 * (retired) keeps the entry for history. One object rather than a union per state: a file that
 * leaves out a reason is then told exactly that (entryProblem), not which other state it is not.
 */
export const EntryStatus = Type.Object(
  {
    state: Type.Union([Type.Literal('proposed'), Type.Literal('approved'), Type.Literal('refused'), Type.Literal('retired')]),
    reason: OptionalText('不予入库的理由', 'remark'),
  },
  { description: '状态' },
);
export type EntryStatus = Type.Static<typeof EntryStatus>;
export type EntryState = EntryStatus['state'];

export const LibraryEntry = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64, description: '编号，库内唯一' }),
  level1: Text('一级指标', 'level1', 1),
  level2: Text('二级指标', 'level2', 1),
  level3: Text('三级指标（指标名称）', 'level3', 1),
  description: Text('绩效指标描述', 'description'),
  unit: OptionalText('度量单位，如 "%"、"件"', 'measureUnit'),
  direction: Type.Union([Type.Literal('higher'), Type.Literal('lower'), Type.Literal('exact'), Type.Null()], {
    description: 'higher 正向 / lower 反向 / exact 等于或区间',
  }),
  target: OptionalText('建议指标值或区间，按指标值的写法，如 "≥95%"、"90%-100%"', 'target'),
  explanation: OptionalText('指标解释', 'explanation'),
  method: OptionalText('计算方法', 'explanation'),
  dataSource: OptionalText('数据来源', 'basis'),
  field: FieldSchema,
  source: EntrySource,
  status: EntryStatus,
});
export type LibraryEntry = Type.Static<typeof LibraryEntry>;

/** The names library files write (and may write) for states, sources and directions. */
export const STATE_NAMES: Readonly<Record<EntryState, string>> = {
  proposed: '申请入库',
  approved: '已入库',
  refused: '不予入库',
  retired: '已停用',
};
export const SOURCE_NAMES: Readonly<Record<EntrySource['kind'], string>> = {
  framework: '财政部框架',
  bureau: '财政部门',
  learned: '历史学得',
};
export const DIRECTION_NAMES: Readonly<Record<NonNullable<LibraryEntry['direction']>, string>> = {
  higher: '正向',
  lower: '反向',
  exact: '等于',
};

/** What an entry lacks that its source or state asks for, with the field it belongs in; null if nothing. */
export function entryProblem(
  entry: LibraryEntry,
): { problem: 'missingReason' | 'missingBureau' | 'missingDocument'; field: 'status.reason' | 'source.reference' } | null {
  if (entry.status.state === 'refused' && !entry.status.reason?.trim()) return { problem: 'missingReason', field: 'status.reason' };
  if (entry.source.reference?.trim()) return null;
  if (entry.source.kind === 'bureau') return { problem: 'missingBureau', field: 'source.reference' };
  if (entry.source.kind === 'framework') return { problem: 'missingDocument', field: 'source.reference' };
  return null;
}

/** The entries a unit may pick from: approved ones. Retired and refused entries are kept, not offered. */
export const isOffered = (entry: LibraryEntry): boolean => entry.status.state === 'approved';
