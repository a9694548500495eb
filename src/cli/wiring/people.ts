// The commands about people and records: init, user, prospect and contact (commander wiring only).

import type { Command } from 'commander';
import type { ContactOptions, ListOptions, ProspectOptions } from '../commands/prospects.js';
import type { InitOptions, UserAddOptions } from '../commands/setup.js';
import type { AuditOptions } from '../commands/access.js';
import type {
  AddOptions,
  LiftOptions,
  ListOptions as SuppressionListOptions,
} from '../commands/suppressions.js';
import type { Io } from '../program.js';
import type { GlobalOptions } from '../session.js';
import { common } from './common.js';
import type { Done } from './common.js';

// Loaded when a command runs (see program.ts).
const prospectsModule = () => import('../commands/prospects.js');
const setupModule = () => import('../commands/setup.js');
const accessModule = () => import('../commands/access.js');
const suppressionsModule = () => import('../commands/suppressions.js');

/** The do-not-contact list (admins): an objection to contact belongs to the person. */
function suppressionCommands(program: Command, io: Io, done: Done): void {
  const list = program
    .command('suppression')
    .description('the do-not-contact list: addresses and numbers of people who opted out (admins)');
  common(
    list
      .command('list')
      .description('the entries in force, newest first (with their source and date)')
      .option('--search <text>', 'part of an address or number')
      .option('--all', 'lifted entries too')
      .option('--limit <n>', 'at most this many (default 100)')
      .option('--offset <n>', 'skip this many'),
  ).action(async (o: SuppressionListOptions) =>
    done(await (await suppressionsModule()).suppressionListCommand(o, io)),
  );
  common(
    list
      .command('add')
      .description('put an address and/or a number on the list (someone who asked by other means)')
      .option('--email <email>', 'their email address')
      .option('--phone <phone>', 'their phone number')
      .option('--timezone <iana>', "the number's zone, when it has no country code"),
  ).action(async (o: AddOptions) => done(await (await suppressionsModule()).suppressionAddCommand(o, io)));
  common(
    list
      .command('lift')
      .description('lift an entry (it is kept, with who lifted it, when and why)')
      .argument('<id>', 'the entry (see suppression list)')
      .requiredOption('--reason <text>', 'why: their renewed consent, a mistake'),
  ).action(async (id: string, o: LiftOptions) =>
    done(await (await suppressionsModule()).suppressionLiftCommand(id, o, io)),
  );
}

