/**
 * User accounts and sessions. A unit staff member belongs to a unit, a reviewer to a bureau (and
 * acts on every unit under it), an admin manages bureaus, units and accounts.
 * Sessions expire after an idle time and after an absolute lifetime, whichever comes first.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { MIN_PASSWORD_LENGTH } from '../core/accounts/password-policy.ts';
import { recordAudit, type Actor } from './audit.ts';
import { ConflictError, InvalidInputError, NotFoundError } from './errors.ts';
import { firstPageTotal, keysetQuery, pageOf, type KeysetOrder, type Page, type PageRequest, type Total } from './keyset.ts';
import { escapeLike } from './organisation.ts';
import { hashPassword, UNUSABLE_HASH, verifyPassword } from './password.ts';
import type { Database, Role } from './schema.ts';

/**
 * What an account belongs to follows from its role: a unit account its unit, a reviewer its bureau, an
 * admin neither, an evaluator (a third-party institution's account) the bureau that made it and its
 * organisation — it acts only on the evaluations it is assigned (docs/evaluations.md).
 */
export type UserScope =
  | { role: 'unit'; unitId: number; bureauId: null }
  | { role: 'reviewer'; unitId: null; bureauId: number }
  | { role: 'admin'; unitId: null; bureauId: null }
  | { role: 'evaluator'; unitId: null; bureauId: number; organisation: string };

export type User = {
  id: number;
  username: string;
  displayName: string;
  disabled: boolean;
  /** The password was chosen by someone else and must be replaced before anything else. */
  mustChangePassword: boolean;
} & UserScope;

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  /** Generated and shown to whoever made the account: its owner must replace it at first sign-in. */
  oneTimePassword?: boolean;
  role: Role;
  unitId?: number | null;
  bureauId?: number | null;
  /** An evaluator's institution. */
  organisation?: string | null;
}

const toUser = (r: {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  unit_id: number | null;
  bureau_id: number | null;
  disabled: boolean;
  must_change_password: boolean;
  organisation: string | null;
}): User => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  ...scopeOf(r.role, r.unit_id, r.bureau_id, r.organisation),
  disabled: r.disabled,
  mustChangePassword: r.must_change_password,
});

const USER_COLUMNS = [
  'id',
  'username',
  'display_name',
  'role',
  'unit_id',
  'bureau_id',
  'disabled',
  'must_change_password',
  'organisation',
] as const;

function scopeOf(role: Role, unitId: number | null, bureauId: number | null, organisation: string | null): UserScope {
  switch (role) {
    case 'unit':
      if (unitId === null || bureauId !== null) throw new InvalidInputError('a unit account needs a unit');
      return { role, unitId, bureauId };
    case 'reviewer':
      if (bureauId === null || unitId !== null) throw new InvalidInputError('a reviewer needs a bureau');
      return { role, unitId, bureauId };
    case 'admin':
      if (unitId !== null || bureauId !== null) throw new InvalidInputError('an admin belongs to no unit or bureau');
      return { role, unitId, bureauId };
    case 'evaluator':
      if (bureauId === null || unitId !== null || !organisation?.trim())
        throw new InvalidInputError('an evaluator needs a bureau and an organisation');
      return { role, unitId, bureauId, organisation: organisation.trim() };
  }
}

/** The organisation column of a scope: an evaluator's institution, null for the other roles. */
const organisationOf = (scope: UserScope): string | null => (scope.role === 'evaluator' ? scope.organisation : null);

