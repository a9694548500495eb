// `pursuit demo` (and `npm start`): a realistic demo organisation in its own database, then one
// rep's agenda and the logins, so a newcomer sees every kind of decision at once.

import {
  createDemo,
  demoLogins,
  DEMO_MAX_PROSPECTS,
  DEMO_ORGANISATION,
  DEMO_PASSWORD,
} from '../../app/demo/demo.js';
import { listOrganisations } from '../../app/accounts/workspace.js';
import { PursuitError } from '../../core/errors.js';
import { organisationView, userView } from '../../app/accounts/views.js';
import { EXIT } from '../exit.js';
import type { Io } from '../program.js';
import { DEMO_DB } from '../../app/config.js';
import { printJson, wholeNumber, withSession } from '../session.js';
import { agendaCommand } from './day.js';
import { serveCommand } from './serve.js';

export interface DemoOptions {
  seed?: string;
  prospects?: string;
  json?: boolean;
  /** Then serve the web app on it (`npm start`). */
  serve?: boolean;
  port?: string;
  host?: string;
}

export async function demoCommand(options: DemoOptions, io: Io): Promise<number> {
  // Read before any database is opened: a mistyped count makes nothing.
  const seed = wholeNumber('seed', options.seed, 0, 0xffffffff);
  const prospects = wholeNumber('prospects', options.prospects, 1, DEMO_MAX_PROSPECTS);
  // The demo never lands in the team's own database unless asked to.
  const env =
    io.env.DATABASE_URL === undefined && io.env.PURSUIT_DB === undefined
      ? { ...io.env, PURSUIT_DB: DEMO_DB }
      : io.env;
  const demoIo: Io = { ...io, env };
  const created = await withSession(demoIo, async ({ ctx }) => {
    const existing = await listOrganisations(ctx);
    if (existing.length > 0) {
      if (existing.some((o) => o.name === DEMO_ORGANISATION)) return undefined;
      throw new PursuitError(
        'CONFLICT',
        `this database holds ${existing[0]?.name ?? 'another organisation'}, not the demo: run the demo with PURSUIT_DB=${DEMO_DB}`,
      );
    }
    return createDemo(ctx, {
      ...(seed === undefined ? {} : { seed }),
      ...(prospects === undefined ? {} : { prospects }),
    });
  });
  const logins = demoLogins();
  if (options.json === true) {
    printJson(io, {
      database: env.DATABASE_URL === undefined ? env.PURSUIT_DB : 'DATABASE_URL',
      created:
        created === undefined
          ? undefined
          : {
              ...created,
              organisation: organisationView(created.organisation),
              users: created.users.map((u) => userView(u)),
            },
      logins,
      password: DEMO_PASSWORD,
    });
    return EXIT.ok;
  }
  const where = env.DATABASE_URL === undefined ? (env.PURSUIT_DB as string) : 'the DATABASE_URL database';
  io.stdout.write(
    created === undefined
      ? `The ${DEMO_ORGANISATION} demo is in ${where}.\n\n`
      : `Created the ${DEMO_ORGANISATION} demo in ${where}: ${created.users.length} users, ${created.prospects} prospects, ${created.events} logged events.\n\n`,
  );
  const rep = logins.find((l) => l.role === 'rep') ?? logins[0];
  if (rep !== undefined) {
    const status = await agendaCommand({ as: rep.email }, demoIo);
    if (status !== EXIT.ok) return status;
  }
  const prefix =
    env.PURSUIT_DB === DEMO_DB && io.env.PURSUIT_DB === undefined ? `PURSUIT_DB=${DEMO_DB} ` : '';
  if (options.serve === true) {
    io.stdout.write(
      [
        `Demo logins (password ${DEMO_PASSWORD} for all):`,
        ...logins.map((l) => `  ${l.email.padEnd(26)} ${l.role.padEnd(8)} ${l.name} (${l.timezone})`),
        '',
        '',
      ].join('\n'),
    );
    return serveCommand({ port: options.port, host: options.host, logLevel: 'warn' }, demoIo);
  }
  io.stdout.write(
    [
      `Demo logins (--as EMAIL on the command line; in the web app, \`pursuit serve\`, the password is ${DEMO_PASSWORD}):`,
      ...logins.map((l) => `  ${l.email.padEnd(26)} ${l.role.padEnd(8)} ${l.name} (${l.timezone})`),
      '',
      'Try:',
      `  ${prefix}npx pursuit agenda --as ${logins.find((l) => l.role === 'rep' && l !== rep)?.email ?? rep?.email ?? ''}`,
      `  ${prefix}npx pursuit pipeline --as ${logins.find((l) => l.role === 'manager')?.email ?? ''}`,
      `  ${prefix}npx pursuit prospect list --as ${rep?.email ?? ''}`,
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}
