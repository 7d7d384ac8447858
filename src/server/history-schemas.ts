/** The shapes of issue 15's history, suggestions and public peer comparison over the API. */
import Type from 'typebox';
import { Indicator, Nullable } from './schemas.ts';

export const PastValue = Type.Object(
  {
    year: Type.Integer(),
    label: Type.String({ description: '那一年的指标名称，按原文' }),
    target: Type.String({ description: '那一年的指标值' }),
    actual: Nullable(Type.String({ description: '那一年记录的实际完成值；未记录为 null' })),
    similarity: Type.Number({ description: '与本年指标名称的相似度（0–1，≥0.45 才算同一指标）' }),
  },
  { description: '同一单位同一项目同一指标在往年的指标值与实际值' },
);

export const DocumentHistory = Type.Object({
  previousYear: Type.Integer({ description: '上年' }),
  yearBeforeLast: Type.Integer({ description: '前年' }),
  projects: Type.Array(
    Type.Object({
      projectId: Type.Integer(),
      code: Type.String(),
      rows: Type.Array(
        Type.Object({
          indicatorId: Type.Integer(),
          position: Type.Integer({ description: '项目内的位置，从 0 起' }),
          previousYear: Nullable(PastValue),
          yearBeforeLast: Nullable(PastValue),
        }),
      ),
    }),
  ),
});

export const Use = Type.Object({
  unitName: Type.String(),
  year: Type.Integer(),
  projectName: Type.String(),
  target: Type.String(),
});

export const SuggestionView = Type.Object({
  familyKey: Nullable(Type.String({ description: '同类指标的键；仅来自指标库、尚无单位使用时为 null' })),
  entry: Nullable(Type.Object({ code: Type.String(), level3: Type.String() }, { description: '同一指标的已入库指标库条目' })),
  label: Type.String(),
  level1: Type.String(),
  level2: Type.String(),
  unit: Type.String({ description: '度量单位' }),
  typical: Nullable(Type.String({ description: '典型指标值' })),
  spread: Nullable(
    Type.Object(
      { count: Type.Integer(), min: Nullable(Type.String()), max: Nullable(Type.String()) },
      { description: '已审核、已公开文档中的指标值分布' },
    ),
  ),
  peers: Type.Integer({ description: '使用它的相近单位数' }),
  fromLastYear: Type.Boolean({ description: '上年本项目用过' }),
  users: Type.Array(Use, { maxItems: 5, description: '相近项目的使用，最相近的在前' }),
  row: Indicator,
});

export const Suggestions = Type.Object({ items: Type.Array(SuggestionView) });

export const SuggestionLimit = Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: '最多条数' }));

export const PublicPeers = Type.Object({
  label: Type.String(),
  unit: Type.String(),
  level2: Type.String(),
  count: Type.Integer({ description: '其他单位已公开的数值指标值个数' }),
  units: Type.Integer({ description: '其他单位数' }),
  min: Nullable(Type.String()),
  median: Nullable(Type.String()),
  max: Nullable(Type.String()),
  typical: Nullable(Type.String()),
  uses: Type.Array(Use, { maxItems: 50 }),
});
