/**
 * The JSON Schema of a read target value (core/target-value), for the exchange format, where each
 * indicator carries it as an informative, derived field. The compile-time checks at the bottom keep
 * it equal to the core's TargetValue type.
 */
import Type from 'typebox';
import type { TargetValue } from '../../core/target-value/target-value.ts';
import { DecimalText } from '../../core/model/document.ts';

const Operator = Type.Union(
  ['≥', '>', '≤', '<', '=', 'range'].map((o) => Type.Literal(o)) as [
    Type.TLiteral<'≥'>,
    Type.TLiteral<'>'>,
    Type.TLiteral<'≤'>,
    Type.TLiteral<'<'>,
    Type.TLiteral<'='>,
    Type.TLiteral<'range'>,
  ],
);

const GRADE_SCALES = [
  'quality',
  'rating',
  'merit',
  'expectation',
  'improvement',
  'reduction',
  'completion',
  'compliance',
  'yesNo',
  'trend',
  'deadline',
] as const;

export const TargetValueSchema = Type.Union(
  [
    Type.Object(
      {
        kind: Type.Literal('quantitative'),
        text: Type.String(),
        operator: Operator,
        value: DecimalText,
        upper: Type.Union([DecimalText, Type.Null()]),
        unit: Type.String({ description: '单位，如 "%"、"张"；未写为 ""' }),
        direction: Type.Union([Type.Literal('higher'), Type.Literal('lower'), Type.Literal('exact')]),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        kind: Type.Literal('qualitative'),
        text: Type.String(),
        grade: Type.String(),
        scale: Type.Union(GRADE_SCALES.map((s) => Type.Literal(s)) as unknown as [Type.TLiteral<(typeof GRADE_SCALES)[number]>]),
        rank: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
        direction: Type.Literal('higher'),
      },
      { additionalProperties: false },
    ),
    Type.Object({ kind: Type.Literal('empty'), text: Type.String() }, { additionalProperties: false }),
    Type.Object({ kind: Type.Literal('unreadable'), text: Type.String() }, { additionalProperties: false }),
  ],
  { description: '由指标值推导的读法（只读，导入时忽略）' },
);

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameAsCore: Same<Type.Static<typeof TargetValueSchema>, TargetValue> = true;
void sameAsCore;
