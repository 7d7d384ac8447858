/** Admins manage bureaus, units and accounts. New and reset passwords are generated and returned once. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { ImportError } from '../../formats/import-error.ts';
import { organisationRowsOf, readUnitsFile, type OrganisationRow } from '../../formats/units-file.ts';
import { named } from '../../i18n/message-ref.ts';
import { createUser, listUsers, updateUser } from '../../store/accounts.ts';
import { applyOrganisation } from '../../store/bulk/organisation.ts';
import { bureausUnder, createBureau, createUnit, listUnits, renameBureau, updateUnit } from '../../store/organisation.ts';
import { generatePassword } from '../../store/password.ts';
import { actorOf, requireRole } from '../access.ts';
import type { AppContext } from '../context.ts';
import { uploadedFile } from './import.ts';
import { Bureau, BureauInTree, CursorPage, ErrorBody, IdParams, ListedUser, Nullable, PageOf, Role, Unit, User } from '../schemas.ts';

const denied = { 401: ErrorBody, 403: ErrorBody };

export async function adminRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.store.db;
  const admin = (req: Parameters<typeof requireRole>[0]) => actorOf(requireRole(req, 'admin'));

  app.get(
    '/api/admin/bureaus',
    {
      schema: {
        tags: ['admin'],
        summary: '列出全部财政部门',
        response: { 200: Type.Object({ items: Type.Array(BureauInTree) }), ...denied },
      },
    },
    async (req) => {
      admin(req);
      return { items: await bureausUnder(ctx.reader(req), null) };
    },
  );
  app.post(
    '/api/admin/bureaus',
    {
      schema: {
        tags: ['admin'],
        summary: '新建财政部门（在上级财政部门之下，或作为顶级）',
        body: Type.Object({
          code: Type.String({ minLength: 1, maxLength: 50 }),
          name: Type.String({ minLength: 1, maxLength: 200 }),
          parentId: Nullable(Type.Integer()),
        }),
        response: { 201: Bureau, ...denied, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (req, reply) => reply.status(201).send(await createBureau(db, admin(req), req.body)),
  );
  app.patch(
    '/api/admin/bureaus/:id',
    {
      schema: {
        tags: ['admin'],
        summary: '修改财政部门名称',
        params: IdParams,
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: { 200: Bureau, ...denied, 404: ErrorBody },
      },
    },
    async (req) => renameBureau(db, admin(req), req.params.id, req.body.name),
  );

  app.get(
    '/api/admin/units',
    {
      schema: {
        tags: ['admin'],
        summary: '列出预算单位（按单位编码排列，按游标分页）',
        querystring: Type.Object({ bureauId: Type.Optional(Type.Integer()), q: Type.Optional(Type.String()), ...CursorPage.properties }),
        response: { 200: PageOf(Unit), 400: ErrorBody, ...denied },
      },
    },
    async (req) => {
      admin(req);
      const { bureauId, q, limit, cursor } = req.query;
      return listUnits(ctx.reader(req), { bureauId, q }, { limit, cursor });
    },
  );
  app.post(
    '/api/admin/units',
    {
      schema: {
        tags: ['admin'],
        summary: '新建预算单位',
        body: Type.Object({
          code: Type.String({ minLength: 1, maxLength: 50 }),
          name: Type.String({ minLength: 1, maxLength: 200 }),
          bureauId: Type.Integer(),
        }),
        response: { 201: Unit, ...denied, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (req, reply) => reply.status(201).send(await createUnit(db, admin(req), req.body)),
  );
  app.post(
    '/api/admin/units/bulk',
    {
      schema: {
        tags: ['admin'],
        summary:
          '批量导入财政部门和预算单位：单位文件（编码,名称,上级编码,类型；CSV 或 XLSX，multipart 字段 file，或原始字节加 ?fileName=）或 JSON 行；全部成功或全部不导入，出错时指明行；已有的编码保持不变',
        consumes: ['application/json', 'multipart/form-data', 'application/octet-stream'],
        querystring: Type.Object({ fileName: Type.Optional(Type.String({ maxLength: 255 })) }),
        body: Type.Object({
          rows: Type.Optional(
            Type.Array(
              Type.Object({
                code: Type.String({ maxLength: 50 }),
                name: Type.String({ maxLength: 200 }),
                parent: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
                kind: Type.String({ maxLength: 20, description: '财政部门 (bureau) or 预算单位 (unit)' }),
              }),
              { maxItems: 100_000 },
            ),
          ),
        }),
        response: {
          200: Type.Object({ bureausCreated: Type.Integer(), unitsCreated: Type.Integer(), existing: Type.Integer() }),
          ...denied,
          422: ErrorBody,
        },
      },
    },
    async (req) => {
      const actor = admin(req);
      const body = req.body as { rows?: Parameters<typeof organisationRowsOf>[0] } | Buffer | undefined;
      let rows: OrganisationRow[];
      let source = 'JSON';
      if (body !== undefined && !Buffer.isBuffer(body) && body.rows !== undefined) rows = organisationRowsOf(body.rows, source);
      else {
        const { bytes, fileName } = await uploadedFile(req);
        source = fileName;
        rows = await readUnitsFile(bytes, fileName);
      }
      if (rows.length === 0) throw new ImportError({ file: source }, named.bulk.unitsFile.noRows);
      return db.transaction().execute((trx) => applyOrganisation(trx, actor, rows));
    },
  );
  app.patch(
    '/api/admin/units/:id',
    {
      schema: {
        tags: ['admin'],
        summary: '修改预算单位名称，或将其移到另一财政部门',
        params: IdParams,
        body: Type.Object({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), bureauId: Type.Optional(Type.Integer()) }),
        response: { 200: Unit, ...denied, 404: ErrorBody },
      },
    },
    async (req) => updateUnit(db, admin(req), req.params.id, req.body),
  );

  app.get(
    '/api/admin/users',
    {
      schema: {
        tags: ['admin'],
        summary: '列出账号（按用户名排列，按游标分页）',
        querystring: Type.Object({ q: Type.Optional(Type.String()), ...CursorPage.properties }),
        response: { 200: PageOf(ListedUser), 400: ErrorBody, ...denied },
      },
    },
    async (req) => {
      admin(req);
      return listUsers(ctx.reader(req), { q: req.query.q }, { limit: req.query.limit, cursor: req.query.cursor });
    },
  );
  app.post(
    '/api/admin/users',
    {
      schema: {
        tags: ['admin'],
        summary: '新建账号：随机生成的密码只返回这一次',
        body: Type.Object({
          username: Type.String({ minLength: 2, maxLength: 64 }),
          displayName: Type.String({ minLength: 1, maxLength: 100 }),
          role: Role,
          unitId: Type.Optional(Nullable(Type.Integer())),
          bureauId: Type.Optional(Nullable(Type.Integer())),
          organisation: Type.Optional(Nullable(Type.String({ maxLength: 200, description: '第三方机构名称（evaluator 账号必填）' }))),
        }),
        response: { 201: Type.Object({ user: User, password: Type.String() }), ...denied, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (req, reply) => {
      const password = generatePassword();
      const user = await createUser(db, admin(req), { ...req.body, password, oneTimePassword: true });
      return reply.status(201).send({ user, password });
    },
  );
  app.patch(
    '/api/admin/users/:id',
    {
      schema: {
        tags: ['admin'],
        summary: '修改账号：resetPassword 时生成新的随机密码（只返回这一次），并结束该账号的全部会话',
        params: IdParams,
        body: Type.Object({
          displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
          disabled: Type.Optional(Type.Boolean()),
          role: Type.Optional(Role),
          unitId: Type.Optional(Nullable(Type.Integer())),
          bureauId: Type.Optional(Nullable(Type.Integer())),
          organisation: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
          resetPassword: Type.Optional(Type.Boolean()),
        }),
        response: { 200: Type.Object({ user: User, password: Type.Optional(Type.String()) }), ...denied, 404: ErrorBody, 422: ErrorBody },
      },
    },
    async (req) => {
      const { resetPassword, ...changes } = req.body;
      const password = resetPassword ? generatePassword() : undefined;
      const user = await updateUser(db, admin(req), req.params.id, { ...changes, password, oneTimePassword: true });
      return password ? { user, password } : { user };
    },
  );
}
