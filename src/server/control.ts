/**
 * Administrative commands (backup, accounts, export) that the CLI runs either directly on the database or,
 * when a server owns the embedded data directory, through that server: over a Unix socket inside
 * the data directory, readable and writable only by its owner (mode 0600), never over the network.
 */
import { chmodSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { createUser, listUsers, updateUser, userByName, type User } from '../store/accounts.ts';
import { systemActor } from '../store/audit.ts';
import { writeSnapshot } from '../store/backup.ts';
import type { Store } from '../store/database.ts';
import { controlSocket } from '../store/data-dir-lock.ts';
import { bureausUnder, unitByCode } from '../store/organisation.ts';
import { generatePassword } from '../store/password.ts';
import type { Role } from '../store/schema.ts';
import { renderer } from './export/render.ts';
import { exportFromStore, type ExportCommand, type ExportProgress } from './export/to-file.ts';

export type ControlRequest =
  | { command: 'backup'; file: string }
  | { command: 'user-add'; username: string; displayName: string; role: Role; unitCode?: string; bureauCode?: string }
  | { command: 'user-passwd'; username: string }
  | { command: 'user-list' }
  | ExportCommand;

export type ControlResponse =
  | { ok: true; rows?: number; password?: string; users?: Array<User & { scope: string }>; documents?: number }
  | { ok: false; error: 'user-not-found' | 'unit-not-found' | 'bureau-not-found' | 'failed'; detail: string };

/** Reports how a long command (an export) gets on; over the socket, as lines before the answer. */
export type ControlProgress = (p: ExportProgress) => void;

export async function runControl(store: Store, request: ControlRequest, progress?: ControlProgress): Promise<ControlResponse> {
  const actor = systemActor('cli');
  const db = store.db;
  switch (request.command) {
    case 'backup':
      return { ok: true, rows: await writeSnapshot(db, request.file) };
    case 'user-add': {
      let unitId: number | null = null;
      let bureauId: number | null = null;
      if (request.role === 'unit') {
        const u = request.unitCode ? await unitByCode(db, request.unitCode) : undefined;
        if (!u) return { ok: false, error: 'unit-not-found', detail: request.unitCode ?? '' };
        unitId = u.id;
      }
      if (request.role === 'reviewer') {
        const b = (await bureausUnder(db, null)).find((x) => x.code === request.bureauCode);
        if (!b) return { ok: false, error: 'bureau-not-found', detail: request.bureauCode ?? '' };
        bureauId = b.id;
      }
      const password = generatePassword();
      await createUser(db, actor, {
        username: request.username,
        displayName: request.displayName,
        role: request.role,
        unitId,
        bureauId,
        password,
        oneTimePassword: true,
      });
      return { ok: true, password };
    }
    case 'user-passwd': {
      const user = await userByName(db, request.username);
      if (!user) return { ok: false, error: 'user-not-found', detail: request.username };
      const password = generatePassword();
      await updateUser(db, actor, user.id, { password, oneTimePassword: true });
      return { ok: true, password };
    }
    case 'user-list': {
      const users: Array<User & { scope: string }> = [];
      const bureaus = new Map((await bureausUnder(db, null)).map((b) => [b.id, b.name]));
      for (let cursor: string | undefined; ; ) {
        const page = await listUsers(db, {}, { limit: 200, cursor });
        for (const u of page.items) {
          const unitName =
            u.unitId === null
              ? undefined
              : (await db.selectFrom('units').select('name').where('id', '=', u.unitId).executeTakeFirst())?.name;
          users.push({ ...u, scope: unitName ?? (u.bureauId === null ? '' : (bureaus.get(u.bureauId) ?? '')) });
        }
        if (page.nextCursor === null) return { ok: true, users };
        cursor = page.nextCursor;
      }
    }
    case 'export':
      return exportFromStore(store, { renderer }, request, progress);
  }
}

/** Listens on the data directory's control socket; `afterWrite` lets the server drop cached reads. */
export async function listenControl(store: Store, dataDir: string, afterWrite: () => void): Promise<Server> {
  const path = controlSocket(dataDir);
  rmSync(path, { force: true });
  const server = createServer((socket) => {
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('data', async (chunk) => {
      buffer += chunk;
      const end = buffer.indexOf('\n');
      if (end < 0) return;
      let response: ControlResponse;
      try {
        const progress: ControlProgress = (p) => socket.write(`${JSON.stringify({ progress: p })}\n`);
        response = await runControl(store, JSON.parse(buffer.slice(0, end)) as ControlRequest, progress);
        afterWrite();
      } catch (e) {
        response = { ok: false, error: 'failed', detail: (e as Error).message };
      }
      socket.end(`${JSON.stringify(response)}\n`);
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(path, resolve));
  chmodSync(path, 0o600);
  return server;
}

export async function askServer(dataDir: string, request: ControlRequest, progress?: ControlProgress): Promise<ControlResponse> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(controlSocket(dataDir));
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on('data', (c) => {
      buffer += c;
      // Progress lines come before the answer, the last line.
      for (let end = buffer.indexOf('\n'); end >= 0 && buffer.startsWith('{"progress":'); end = buffer.indexOf('\n')) {
        progress?.((JSON.parse(buffer.slice(0, end)) as { progress: ExportProgress }).progress);
        buffer = buffer.slice(end + 1);
      }
    });
    socket.on('end', () => {
      try {
        resolve(JSON.parse(buffer) as ControlResponse);
      } catch (e) {
        reject(e);
      }
    });
    socket.on('error', reject);
  });
}
