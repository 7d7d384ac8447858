import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirBusyError, dataDirOwner, lockDataDir, pidFile } from './data-dir-lock.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const linux = existsSync('/proc/self/stat');

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const dataDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'jixiao-lock-'));
  dirs.push(d);
  return d;
};

/** Starts a process and resolves with each line it prints, as they come. */
function start(command: string, args: string[]): { child: ChildProcess; line: () => Promise<string> } {
  const child = spawn(command, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(child);
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  return { child, line: async () => (await lines.next()).value as string };
}

/** The fields of /proc/<pid>/stat from the third (the state) on. */
const stat = (pid: number) => {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return text.slice(text.lastIndexOf(')') + 2).split(' ');
};
const boot = () => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();

describe('the data directory lock', () => {
  it.runIf(linux)('takes over a pid file whose pid now names an unrelated live process (a reused pid)', async () => {
    const { child, line } = start('sh', ['-c', 'echo started; exec sleep 600']);
    await line();
    const dir = dataDir();
    // What a crashed owner left: its pid, reused since by `sleep`, and the identity of the owner itself.
    writeFileSync(pidFile(dir), `${child.pid}\n${boot()}/1\n`);
    expect(dataDirOwner(dir)).toBeUndefined();
    writeFileSync(pidFile(dir), `${process.ppid}\n${boot()}/1\n`);
    const release = lockDataDir(dir);
    // The new owner's identity: its boot and start time (field 22), which a later process with its pid will not have.
    expect(readFileSync(pidFile(dir), 'utf8')).toBe(`${process.pid}\n${boot()}/${stat(process.pid)[19]}\n`);
    release();
    expect(existsSync(pidFile(dir))).toBe(false);
  });

  it.runIf(linux)('takes over a pid file naming a zombie, which answers signals but owns nothing', async () => {
    // The shell starts a child and becomes `sleep`, which never reaps it: the child stays a zombie. The child
    // ends only once the shell has become `sleep` (its comm says so), or the shell could reap it first.
    const waitForExec = 'while [ "$(cat /proc/$$/comm)" != sleep ]; do sleep 0.01; done';
    const { line } = start('sh', ['-c', `(${waitForExec}) & echo $!; exec sleep 600`]);
    const zombie = Number(await line());
    await expect.poll(() => stat(zombie)[0]).toBe('Z');
    const dir = dataDir();
    writeFileSync(pidFile(dir), `${zombie}\n`);
    lockDataDir(dir)();
  });

  it('is kept by a live jixiao owner, which other commands are sent to', async () => {
    const dir = dataDir();
    const code = `import { lockDataDir } from './src/store/data-dir-lock.ts'; lockDataDir(${JSON.stringify(dir)}); console.log('locked'); process.stdin.resume();`;
    const { child, line } = start(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code]);
    expect(await line()).toBe('locked');
    expect(dataDirOwner(dir)).toBe(child.pid);
    expect(() => lockDataDir(dir)).toThrow(DataDirBusyError);
    expect(readFileSync(pidFile(dir), 'utf8').split('\n')[0]).toBe(String(child.pid));
    // Once the owner is gone (killed: it never releases), the directory is free again.
    const exited = new Promise((ok) => child.once('exit', ok));
    child.kill('SIGKILL');
    await exited;
    expect(dataDirOwner(dir)).toBeUndefined();
    lockDataDir(dir)();
  });
});