export function peopleCommands(program: Command, io: Io, done: Done): void {
  suppressionCommands(program, io, done);
  common(
    program
      .command('init')
      .description('create the database, the first organisation and its admin')
      .requiredOption('--org <name>', 'the organisation')
      .requiredOption('--name <name>', "the admin's name")
      .requiredOption('--email <email>', "the admin's email")
      .option('--timezone <iana>', "the admin's time zone (default: this machine's)"),
  ).action(async (o: InitOptions) => done(await (await setupModule()).initCommand(o, io)));

  const user = program.command('user').description('users: reps, managers, admins');
  common(
    user
      .command('add')
      .description('add a user (admins only)')
      .argument('<name>', 'full name')
      .requiredOption('--email <email>', 'email, also their sign-in')
      .option('--role <role>', 'rep, manager or admin', 'rep')
      .option('--manager <user>', 'the manager whose team they are in')
      .option('--timezone <iana>', 'their time zone (default: yours)')
      .option('--phone <phone>', 'their phone, for voicemail scripts')
      .option('--hourly-value <amount>', "what an hour of their time earns (default: the playbook's)"),
  ).action(async (name: string, o: UserAddOptions) =>
    done(await (await setupModule()).userAddCommand(name, o, io)),
  );
  common(
    user
      .command('password')
      .description("set a user's password for the web app: yours, or anyone's for an admin (typed, or piped)")
      .argument('[user]', 'name or email (default: you)'),
  ).action(async (typed: string | undefined, o: GlobalOptions) =>
    done(await (await setupModule()).userPasswordCommand(typed, o, io)),
  );
  common(user.command('list').description('list the users')).action(async (o: GlobalOptions) =>
    done(await (await setupModule()).userListCommand(o, io)),
  );
  common(
    user
      .command('sign-out')
      .description(
        "sign a user out of every browser and revoke all their API tokens: yours, or anyone's for an admin",
      )
      .argument('[user]', 'name or email (default: you)'),
  ).action(async (typed: string | undefined, o: GlobalOptions) =>
    done(await (await accessModule()).signOutCommand(typed, o, io)),
  );
  common(
    program
      .command('audit')
      .description('the audit log, newest first (admins): sign-ins, sign-outs, tokens, passwords, users')
      .option('--limit <n>', 'at most this many entries (default 50, at most 1000)')
      .option('--before <id>', 'the next page: entries before this one')
      .option('--action <action>', 'only this kind, like sign-in-failed'),
  ).action(async (o: AuditOptions) => done(await (await accessModule()).auditCommand(o, io)));

  const prospectOptions = (c: Command) =>
    c
      .option('--owner <user>', 'the rep who owns it (default: you)')
      .option('--relationship <kind>', 'prospect, customer or ex-customer')
      .option('--source <source>', 'inbound, outbound, referral or event')
      .option('--deal-value <amount>', 'expected deal value')
      .option('--icp-fit <fit>', 'fit, partial, poor or unknown')
      .option('--serious <yes|no|unknown>', 'are they serious about changing?')
      .option('--goals-clear <yes|no|unknown>', 'are their goals clear?')
      .option('--price-only <yes|no|unknown>', 'does it stay on price alone?')
      .option('--product-fit <fit>', 'fit, no-fit or unknown')
      .option('--do-not-contact', 'never contact anyone there');
  const prospect = program.command('prospect').description('prospects: add, edit, show, list');
  common(
    prospectOptions(
      prospect
        .command('add')
        .description('add a prospect with its first contact')
        .argument('<name>', 'the company or person')
        .requiredOption('--contact <name>', 'the primary contact')
        .option('--email <email>', "the contact's email")
        .option('--phone <phone>', "the contact's phone")
        .option('--timezone <iana>', "the contact's time zone (default: the owner's)")
        .option('--created <time>', 'when the lead came in (default: now)'),
    ),
  ).action(async (name: string, o: ProspectOptions & { created?: string }) =>
    done(
      await (
        await prospectsModule()
      ).prospectAddCommand(name, { ...o, ...(o.created === undefined ? {} : { createdAt: o.created }) }, io),
    ),
  );
  common(
    prospectOptions(
      prospect
        .command('edit')
        .description('change a prospect; its decision is updated at once')
        .argument('<prospect>', 'name (or part of it) or id')
        .option('--rename <name>', 'a new name'),
    ),
  ).action(async (typed: string, o: ProspectOptions & { rename?: string }) =>
    done(await (await prospectsModule()).prospectEditCommand(typed, o, io)),
  );
  common(
    prospect
      .command('show')
      .description(
        'timeline, contacts, and the current decision with its reason, model numbers and diagnosis',
      )
      .argument('<prospect>', 'name (or part of it) or id'),
  ).action(async (typed: string, o: GlobalOptions) =>
    done(await (await prospectsModule()).prospectShowCommand(typed, o, io)),
  );
  common(
    prospect
      .command('list')
      .description('your prospects (a manager: the team; an admin: everyone) with their next action')
      .option('--search <text>', "a prospect's name, or a contact's name or email, containing this")
      .option('--owner <user>', "one rep's prospects")
      .option('--limit <n>', 'at most this many'),
  ).action(async (o: ListOptions) => done(await (await prospectsModule()).prospectListCommand(o, io)));

  const contact = program.command('contact').description("a prospect's contacts");
  const contactOptions = (c: Command) =>
    c
      .option('--email <email>', 'email')
      .option('--phone <phone>', 'phone')
      .option('--timezone <iana>', 'time zone')
      .option('--role <role>', 'primary or stakeholder')
      .option('--do-not-contact', 'they opted out: never contact them');
  common(
    contactOptions(
      contact
        .command('add')
        .description('add a contact')
        .argument('<prospect>', 'the prospect')
        .argument('<name>', 'their name'),
    ),
  ).action(async (p: string, name: string, o: ContactOptions) =>
    done(await (await prospectsModule()).contactAddCommand(p, name, o, io)),
  );
  common(
    contactOptions(
      contact
        .command('edit')
        .description('change a contact')
        .argument('<prospect>', 'the prospect')
        .argument('<contact>', 'the contact')
        .option('--rename <name>', 'a new name'),
    ),
  ).action(async (p: string, name: string, o: ContactOptions) =>
    done(await (await prospectsModule()).contactEditCommand(p, name, o, io)),
  );
}