export async function createUser(db: Kysely<Database>, actor: Actor, u: NewUser): Promise<User> {
  const scope = scopeOf(u.role, u.unitId ?? null, u.bureauId ?? null, u.organisation ?? null);
  const { unitId, bureauId } = scope;
  if (!/^[\p{L}\p{N}._-]{2,64}$/u.test(u.username)) throw new InvalidInputError('username');
  if (u.password.length < MIN_PASSWORD_LENGTH) throw new InvalidInputError('password too short');
  const passwordHash = await hashPassword(u.password);
  return db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('users').select('id').where('username', '=', u.username).executeTakeFirst())
      throw new ConflictError('user', u.username);
    if (unitId !== null && !(await trx.selectFrom('units').select('id').where('id', '=', unitId).executeTakeFirst()))
      throw new NotFoundError('unit', unitId);
    if (bureauId !== null && !(await trx.selectFrom('bureaus').select('id').where('id', '=', bureauId).executeTakeFirst()))
      throw new NotFoundError('bureau', bureauId);
    const row = await trx
      .insertInto('users')
      .values({
        username: u.username,
        display_name: u.displayName,
        password_hash: passwordHash,
        must_change_password: u.oneTimePassword ?? false,
        role: u.role,
        unit_id: unitId,
        bureau_id: bureauId,
        organisation: organisationOf(scope),
      })
      .returning(USER_COLUMNS)
      .executeTakeFirstOrThrow();
    const user = toUser(row);
    await recordAudit(trx, actor, { action: 'create', entity: 'user', entityId: user.id, after: user });
    return user;
  });
}

export async function userById(db: Kysely<Database>, id: number): Promise<User | undefined> {
  const r = await db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
  return r && toUser(r);
}

export async function userByName(db: Kysely<Database>, username: string): Promise<User | undefined> {
  const r = await db.selectFrom('users').select(USER_COLUMNS).where('username', '=', username).executeTakeFirst();
  return r && toUser(r);
}

/**
 * Changes an account; a new password or disabling the account also ends its sessions. A new
 * password is one-time (to be replaced at the next sign-in) unless its owner chose it.
 */
export async function updateUser(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  changes: {
    displayName?: string;
    password?: string;
    oneTimePassword?: boolean;
    disabled?: boolean;
    role?: Role;
    unitId?: number | null;
    bureauId?: number | null;
    organisation?: string | null;
  },
): Promise<User> {
  if (changes.password !== undefined && changes.password.length < MIN_PASSWORD_LENGTH) throw new InvalidInputError('password too short');
  const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password);
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw new NotFoundError('user', id);
    const before = toUser(row);
    // Built afresh rather than spread from `before`: an evaluator made a reviewer loses its organisation.
    const after: User = {
      id: before.id,
      username: before.username,
      displayName: changes.displayName ?? before.displayName,
      disabled: changes.disabled ?? before.disabled,
      ...scopeOf(
        changes.role ?? before.role,
        changes.unitId !== undefined ? changes.unitId : before.unitId,
        changes.bureauId !== undefined ? changes.bureauId : before.bureauId,
        changes.organisation !== undefined ? changes.organisation : organisationOf(before),
      ),
      mustChangePassword: passwordHash ? (changes.oneTimePassword ?? false) : before.mustChangePassword,
    };
    await trx
      .updateTable('users')
      .set({
        display_name: after.displayName,
        disabled: after.disabled,
        role: after.role,
        unit_id: after.unitId,
        bureau_id: after.bureauId,
        organisation: organisationOf(after),
        ...(passwordHash
          ? { password_hash: passwordHash, password_changed_at: new Date(), must_change_password: after.mustChangePassword }
          : {}),
      })
      .where('id', '=', id)
      .execute();
    if (passwordHash || after.disabled || after.role !== before.role) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await recordAudit(trx, actor, {
      action: passwordHash ? 'update+password' : 'update',
      entity: 'user',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/** An account in the admin list, with the name of its unit (unit accounts) or bureau (reviewers). */
export type ListedUser = User & {
  scopeName: string | null;
};

const USERS_BY_NAME: KeysetOrder = {
  name: 'username',
  keys: [
    { column: 'users.username', direction: 'asc', type: 'text' },
    { column: 'users.id', direction: 'asc', type: 'int' },
  ],
};

/** Accounts by username, optionally matching a username or display name, a page at a time. */
export async function listUsers(
  db: Kysely<Database>,
  filter: { q?: string },
  page: PageRequest,
): Promise<Page<ListedUser> & { total: Total | null }> {
  let q = db.selectFrom('users');
  if (filter.q) {
    const like = `%${escapeLike(filter.q)}%`;
    q = q.where((eb) => eb.or([eb('users.username', 'like', like), eb('users.display_name', 'like', like)]));
  }
  const [rows, total] = await Promise.all([
    keysetQuery(
      q
        .leftJoin('units', 'units.id', 'users.unit_id')
        .leftJoin('bureaus', 'bureaus.id', 'users.bureau_id')
        .select(USER_COLUMNS.map((c) => `users.${c}` as const))
        .select((eb) => eb.fn.coalesce('units.name', 'bureaus.name').as('scope_name')),
      USERS_BY_NAME,
      page,
    ).execute(),
    firstPageTotal(db, page, q),
  ]);
  return { ...pageOf(USERS_BY_NAME, page, rows, (r) => ({ ...toUser(r), scopeName: r.scope_name })), total };
}

/** Checks a username and password; the same work is done for unknown names. */
export async function authenticate(db: Kysely<Database>, username: string, password: string): Promise<User | undefined> {
  const r = await db
    .selectFrom('users')
    .select([...USER_COLUMNS, 'password_hash'])
    .where('username', '=', username)
    .executeTakeFirst();
  const ok = await verifyPassword(password, r?.password_hash ?? UNUSABLE_HASH);
  return ok && r && !r.disabled ? toUser(r) : undefined;
}

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}
export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 2 * 60 * 60 * 1000, absoluteMs: 12 * 60 * 60 * 1000 };

