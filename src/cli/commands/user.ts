/** `jixiao user add|passwd|list`: accounts from the command line; passwords are generated and printed once. */
import type { Command } from 'commander';
import { messages } from '../../i18n/index.ts';
import type { TargetOptions } from '../actions/admin-target.ts';
import type { Role } from '../../store/schema.ts';
import { withTargetOptions } from './target-options.ts';

const admin = () => import('../actions/admin-target.ts');

export function registerUser(program: Command): void {
  const m = messages().server.commands;
  const user = program.command('user').description(m.user);
  withTargetOptions(user.command('add <username>').description(m.userAdd))
    .requiredOption('--role <role>', m.roleOption)
    .option('--unit <code>', m.unitOption)
    .option('--bureau <code>', m.bureauOption)
    .option('--name <name>', m.nameOption)
    .action(async (username: string, o: TargetOptions & { role: Role; unit?: string; bureau?: string; name?: string }) => {
      const { fail, runAdmin } = await admin();
      const { response } = await runAdmin(o, {
        command: 'user-add',
        username,
        displayName: o.name ?? username,
        role: o.role,
        unitCode: o.unit,
        bureauCode: o.bureau,
      });
      if (!response.ok) return fail(response);
      console.log(m.userCreated(username, response.password!));
    });
  withTargetOptions(user.command('passwd <username>').description(m.userPasswd)).action(async (username: string, o: TargetOptions) => {
    const { fail, runAdmin } = await admin();
    const { response } = await runAdmin(o, { command: 'user-passwd', username });
    if (!response.ok) return fail(response);
    console.log(m.passwordChanged(username, response.password!));
  });
  withTargetOptions(user.command('list').description(m.userList)).action(async (o: TargetOptions) => {
    const { fail, runAdmin } = await admin();
    const { response } = await runAdmin(o, { command: 'user-list' });
    if (!response.ok) return fail(response);
    for (const u of response.users ?? []) console.log(m.userRow(u.username, u.displayName, u.role, u.scope, u.disabled));
  });
}
