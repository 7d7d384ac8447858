/**
 * Serves the browser UI built by Vite into dist/web, with the SPA fallback: any GET outside /api
 * that names no file gets index.html, so client-side routes survive a reload. Files are sent
 * precompressed (the build writes .br and .gz beside each); the hashed ones under assets/ never
 * change, so browsers keep them a year, while index.html is revalidated on every load so a new
 * release is seen at once. Without a build the server is the API alone, and `/` says how to build.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { messagesOf } from './errors.ts';
import { PACKAGE_ROOT } from './package-root.ts';

/** Where the UI build lands (the web helper's `vite build` writes here). */
export const DEFAULT_WEB_ROOT = join(PACKAGE_ROOT, 'dist/web');

/** Vite names what it bundles by content hash, in this folder. */
const HASHED = /[\\/]assets[\\/]/;

export const webIsBuilt = (root: string) => existsSync(join(root, 'index.html'));

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export async function serveWeb(app: FastifyInstance, root: string): Promise<boolean> {
  if (!webIsBuilt(root)) {
    app.get('/', { schema: { hide: true } }, async (req, reply) => {
      const m = messagesOf(req).startup;
      return reply
        .status(503)
        .type('text/html; charset=utf-8')
        .send(`<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>jixiao</title><p>${escapeHtml(m.noWebUi(root))}</p></html>`);
    });
    return false;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: 'index.html',
    preCompressed: true,
    cacheControl: false,
    setHeaders: (res, path) => res.setHeader('cache-control', HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
    return reply.status(404).send({ code: 'not_found', message: 'not found' });
  });
  return true;
}
