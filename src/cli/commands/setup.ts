// `pursuit init` and `pursuit user add|list`.

import { COMMAND_LINE } from '../../app/accounts/audit.js';
import { setPassword } from '../../app/accounts/credentials.js';
import { addUser, init, listUsers } from '../../app/accounts/workspace.js';
import type { User } from '../../core/records.js';
import { organisationView, userView } from '../../app/accounts/views.js';
import { EXIT } from '../exit.js';
import type { Io } from '../program.js';
import { readSecret } from '../io.js';
import { asActor, printJson, withSession } from '../session.js';
import type { GlobalOptions } from '../session.js';

export interface InitOptions extends GlobalOptions {
  org: string;
  name: string;
  email: string;
  timezone?: string;
}

const systemZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export async function initCommand(options: InitOptions, io: Io): Promise<number> {
  return withSession(io, async ({ ctx, config }) => {
    const { org, admin } = await init(ctx, {
      organisation: options.org,
      name: options.name,
      email: options.email,
      timezone: options.timezone ?? systemZone(),
    });
    if (options.json === true)
      printJson(io, { organisation: organisationView(org), admin: userView(admin, admin) });
    else {
      const where = config.database.kind === 'sqlite' ? config.database.path : 'PostgreSQL (DATABASE_URL)';
      io.stdout.write(
        `Created ${org.name} in ${where}, with ${admin.name} <${admin.email}> as admin (${admin.timezone}).\n` +
          `Next: pursuit user password --as ${admin.email}     (for the web app, pursuit serve)\n` +
          `      pursuit user add "Dana Whitfield" --email dana@example.com --role rep\n` +
          `      pursuit prospect add "Acme Corp" --contact "Peter Lee" --phone "+1 555 0100" --as dana@example.com\n`,
      );
    }
    return EXIT.ok;
  });
}

export interface UserAddOptions extends GlobalOptions {
  email: string;
  role?: string;
  manager?: string;
  timezone?: string;
  phone?: string;
  hourlyValue?: string;
}

export async function userAddCommand(name: string, options: UserAddOptions, io: Io): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const user = await addUser(ctx, actor, { ...options, name }, COMMAND_LINE);
    if (options.json === true) printJson(io, userView(user, actor));
    else io.stdout.write(`Added ${user.role} ${user.name} <${user.email}> (${user.timezone}).\n`);
    return EXIT.ok;
  });
}

function describeUser(u: User, all: User[]): string {
  const manager = all.find((m) => m.id === u.managerId);
  return `${u.name.padEnd(24)} ${u.email.padEnd(28)} ${u.role.padEnd(8)} ${u.timezone}${manager === undefined ? '' : `  (team of ${manager.name})`}`;
}

export async function userListCommand(options: GlobalOptions, io: Io): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const all = await listUsers(ctx, actor);
    if (options.json === true)
      printJson(
        io,
        all.map((u) => userView(u, actor)),
      );
    else io.stdout.write(`${all.map((u) => describeUser(u, all)).join('\n')}\n`);
    return EXIT.ok;
  });
}

export async function userPasswordCommand(
  typed: string | undefined,
  options: GlobalOptions,
  io: Io,
): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const password = await readSecret(io.stdin, io.stderr, `New password for ${typed ?? actor.email}: `);
    const user = await setPassword(ctx, actor, typed, password, COMMAND_LINE);
    if (options.json === true) printJson(io, { user: user.email, set: true });
    else
      io.stdout.write(
        `Set the password of ${user.name} <${user.email}>; they sign in to the web app with it. Their browsers are signed out; their API tokens keep working (pursuit user sign-out ends both).\n`,
      );
    return EXIT.ok;
  });
}
