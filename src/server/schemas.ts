/**
 * The API's request and response schemas. Document content uses the core model's own schemas
 * (src/core/model/document.ts), extended with the storage ids the editor needs.
 */
import Type from 'typebox';
import { DecimalText, DepartmentGoals, Indicator, Project, TargetDocument } from '../core/model/document.ts';
import { Finding, Severity } from '../core/review/finding.ts';

export { DepartmentGoals, Finding, Indicator, Project, TargetDocument };

export const Id = Type.Integer({ minimum: 1 });
export const IdParams = Type.Object({ id: Id });
export const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const Role = Type.Union([Type.Literal('unit'), Type.Literal('reviewer'), Type.Literal('admin'), Type.Literal('evaluator')], {
  description: 'unit 单位 / reviewer 财政部门审核人员 / admin 管理员 / evaluator 第三方评价机构（只见委托给它的评价）',
});
export const Status = Type.Union(
  [Type.Literal('draft'), Type.Literal('submitted'), Type.Literal('returned'), Type.Literal('approved'), Type.Literal('published')],
  { description: '草稿 / 已提交 / 已退回 / 已审核 / 已公开' },
);
/** Dates leave the server as ISO 8601 text (JSON.stringify of a Date). */
export const Timestamp = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });

export const FindingCounts = Type.Record(Severity, Type.Integer());

export const ErrorBody = Type.Object(
  {
    code: Type.String({
      description:
        'machine code: unauthenticated, forbidden, not_found, stale_version, invalid_state, review_errors, conflict, validation, csrf, rate_limited …',
    }),
    message: Type.String({ description: 'for people, in the request language (Chinese by default)' }),
    currentVersion: Type.Optional(Type.Integer({ description: 'with stale_version (409)' })),
    writtenBy: Type.Optional(
      Type.Union([Type.Object({ id: Type.Union([Type.Integer(), Type.Null()]), name: Type.String() }), Type.Null()], {
        description:
          'with stale_version (409): who saved the current version (id null for the command line), null when the log does not say',
      }),
    ),
    findings: Type.Optional(Type.Array(Finding, { description: 'with review_errors (422)' })),
  },
  { additionalProperties: true },
);

/** An account with `more` fields, one shape per role: a unit account has its unit, a reviewer its bureau, an admin neither. */
const UserWith = <P extends Type.TProperties>(more: P) => {
  const account = {
    id: Type.Integer(),
    username: Type.String(),
    displayName: Type.String(),
    disabled: Type.Boolean(),
    mustChangePassword: Type.Boolean({
      description:
        'the password was chosen by someone else: every call but the auth ones answers 403 password_change_required until it is changed',
    }),
    ...more,
  };
  return Type.Union([
    Type.Object({ ...account, role: Type.Literal('unit'), unitId: Type.Integer(), bureauId: Type.Null() }),
    Type.Object({ ...account, role: Type.Literal('reviewer'), unitId: Type.Null(), bureauId: Type.Integer() }),
    Type.Object({ ...account, role: Type.Literal('admin'), unitId: Type.Null(), bureauId: Type.Null() }),
    Type.Object({
      ...account,
      role: Type.Literal('evaluator'),
      unitId: Type.Null(),
      bureauId: Type.Integer({ description: '委托它的财政部门' }),
      organisation: Type.String({ description: '第三方机构名称' }),
    }),
  ]);
};

export const User = UserWith({});

export const ListedUser = UserWith({
  scopeName: Nullable(
    Type.String({ description: 'the name of the account’s unit (unit accounts) or bureau (reviewers); null for admins' }),
  ),
});

export const Bureau = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), parentId: Nullable(Type.Integer()) });
export const BureauInTree = Type.Object({ ...Bureau.properties, depth: Type.Integer() });
export const Unit = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), bureauId: Type.Integer() });

export const StoredIndicator = Type.Object({ id: Type.Integer(), ...Indicator.properties });
export const StoredProject = Type.Object({
  id: Type.Integer(),
  ...Project.properties,
  indicators: Type.Array(StoredIndicator),
  findingCounts: FindingCounts,
});

export const DocumentMeta = Type.Object({
  id: Type.Integer(),
  unitId: Type.Integer(),
  unitCode: Type.String(),
  unitName: Type.String(),
  bureauId: Type.Integer(),
  year: Type.Integer(),
  status: Status,
  version: Type.Integer({ description: 'send it back in If-Match with every write' }),
  projectCount: Type.Integer(),
  budgetTotal: DecimalText,
  findingCounts: FindingCounts,
  copiedFromId: Nullable(Type.Integer()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  submittedAt: Nullable(Timestamp),
  approvedAt: Nullable(Timestamp),
  publishedAt: Nullable(Timestamp),
});

export const StoredDocument = Type.Object({
  meta: DocumentMeta,
  formProfile: Type.String({
    description:
      'the id of the form profile (表样) the document follows: its bureau’s pick (inherited), or the default for its year, e.g. "hebei-2020"',
  }),
  unit: TargetDocument.properties.unit,
  department: Nullable(DepartmentGoals),
  projects: Type.Array(StoredProject),
});

export const VersionResult = Type.Object({ version: Type.Integer() });

/** An offset page: only the lists that still page by position in one document's rows (A's monitoring list, actuals). */
export const Page = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, description: 'page size, 50 when absent, at most 200' })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
});

