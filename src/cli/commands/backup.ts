/** `jixiao backup FILE`: a consistent snapshot, also while a server is serving the same data. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { messages } from '../../i18n/index.ts';
import type { TargetOptions } from '../actions/admin-target.ts';
import { withTargetOptions } from './target-options.ts';

export function registerBackup(program: Command): void {
  const m = messages().server.commands;
  withTargetOptions(program.command('backup <file>').description(m.backup)).action(async (file: string, o: TargetOptions) => {
    const { fail, runAdmin } = await import('../actions/admin-target.ts');
    // The server may run elsewhere (another working directory): give it an absolute path.
    const { response, viaServer } = await runAdmin(o, { command: 'backup', file: resolve(file) });
    if (!response.ok) return fail(response);
    if (viaServer !== undefined) console.log(m.backupViaServer(viaServer));
    console.log(m.backupDone(file, response.rows ?? 0));
  });
}
