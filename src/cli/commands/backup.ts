/** `jixiao backup FILE`: a consistent snapshot, also while a server is serving the same data. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { messages } from '../../i18n/index.ts';
import { fail, runAdmin, withTargetOptions, type TargetOptions } from './admin-target.ts';

export function registerBackup(program: Command): void {
  const m = messages().server.commands;
  withTargetOptions(program.command('backup <file>').description(m.backup)).action(async (file: string, o: TargetOptions) => {
    // The server may run elsewhere (another working directory): give it an absolute path.
    const { response, viaServer } = await runAdmin(o, { command: 'backup', file: resolve(file) });
    if (!response.ok) fail(response);
    if (viaServer !== undefined) console.log(m.backupViaServer(viaServer));
    console.log(m.backupDone(file, response.rows ?? 0));
  });
}
