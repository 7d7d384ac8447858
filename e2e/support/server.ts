/**
 * A real jixiao server for the end-to-end tests: `jixiao serve` on a free port with a fresh data
 * directory (so the demo county is created), and the demo passwords it prints once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../scripts/web-build.ts';
import { START } from './pages.ts';

export interface RunningServer {
  url: string;
  /** Demo accounts by user name: sifaju (unit), huailai-czj (reviewer), admin. */
  passwords: Record<string, string>;
  output: () => string;
  stop(): Promise<void>;
}

const LISTENING = /(https?:\/\/127\.0\.0\.1:\d+)/;
const ACCOUNT = /用户名 (\S+)\s+密码 (\S+)/g;

export async function startServer(timeoutMs = START): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--data', dataDir], {
    cwd: ROOT,
    env: { ...process.env, JIXIAO_LANG: 'zh-CN', PORT: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      const killed = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killed);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const url = LISTENING.exec(out)?.[1];
    const passwords = Object.fromEntries([...out.matchAll(ACCOUNT)].map((m) => [m[1]!, m[2]!]));
    if (url && passwords['sifaju'] && passwords['huailai-czj']) return { url, passwords, output: () => out, stop };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`jixiao serve did not start with the demo accounts:\n${out}`);
}
