/**
 * The approval notices' request and response shapes (src/server/routes/notices.ts), apart so the web
 * reads them as types (like ./schemas.ts).
 */
import Type from 'typebox';
import { CursorPage, Nullable, Status, Timestamp } from './schemas.ts';

export const NoticeState = Type.Union([Type.Literal('draft'), Type.Literal('issued'), Type.Literal('withdrawn')], {
  description: 'draft 草稿，issued 已印发，withdrawn 已撤回',
});

const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

export const NoticeFields = Type.Object(
  {
    number: Type.String({ minLength: 1, maxLength: 100, description: '文号，如 怀财绩〔2020〕3号；同一财政部门同一年度唯一' }),
    title: Type.String({ minLength: 1, maxLength: 200, description: '标题' }),
    date: { ...DateText, description: '发文日期 YYYY-MM-DD' },
    body: Type.String({ maxLength: 5000, description: '正文' }),
  },
  { additionalProperties: false },
);

export const NoticeCreate = Type.Object(
  {
    ...NoticeFields.properties,
    year: Type.Integer({ minimum: 1990, maximum: 2100, description: '预算年度' }),
    bureauId: Type.Optional(Type.Integer({ minimum: 1, description: '发文的财政部门：审核人所在部门或其下级，默认审核人所在部门' })),
  },
  { additionalProperties: false },
);

export const NoticeView = Type.Object(
  {
    id: Type.Integer(),
    version: Type.Integer({ description: '给 If-Match 的版本号' }),
    bureauId: Type.Integer(),
    bureauName: Type.String(),
    year: Type.Integer(),
    number: Type.String(),
    title: Type.String(),
    date: Type.String(),
    body: Type.String(),
    state: NoticeState,
    withdrawnReason: Nullable(Type.String()),
    issuedAt: Nullable(Timestamp),
    issuedByName: Nullable(Type.String()),
    withdrawnAt: Nullable(Timestamp),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    documentCount: Type.Integer({ description: '批复的绩效目标文档数' }),
  },
  { description: '绩效目标批复通知' },
);

export const NoticeDocument = Type.Object(
  {
    documentId: Type.Integer(),
    version: Type.Integer({ description: '批复的文档版本（候选列表中为当前版本）' }),
    currentVersion: Type.Integer({ description: '文档当前版本' }),
    status: Status,
    unitId: Type.Integer(),
    unitCode: Type.String(),
    unitName: Type.String(),
    bureauId: Type.Integer(),
    year: Type.Integer(),
    projectCount: Type.Integer(),
    budgetTotal: Type.String({ description: '预算数合计（万元，精确小数）' }),
  },
  { description: '批复通知覆盖（或可加入）的一份绩效目标' },
);

export const DocumentNotice = Type.Object({
  noticeId: Type.Integer(),
  number: Type.String(),
  title: Type.String(),
  date: Type.String(),
  state: NoticeState,
  version: Type.Integer({ description: '批复的文档版本' }),
  bureauName: Type.String(),
});

export const NoticeListQuery = Type.Object({
  ...CursorPage.properties,
  year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
  state: Type.Optional(NoticeState),
});

export const NoticeFormat = Type.Object({
  format: Type.Union([Type.Literal('docx'), Type.Literal('pdf')], { description: 'docx 或 pdf' }),
});
