/** `jixiao restore FILE`: a snapshot into a new or empty database (never over existing data). */
import type { Command } from 'commander';
import { messages } from '../../i18n/index.ts';
import type { TargetOptions } from '../actions/admin-target.ts';
import { withTargetOptions } from './target-options.ts';

export function registerRestore(program: Command): void {
  const m = messages().server.commands;
  withTargetOptions(program.command('restore <file>').description(m.restore)).action(async (file: string, o: TargetOptions) =>
    (await import('../actions/restore.ts')).runRestore(file, o),
  );
}
