// `pursuit audit` (an admin reads the audit log) and `pursuit user sign-out` (end every browser
// session of a user and revoke their API tokens).

import { COMMAND_LINE, readAudit } from '../../app/accounts/audit.js';
import { signOutEverywhere } from '../../app/accounts/sign-out.js';
import { auditPageView, userView } from '../../app/accounts/views.js';
import { EXIT } from '../exit.js';
import { formatWhen } from '../format.js';
import type { Io } from '../program.js';
import { asActor, printJson } from '../session.js';
import type { GlobalOptions } from '../session.js';

export interface AuditOptions extends GlobalOptions {
  limit?: string;
  before?: string;
  action?: string;
}

export async function auditCommand(options: AuditOptions, io: Io): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const limit = options.limit === undefined ? 50 : Number(options.limit);
    const read = await readAudit(ctx, actor, { ...options, limit: options.limit ?? limit });
    const page = auditPageView(read, limit);
    if (options.json === true) {
      printJson(io, page);
      return EXIT.ok;
    }
    if (page.entries.length === 0) io.stdout.write('The audit log has nothing to show.\n');
    for (const e of page.entries) {
      const who = e.actor === null ? '' : ` by ${e.actor.name}`;
      const about = e.subject === null || e.subject.id === e.actor?.id ? '' : ` (${e.subject.name})`;
      const from = [e.via, e.address].filter((x) => x !== null).join(' ');
      io.stdout.write(
        `${formatWhen(Date.parse(e.at), actor.timezone)}  ${e.action}${who}${about}${from === '' ? '' : `  [${from}]`}${e.detail === null ? '' : `  ${e.detail}`}\n`,
      );
    }
    if (page.next !== null) io.stdout.write(`More: pursuit audit --before ${page.next}\n`);
    return EXIT.ok;
  });
}

export async function signOutCommand(
  typed: string | undefined,
  options: GlobalOptions,
  io: Io,
): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const done = await signOutEverywhere(ctx, actor, typed, COMMAND_LINE);
    if (options.json === true) printJson(io, { ...done, user: userView(done.user, actor) });
    else
      io.stdout.write(
        `Signed ${done.user.name} <${done.user.email}> out everywhere: ${done.sessionsEnded} browser session(s) ended, ${done.tokensRevoked} API token(s) revoked.\n`,
      );
    return EXIT.ok;
  });
}
