/**
 * Serves the browser UI built by Vite into dist/web, with the SPA fallback: any GET outside /api
 * that names no file gets index.html, so client-side routes survive a reload. Without a build the
 * server is the API alone.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { PACKAGE_ROOT } from './package-root.ts';


/** Where the UI build lands (the web helper's `vite build` writes here). */
export const DEFAULT_WEB_ROOT = join(PACKAGE_ROOT, 'dist/web');

export async function serveWeb(app: FastifyInstance, root: string): Promise<boolean> {
  if (!existsSync(join(root, 'index.html'))) return false;
  await app.register(fastifyStatic, { root, prefix: '/', wildcard: false, index: 'index.html' });
  app.setNotFoundHandler((req, reply) => {
    if (req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
    return reply.status(404).send({ code: 'not_found', message: 'not found' });
  });
  return true;
}
