/**
 * An entry of the indicator library (指标库): a shared indicator with its levels, wording, unit,
 * direction, suggested target and explanations, filed under a field, with where it came from and
 * where it stands (申请入库 → approved or refused with a reason; retired entries stay, so that the
 * rows that used them keep their history). Like the target model, the schema is the definition.
 */
import Type from 'typebox';
import { Field } from './fields.ts';

const OptionalText = (description: string) => Type.Union([Type.String(), Type.Null()], { description });

/** Where an entry came from: the 财政部 framework, a bureau's own library, or learned from published history. */
export const EntrySource = Type.Union(
  [
    Type.Object({ kind: Type.Literal('framework'), document: Type.String({ description: '文号，如 "财预〔2021〕101号"' }) }),
    Type.Object({ kind: Type.Literal('bureau'), bureau: Type.String({ minLength: 1, description: '财政部门编码' }) }),
    Type.Object({ kind: Type.Literal('learned') }),
  ],
  { description: '来源：财政部框架、财政部门、从公开历史学得' },
);
export type EntrySource = Type.Static<typeof EntrySource>;

/** 申请入库 → 已入库 or 不予入库 (with the bureau's reason); 已停用 keeps the entry for history. */
export const EntryStatus = Type.Union(
  [
    Type.Object({ state: Type.Literal('proposed') }),
    Type.Object({ state: Type.Literal('approved') }),
    Type.Object({ state: Type.Literal('refused'), reason: Type.String({ minLength: 1, description: '不予入库的理由' }) }),
    Type.Object({ state: Type.Literal('retired') }),
  ],
  { description: '状态' },
);
export type EntryStatus = Type.Static<typeof EntryStatus>;
export type EntryState = EntryStatus['state'];

export const LibraryEntry = Type.Object({
  id: Type.String({ minLength: 1, description: '编号，库内唯一' }),
  level1: Type.String({ minLength: 1, description: '一级指标' }),
  level2: Type.String({ minLength: 1, description: '二级指标' }),
  level3: Type.String({ minLength: 1, description: '三级指标（指标名称）' }),
  description: Type.String({ description: '绩效指标描述' }),
  unit: OptionalText('度量单位，如 "%"、"件"'),
  direction: Type.Union([Type.Literal('higher'), Type.Literal('lower'), Type.Literal('exact'), Type.Null()], {
    description: 'higher 正向 / lower 反向 / exact 等于或区间',
  }),
  target: OptionalText('建议指标值或区间，按指标值的写法，如 "≥95%"、"90%-100%"'),
  explanation: OptionalText('指标解释'),
  method: OptionalText('计算方法'),
  dataSource: OptionalText('数据来源'),
  field: Field,
  source: EntrySource,
  status: EntryStatus,
});
export type LibraryEntry = Type.Static<typeof LibraryEntry>;

/** The entries a unit may pick from: approved ones. Retired and refused entries are kept, not offered. */
export const isOffered = (entry: LibraryEntry): boolean => entry.status.state === 'approved';
