/**
 * Old binary Word (.doc) and Excel (.xls) files, converted by LibreOffice to .docx and .xlsx, which
 * the table readers read: parsing those binary formats is LibreOffice's decades of work, not ours.
 * Each conversion has its own temporary directory and LibreOffice profile (so conversions in
 * parallel do not share a lock), removed afterwards, and a time limit after which LibreOffice and
 * every process it started are stopped.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { named } from '../../i18n/message-ref.ts';
import { ImportError } from '../import-error.ts';

export type OldFormat = 'doc' | 'xls';

/** A large .xls takes LibreOffice some seconds; a minute means it hangs on the file. */
export const CONVERSION_SECONDS = 60;

const TARGET: Record<OldFormat, 'docx' | 'xlsx'> = { doc: 'docx', xls: 'xlsx' };

export async function convertOldFormat(bytes: Uint8Array, fileName: string, format: OldFormat): Promise<Uint8Array> {
  const kind = format === 'doc' ? named.formats.tables.word : named.formats.tables.excel;
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-convert-'));
  try {
    const input = join(dir, `in.${format}`);
    await writeFile(input, bytes);
    const args = [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      TARGET[format],
      '--outdir',
      join(dir, 'out'),
      input,
    ];
    const outcome = await run('soffice', args, CONVERSION_SECONDS * 1000);
    if (outcome.kind === 'missing') throw new ImportError({ file: fileName }, named.formats.tables.libreOfficeMissing(kind));
    if (outcome.kind === 'timeout')
      throw new ImportError({ file: fileName }, named.formats.tables.conversionTimedOut(kind, CONVERSION_SECONDS));
    const written = await readdir(join(dir, 'out')).catch(() => [] as string[]);
    const output = written.find((f) => f.endsWith(`.${TARGET[format]}`));
    if (outcome.code !== 0 || output === undefined) {
      const reason = outcome.stderr.trim().split('\n').at(-1) || `exit ${outcome.code}`;
      throw new ImportError({ file: fileName }, named.formats.tables.conversionFailed(kind, reason));
    }
    return new Uint8Array(await readFile(join(dir, 'out', output)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

type Outcome = { kind: 'missing' } | { kind: 'timeout' } | { kind: 'exited'; code: number | null; stderr: string };

function run(command: string, args: string[], timeoutMs: number): Promise<Outcome> {
  return new Promise((resolve) => {
    // Its own process group, so that a time-out stops soffice.bin as well as the soffice script.
    const child = spawn(command, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let timedOut = false;
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 10_000) stderr += chunk.toString();
    });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, timeoutMs);
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(e.code === 'ENOENT' ? { kind: 'missing' } : { kind: 'exited', code: null, stderr: e.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(timedOut ? { kind: 'timeout' } : { kind: 'exited', code, stderr });
    });
  });
}
