/**
 * A transfer-payment fund's regional targets (转移支付区域绩效目标, 财预〔2015〕163号): what the upper
 * bureau sets for the fund as a whole — the 区域绩效目标表's 年度总体目标 and 绩效指标 rows — and what
 * it issues (下达) to each lower bureau with its money. A region's 指标值 per row is in the core
 * target-value grammar: for a quantity (a count) the region's share of the fund's target, for a rate,
 * a time limit or a grade the fund's own value (it holds in every region). See docs/transfer-payments.md.
 */
import Type from 'typebox';
import { isPercentage, type TargetValue } from '../target-value/target-value.ts';

export const FUND_INDICATOR_LIMIT = 50;

export const FundIndicator = Type.Object(
  {
    level1: Type.String({ minLength: 1, maxLength: 20, description: '一级指标' }),
    level2: Type.String({ minLength: 1, maxLength: 40, description: '二级指标' }),
    level3: Type.String({ minLength: 1, maxLength: 200, description: '三级指标' }),
    target: Type.String({ maxLength: 100, description: '指标值（如 ≥1200人、≥95%、好）' }),
  },
  { additionalProperties: false },
);
export type FundIndicator = Type.Static<typeof FundIndicator>;

/**
 * How a row adds up over regions and projects: a `quantity` (a 数量指标 counted in things, not a
 * share: 人, 件, 户) is split and summed; a `rate` (a %, a time limit, any other number) holds in each
 * place; a `grade` (定性) is carried as written. A number without a unit under 数量指标 whose name is a
 * rate ("结案率 ≥98", as the seed writes it) is a rate.
 */
export type RowKind = 'quantity' | 'rate' | 'grade';

export function rowKind(row: Pick<FundIndicator, 'level2' | 'level3'>, t: TargetValue): RowKind {
  if (t.kind !== 'quantitative') return 'grade';
  const counted = row.level2.includes('数量') && !row.level3.includes('率') && !isPercentage(t) && t.operator !== 'range';
  return counted ? 'quantity' : 'rate';
}

export const TransferAmount = Type.String({
  pattern: '^[0-9]{1,12}(\\.[0-9]{1,6})?$',
  description: '金额（万元），精确小数文本，如 "43.10"',
});

/** What the upper bureau sets: the 区域绩效目标表's header, goal and rows. */
export const FundContent = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100, description: '年度' }),
    code: Type.String({ minLength: 1, maxLength: 40, pattern: '^\\S+$', description: '专项编码（设定部门内唯一）' }),
    name: Type.String({ minLength: 1, maxLength: 200, description: '专项名称' }),
    department: Type.String({ maxLength: 200, description: '主管部门（如 省司法厅）' }),
    amount: TransferAmount,
    amountCentral: Type.Union([TransferAmount, Type.Null()], { description: '其中：中央补助；无则 null' }),
    amountLocal: Type.Union([TransferAmount, Type.Null()], { description: '其中：地方资金；无则 null' }),
    goal: Type.String({ maxLength: 4000, description: '年度总体目标' }),
    indicators: Type.Array(FundIndicator, { maxItems: FUND_INDICATOR_LIMIT, description: '绩效指标' }),
  },
  { additionalProperties: false },
);
export type FundContent = Type.Static<typeof FundContent>;

/** What is issued to one lower bureau: its money and its 指标值 per fund row. */
export const AllocationContent = Type.Object(
  {
    bureauId: Type.Integer({ description: '接收的下级财政部门' }),
    amount: TransferAmount,
    targets: Type.Array(Type.String({ maxLength: 100 }), {
      maxItems: FUND_INDICATOR_LIMIT,
      description: '该地区各绩效指标的指标值，与 indicators 一一对应（数量指标为分到该地区的份额，比率等与专项相同）',
    }),
  },
  { additionalProperties: false },
);
export type AllocationContent = Type.Static<typeof AllocationContent>;