const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Opens a session; returns the token for the cookie (only its hash is stored). */
export async function openSession(db: Kysely<Database>, userId: number, policy: SessionPolicy): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  await db
    .insertInto('sessions')
    .values({ token_hash: tokenHash(token), user_id: userId, last_seen_at: new Date(now), expires_at: new Date(now + policy.absoluteMs) })
    .execute();
  // Expired sessions go as new ones come, so the table holds only live ones.
  await db.deleteFrom('sessions').where('expires_at', '<', new Date(now)).execute();
  return token;
}

export interface SessionUser {
  tokenHash: string;
  user: User;
  lastSeenAt: number;
  expiresAt: number;
  /** The primary's WAL position after the session's last write, or null (see ./replicas.ts). */
  writeLsn: string | null;
}

/** The live session behind a token, or undefined if none, expired, idle too long, or its user is disabled. */
export async function sessionByToken(db: Kysely<Database>, token: string, policy: SessionPolicy): Promise<SessionUser | undefined> {
  const hash = tokenHash(token);
  const r = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.last_seen_at',
      's.expires_at',
      sql<string | null>`s.write_lsn::text`.as('write_lsn'),
      ...USER_COLUMNS.map((c) => `u.${c}` as const),
    ])
    .where('s.token_hash', '=', hash)
    .executeTakeFirst();
  if (!r || r.disabled) return undefined;
  const now = Date.now();
  const lastSeenAt = r.last_seen_at.getTime();
  const expiresAt = r.expires_at.getTime();
  if (now >= expiresAt || now - lastSeenAt >= policy.idleMs) return undefined;
  return { tokenHash: hash, user: toUser(r), lastSeenAt, expiresAt, writeLsn: r.write_lsn };
}

/**
 * Records that the session has written, after its write committed: the primary's WAL insert
 * position now is at or past the end of that commit. (Not pg_current_wal_lsn(), the position
 * written out so far: with synchronous_commit off, a commit may still be beyond it.)
 */
export async function recordSessionWrite(db: Kysely<Database>, hash: string): Promise<void> {
  await db.updateTable('sessions').set({ write_lsn: sql<string>`pg_current_wal_insert_lsn()` }).where('token_hash', '=', hash).execute();
}

export async function touchSession(db: Kysely<Database>, hash: string, at: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('token_hash', '=', hash).execute();
}

export async function closeSession(db: Kysely<Database>, token: string): Promise<string> {
  const hash = tokenHash(token);
  await db.deleteFrom('sessions').where('token_hash', '=', hash).execute();
  return hash;
}
