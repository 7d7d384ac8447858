/**
 * How the built UI is sent: precompressed, hashed assets cached for a year and index.html always
 * revalidated, client routes answered with index.html; and without a build, `/` says how to make one.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { serveWeb } from './web.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function appOn(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'jixiao-web-'));
  dirs.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
    writeFileSync(join(root, `${name}.br`), brotliCompressSync(text));
  }
  const app = Fastify();
  const served = await serveWeb(app, root);
  return { app, served, root };
}

describe('serving the built UI', () => {
  const script = 'console.log("编辑器");'.repeat(200);

  it('sends hashed assets compressed and cached for a year, index.html revalidated', async () => {
    const { app, served } = await appOn({ 'index.html': '<!doctype html><title>jixiao</title>', 'assets/EditorPage-abc123.js': script });
    expect(served).toBe(true);
    const asset = await app.inject({ url: '/assets/EditorPage-abc123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(asset.headers['content-encoding']).toBe('br');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(asset.rawPayload).toString()).toBe(script);
    expect(asset.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 10);

    const plain = await app.inject({ url: '/assets/EditorPage-abc123.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);

    for (const url of ['/', '/documents/3/edit']) {
      const page = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('no-cache');
    }
    expect((await app.inject({ url: '/api/nothing' })).statusCode).toBe(404);
    await app.close();
  });

  it('says at / how to build the UI when there is none, instead of a bare 404', async () => {
    const { app, served, root } = await appOn({});
    expect(served).toBe(false);
    const r = await app.inject({ url: '/' });
    expect(r.statusCode).toBe(503);
    expect(r.headers['content-type']).toContain('text/html');
    expect(r.body).toContain('npm run build:web');
    expect(r.body).toContain(root);
    await app.close();
  });
});
