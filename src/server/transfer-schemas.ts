/**
 * The transfer-payment routes' shapes (src/server/routes/transfer.ts), apart so the web reads them as
 * types (like ./schemas.ts).
 */
import Type from 'typebox';
import { AllocationContent, FundContent, FundIndicator, TransferAmount } from '../core/transfer/fund.ts';
import { CursorPage, Nullable, Timestamp } from './schemas.ts';

const FundState = Type.Union([Type.Literal('draft'), Type.Literal('issued')], { description: 'draft 草稿（设定中） / issued 已下达' });
const AllocationState = Type.Union([Type.Literal('issued'), Type.Literal('accepted')], {
  description: 'issued 已下达待接收 / accepted 已接收',
});
const BureauRef = Type.Object({ id: Type.Integer(), name: Type.String() });
const Coverage = Type.Union([Type.Literal('met'), Type.Literal('short'), Type.Literal('none')], {
  description: 'met 已分解到位 / short 未分解（已分解但不足） / none 未分解',
});

export const FundSummary = Type.Object({
  id: Type.Integer(),
  version: Type.Integer({ description: '给 If-Match 的版本号' }),
  state: FundState,
  year: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  department: Type.String(),
  amount: TransferAmount,
  bureau: Type.Object({ id: Type.Integer(), name: Type.String() }, { description: '设定并下达专项的财政部门' }),
  issuedAt: Nullable(Timestamp),
});

export const BreakdownView = Type.Object({
  id: Type.Integer(),
  version: Type.Integer({ description: '给 If-Match 的版本号' }),
  allocationId: Type.Integer(),
  amount: TransferAmount,
  mapping: Type.Array(Nullable(Type.Integer()), { description: '与专项绩效指标一一对应：承接该指标的项目指标行 id，无则 null' }),
  project: Type.Object({
    id: Type.Integer(),
    documentId: Type.Integer(),
    code: Type.String(),
    name: Type.String(),
    unitName: Type.String(),
  }),
});

export const AllocationView = Type.Object({
  id: Type.Integer(),
  version: Type.Integer({ description: '给 If-Match 的版本号（接收、添加分解）' }),
  state: AllocationState,
  bureau: BureauRef,
  amount: TransferAmount,
  targets: Type.Array(Type.String(), { description: '该地区各绩效指标的指标值' }),
  breakdowns: Type.Array(BreakdownView),
});

export const FundView = Type.Object({
  ...FundSummary.properties,
  amountCentral: FundContent.properties.amountCentral,
  amountLocal: FundContent.properties.amountLocal,
  goal: Type.String(),
  indicators: Type.Array(FundIndicator),
  allocations: Type.Array(AllocationView, { description: '设定部门看到全部地区；接收地区只看到下达给自己（及下级）的' }),
  role: Type.Union([Type.Literal('setter'), Type.Literal('receiver'), Type.Literal('reader')], {
    description: 'setter 设定部门（可修改草稿、下达） / receiver 接收地区（可接收、分解） / reader 只读',
  }),
});

export const FundListQuery = Type.Object({ ...CursorPage.properties, year: Type.Optional(Type.Integer()) });

export const FundUpdate = Type.Object(
  { fund: FundContent, allocations: Type.Array(AllocationContent, { maxItems: 500, description: '下达给各下级财政部门的金额和指标值' }) },
  { additionalProperties: false },
);

export const BreakdownContent = Type.Object(
  {
    amount: TransferAmount,
    mapping: Type.Array(Nullable(Type.Integer()), {
      maxItems: 50,
      description: '与专项绩效指标一一对应：项目的指标行 id，不承接的为 null',
    }),
  },
  { additionalProperties: false },
);

export const BreakdownCreate = Type.Object(
  { projectId: Type.Integer({ description: '接收地区所属单位的项目（同一年度）' }), ...BreakdownContent.properties },
  { additionalProperties: false },
);

export const BreakdownCreated = Type.Object({ id: Type.Integer(), version: Type.Integer(), allocationVersion: Type.Integer() });

export const CandidateQuery = Type.Object({
  ...CursorPage.properties,
  q: Type.Optional(Type.String({ maxLength: 100, description: '项目名称中的文字' })),
});

export const CandidateProject = Type.Object({
  projectId: Type.Integer(),
  documentId: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  unitName: Type.String(),
  budgetTotal: Nullable(Type.String()),
});

const RollupRow = Type.Object({
  index: Type.Integer({ description: '专项绩效指标的序号（从 0 起）' }),
  kind: Type.Union([Type.Literal('quantity'), Type.Literal('rate'), Type.Literal('grade')], {
    description: 'quantity 数量（下级求和） / rate 比率等（取最弱处，实际值按金额加权） / grade 定性',
  }),
  issued: Type.String({ description: '本级下达的指标值' }),
  planned: Nullable(Type.String({ description: '下级承接的合计（数量）或最弱值（比率）' })),
  actual: Nullable(Type.String({ description: '下级已填报实际值的合计或加权平均' })),
  carried: Type.Integer({ description: '承接该指标的下级个数' }),
  coverage: Coverage,
});

const ProjectPart = Type.Object({
  breakdownId: Type.Integer(),
  projectId: Type.Integer(),
  projectCode: Type.String(),
  projectName: Type.String(),
  unitName: Type.String(),
  amount: Type.String(),
  rows: Type.Array(Nullable(Type.Object({ target: Type.String(), actual: Nullable(Type.String()) }))),
});

export const FundRollup = Type.Object({
  amount: Type.String({ description: '专项年度金额（万元）' }),
  allocated: Type.String({ description: '下达合计' }),
  brokenDown: Type.String({ description: '分解到项目合计' }),
  moneyCoverage: Coverage,
  complete: Type.Boolean({ description: '资金和每个指标都已在各地区分解到位' }),
  rows: Type.Array(RollupRow, { description: '专项的指标值对各地区' }),
  regions: Type.Array(
    Type.Object({
      allocationId: Type.Integer(),
      bureauId: Type.Integer(),
      bureauName: Type.String(),
      amount: Type.String(),
      brokenDown: Type.String(),
      moneyCoverage: Coverage,
      rows: Type.Array(RollupRow, { description: '地区的指标值对其项目' }),
      projects: Type.Array(ProjectPart),
    }),
  ),
});

export const ProjectTransfer = Type.Object({
  breakdownId: Type.Integer(),
  amount: Type.String({ description: '分解到本项目的金额（万元）' }),
  region: Type.String({ description: '接收地区（财政部门）' }),
  fund: Type.Object({
    id: Type.Integer(),
    year: Type.Integer(),
    code: Type.String(),
    name: Type.String(),
    department: Type.String(),
    bureauName: Type.String({ description: '设定并下达的上级财政部门' }),
  }),
});