/** A cursor page (src/store/keyset.ts): the first page without `cursor`, then each page's `nextCursor`. */
export const CursorPage = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, description: 'page size, 50 when absent, at most 200' })),
  cursor: Type.Optional(
    Type.String({
      maxLength: 2000,
      description:
        'the previous page’s nextCursor, as given (opaque); absent for the first page. A cursor this list did not give out is a 400.',
    }),
  ),
});

export const Total = Type.Object(
  {
    value: Type.Integer({ minimum: 0 }),
    exact: Type.Boolean({ description: 'false: the filter matches more than `value` (counting stops at 1,000; show "1,000+")' }),
  },
  { description: 'how many rows the filter matches, over all pages: on the first page; null on later pages (keep the first page’s)' },
);

/** A page of a cursor-paged list. */
export const PageOf = <T extends Type.TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    nextCursor: Nullable(Type.String({ description: 'give it back as `cursor` for the next page; null on the last page' })),
    total: Nullable(Total),
  });

export const ListFilter = Type.Object({
  year: Type.Optional(Type.Integer()),
  status: Type.Optional(Type.Array(Status, { description: 'repeat the parameter for several' })),
  bureauId: Type.Optional(Type.Integer({ description: 'this bureau and its sub-bureaus' })),
  unitId: Type.Optional(Type.Integer()),
  severity: Type.Optional(
    Type.Union([Severity, Type.Literal('clean')], {
      description: 'documents (or projects) with findings of this severity; clean: no errors or warnings',
    }),
  ),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'text in a project name' })),
});

export const ListQuery = Type.Object({ ...ListFilter.properties, ...CursorPage.properties });

export const DocumentSort = Type.Union([Type.Literal('unit'), Type.Literal('-year'), Type.Literal('-updated'), Type.Literal('updated')], {
  description:
    'unit: unit code, each unit’s years newest first (the default); -year: newest year first; -updated: last changed first; updated: longest unchanged first',
});

export const DocumentListQuery = Type.Object({ ...ListQuery.properties, sort: Type.Optional(DocumentSort) });

export const DocumentListItem = Type.Object({
  id: Type.Integer(),
  unitId: Type.Integer(),
  unitCode: Type.String(),
  unitName: Type.String(),
  bureauId: Type.Integer(),
  bureauName: Type.String(),
  year: Type.Integer(),
  status: Status,
  version: Type.Integer(),
  projectCount: Type.Integer(),
  budgetTotal: DecimalText,
  findingCounts: FindingCounts,
  updatedAt: Timestamp,
  submittedAt: Nullable(Timestamp),
  publishedAt: Nullable(Timestamp),
});

const StatusCounts = Type.Record(Type.String(), Type.Integer());

export const DocumentList = PageOf(DocumentListItem);

export const DocumentSetSummary = Type.Object({
  total: Type.Integer({ description: 'exact' }),
  budgetTotal: Type.String({ description: '万元, over the whole filtered set' }),
  statusCounts: StatusCounts,
});

export const ProjectListItem = Type.Object({
  id: Type.Integer(),
  documentId: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  unitId: Type.Integer(),
  unitCode: Type.String(),
  unitName: Type.String(),
  year: Type.Integer(),
  status: Status,
  amountUnit: Type.String(),
  budgetTotal: Nullable(DecimalText),
  indicatorCount: Type.Integer(),
  findingCounts: FindingCounts,
});
export const ProjectList = PageOf(ProjectListItem);

export const BureauTotals = Type.Object({
  bureauId: Type.Integer(),
  bureauName: Type.String(),
  units: Type.Integer(),
  documents: Type.Integer(),
  projects: Type.Integer(),
  budgetTotal: Type.String({ description: '万元, exact' }),
  statusCounts: StatusCounts,
  documentsWithErrors: Type.Integer(),
});

export const Comment = Type.Object({
  id: Type.Integer(),
  documentId: Type.Integer(),
  projectId: Nullable(Type.Integer()),
  projectCode: Nullable(Type.String()),
  indicatorIndex: Nullable(Type.Integer()),
  field: Nullable(Type.String()),
  authorId: Type.Integer(),
  authorName: Type.String(),
  body: Type.String(),
  createdAt: Timestamp,
  resolvedAt: Nullable(Timestamp),
});

export const CommentAnchor = Type.Object({
  projectId: Type.Optional(Nullable(Type.Integer())),
  indicatorIndex: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  field: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
});

export const AuditRecord = Type.Object({
  id: Type.Integer(),
  at: Timestamp,
  actorId: Nullable(Type.Integer()),
  actorName: Type.String(),
  action: Type.String(),
  entity: Type.String(),
  entityId: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
});

/** If-Match on every write: the document version the change is based on. */
export const IfMatch = Type.Object({
  'if-match': Type.String({ description: 'the document version the write is based on, e.g. "7" (ETag of the document)' }),
});
