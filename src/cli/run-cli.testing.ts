/** Runs the real `jixiao` command in a child process, as a user would (for the CLI's end-to-end tests). */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/** The seed document and its fixture actuals, as monitor and evaluate read them. */
export const SEED = 'samples/huailai-sifaju-2020.txt';
export const SEED_ACTUALS = 'src/formats/actuals/fixtures/huailai-2020-actuals.csv';

/** `jixiao <command>` (monitor, evaluate) on the seed document and its actuals. */
export const runOnSeedYear = (command: string, ...args: string[]) => runCli([command, SEED, '--actuals', SEED_ACTUALS, ...args]);
