// `pursuit mailbox add|test|list|remove`, `pursuit send`, `pursuit outbox` (list, cancel, settle),
// `pursuit mail sync` (one round of sending and reading, for cron) and `pursuit reply correct`.

import { correctReply } from '../../app/mail/correct.js';
import { deliver } from '../../app/mail/deliver.js';
import type { Delivery } from '../../app/mail/deliver.js';
import {
  connectMailbox,
  findMailbox,
  listMailboxes,
  removeMailbox,
  testMailbox,
} from '../../app/mail/mailboxes.js';
import type { MailboxInput } from '../../app/mail/mailboxes.js';
import { cancelEmail, listOutbox, queueEmail } from '../../app/mail/outbox.js';
import { settleEmail } from '../../app/mail/settle.js';
import { mailSetup, mailboxView, outboxView, replyView } from '../../app/mail/views.js';
import { mailRounds } from '../../app/mail/worker.js';
import type { Mailbox, OutboxItem } from '../../core/records.js';
import { PursuitError } from '../../core/errors.js';
import { EXIT } from '../exit.js';
import { formatWhen } from '../format.js';
import { readSecret, readTextFile } from '../io.js';
import type { Io } from '../program.js';
import { asActor, printJson } from '../session.js';
import type { GlobalOptions } from '../session.js';

export interface MailboxAddOptions extends GlobalOptions {
  address: string;
  name?: string;
  provider?: string;
  smtp?: string;
  smtpSecurity?: string;
  imap?: string;
  imapSecurity?: string;
  username?: string;
  oauth?: string;
  fileSent?: boolean;
}

/** "host:port" or "host" as typed. */
function hostPort(typed: string | undefined, field: string): { host?: string; port?: string } {
  if (typed === undefined) return {};
  const m = /^([^:\s]+)(?::(\d+))?$/.exec(typed.trim());
  if (m === null)
    throw new PursuitError('INVALID_ARGUMENTS', `expected host or host:port, got "${typed}"`, field);
  return { host: m[1] as string, ...(m[2] === undefined ? {} : { port: m[2] }) };
}

function oauthGrant(path: string): MailboxInput['oauth'] {
  let grant: Record<string, unknown>;
  try {
    grant = JSON.parse(readTextFile(path, 'oauth')) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof PursuitError) throw error;
    throw new PursuitError('INVALID_ARGUMENTS', `expected a JSON file: ${(error as Error).message}`, 'oauth');
  }
  const field = (name: string) => (typeof grant[name] === 'string' ? (grant[name] as string) : undefined);
  const clientId = field('clientId') ?? field('client_id');
  const refreshToken = field('refreshToken') ?? field('refresh_token');
  if (clientId === undefined || refreshToken === undefined) {
    throw new PursuitError(
      'INVALID_ARGUMENTS',
      'expected {"clientId", "refreshToken", "clientSecret"?, "tokenUrl"?}',
      'oauth',
    );
  }
  return {
    clientId,
    refreshToken,
    clientSecret: field('clientSecret') ?? field('client_secret'),
    tokenUrl: field('tokenUrl') ?? field('token_uri'),
  };
}

function describeMailbox(m: Mailbox): string {
  const state = m.status === 'ok' ? 'working' : `FAILING: ${m.lastError ?? 'unknown error'}`;
  return `${m.address} (${m.auth}): sends through ${m.smtp.host}:${m.smtp.port}, reads ${m.imap.host}:${m.imap.port}; ${state}`;
}

export async function mailboxAddCommand(options: MailboxAddOptions, io: Io): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const smtp = hostPort(options.smtp, 'smtp');
    const imap = hostPort(options.imap, 'imap');
    const oauth = options.oauth === undefined ? undefined : oauthGrant(options.oauth);
    const password =
      oauth === undefined
        ? await readSecret(io.stdin, io.stderr, `Password for ${options.username ?? options.address}: `)
        : undefined;
    const mailbox = await connectMailbox(ctx, actor, {
      address: options.address,
      name: options.name,
      provider: options.provider,
      smtpHost: smtp.host,
      smtpPort: smtp.port,
      smtpSecurity: options.smtpSecurity,
      imapHost: imap.host,
      imapPort: imap.port,
      imapSecurity: options.imapSecurity,
      username: options.username,
      password,
      oauth,
      fileSent: options.fileSent,
    });
    if (options.json === true) printJson(io, mailboxView(mailbox));
    else {
      io.stdout.write(`Connected ${describeMailbox(mailbox)}.\n`);
      if (ctx.publicUrl === undefined) {
        io.stdout.write(
          'Emails will carry an unsubscribe address; set PURSUIT_PUBLIC_URL for one-click unsubscribe links too.\n',
        );
      }
    }
    return EXIT.ok;
  });
}

export async function mailboxTestCommand(options: GlobalOptions, io: Io): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const mailbox = await testMailbox(ctx, actor);
    if (options.json === true) printJson(io, mailboxView(mailbox));
    else io.stdout.write(`${describeMailbox(mailbox)}.\n`);
    return EXIT.ok;
  });
}

export async function mailboxListCommand(options: GlobalOptions, io: Io): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const all = await listMailboxes(ctx, actor);
    if (options.json === true) printJson(io, all.map(mailboxView));
    else if (all.length === 0) {
      const setup = mailSetup(ctx, await findMailbox(ctx, actor));
      io.stdout.write(
        setup.canConnect
          ? 'No mailbox connected: pursuit mailbox add --address you@example.com\n'
          : 'No mailbox connected. Set PURSUIT_SECRET_KEY (openssl rand -base64 32) first: it encrypts mailbox passwords.\n',
      );
    } else io.stdout.write(`${all.map(describeMailbox).join('\n')}\n`);
    return EXIT.ok;
  });
}

export async function mailboxRemoveCommand(
  typed: string | undefined,
  options: GlobalOptions,
  io: Io,
): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const removed = await removeMailbox(ctx, actor, typed);
    if (options.json === true) printJson(io, mailboxView(removed));
    else
      io.stdout.write(
        `Disconnected ${removed.address}: Pursuit sends nothing more from it and reads no more of it.\n`,
      );
    return EXIT.ok;
  });
}

function describeEmail(o: OutboxItem, zone: string): string {
  const to = `${o.toName ?? o.toAddress} <${o.toAddress}>`;
  switch (o.status) {
    case 'sent':
      return `Sent "${o.subject}" to ${to}${o.sentAt === null ? '' : `, ${formatWhen(o.sentAt, zone)}`}.`;
    case 'queued':
      return `"${o.subject}" to ${to} goes ${o.mode === 'window' ? 'in their business hours, ' : ''}${formatWhen(o.sendAfter, zone)}${o.lastError === null ? '' : ` (last try: ${o.lastError})`}.`;
    case 'unconfirmed':
      return `"${o.subject}" to ${to} may have gone: ${o.lastError ?? 'its sending was cut off'}. Then: pursuit outbox settle ${o.id} --went|--not-sent`;
    case 'bounced':
      return `"${o.subject}" to ${to} bounced: ${o.lastError ?? ''}. Pursuit will not write to that address again.`;
    default:
      return `"${o.subject}" to ${to}: ${o.status}${o.lastError === null ? '' : ` (${o.lastError})`}.`;
  }
}

export interface SendOptions extends GlobalOptions {
  subject?: string;
  body?: string;
  bodyFile?: string;
  later?: boolean;
}

export async function sendCommand(prospect: string, options: SendOptions, io: Io): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const body = options.bodyFile === undefined ? options.body : readTextFile(options.bodyFile, 'body-file');
    const queued = await queueEmail(ctx, actor, prospect, {
      subject: options.subject,
      body,
      when: options.later === true ? 'window' : 'now',
    });
    let done: Delivery | undefined;
    if (queued.status === 'queued' && queued.sendAfter <= ctx.now()) done = await deliver(ctx, queued.id);
    const item = done?.item ?? queued;
    if (options.json === true) printJson(io, outboxView(item));
    else io.stdout.write(`${describeEmail(item, actor.timezone)}\n`);
    return item.status === 'failed' ? EXIT.unusable : EXIT.ok;
  });
}

export async function outboxListCommand(options: GlobalOptions, io: Io): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const items = await listOutbox(ctx, actor);
    if (options.json === true) printJson(io, items.map(outboxView));
    else if (items.length === 0)
      io.stdout.write('The outbox is empty: pursuit send PROSPECT sends the email on the agenda.\n');
    else
      io.stdout.write(
        `${items.map((o) => `${o.id.slice(0, 8)}  ${describeEmail(o, actor.timezone)}`).join('\n')}\n`,
      );
    return EXIT.ok;
  });
}

/** An email's id as typed: whole, or its first characters when they name one email. */
async function emailId(io: Io, options: GlobalOptions, typed: string): Promise<string> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const matches = (await listOutbox(ctx, actor, 500)).filter((o) => o.id.startsWith(typed));
    if (matches.length === 1) return (matches[0] as OutboxItem).id;
    throw new PursuitError(
      matches.length === 0 ? 'NOT_FOUND' : 'AMBIGUOUS',
      matches.length === 0
        ? `no email "${typed}" in your outbox`
        : `"${typed}" names ${matches.length} emails: type more of its id`,
      'email',
    );
  });
}

export async function outboxCancelCommand(typed: string, options: GlobalOptions, io: Io): Promise<number> {
  const id = await emailId(io, options, typed);
  return asActor(io, options, async ({ ctx }, actor) => {
    const item = await cancelEmail(ctx, actor, id);
    if (options.json === true) printJson(io, outboxView(item));
    else io.stdout.write(`Cancelled "${item.subject}" to ${item.toAddress}.\n`);
    return EXIT.ok;
  });
}

export async function outboxSettleCommand(
  typed: string,
  options: GlobalOptions & { went?: boolean; notSent?: boolean },
  io: Io,
): Promise<number> {
  if ((options.went === true) === (options.notSent === true)) {
    throw new PursuitError(
      'INVALID_ARGUMENTS',
      'say --went (it is in your Sent folder) or --not-sent (send it now)',
      'went',
    );
  }
  const id = await emailId(io, options, typed);
  return asActor(io, options, async ({ ctx }, actor) => {
    let item = await settleEmail(ctx, actor, id, options.went === true);
    if (item.status === 'queued') item = (await deliver(ctx, item.id)).item;
    if (options.json === true) printJson(io, outboxView(item));
    else io.stdout.write(`${describeEmail(item, actor.timezone)}\n`);
    return EXIT.ok;
  });
}

export async function mailSyncCommand(options: GlobalOptions, io: Io): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const rounds = await mailRounds(ctx, actor.orgId);
    if (options.json === true) {
      printJson(
        io,
        rounds.map((r) => ({
          mailbox: r.mailbox.address,
          skipped: r.skipped ?? null,
          settled: r.settled,
          sent: r.deliveries.filter((d) => d.outcome === 'sent').length,
          deliveries: r.deliveries.map((d) => ({
            outcome: d.outcome,
            email: d.item === undefined ? null : outboxView(d.item),
          })),
          read: r.sync?.read ?? 0,
          replies: r.sync?.replies ?? 0,
          bounces: r.sync?.bounces ?? 0,
        })),
      );
      return EXIT.ok;
    }
    if (rounds.length === 0) io.stdout.write('No mailbox is connected: nothing to send or read.\n');
    for (const r of rounds) {
      const sent = r.deliveries.filter((d) => d.outcome === 'sent').length;
      io.stdout.write(
        r.skipped === undefined
          ? `${r.mailbox.address}: ${sent} sent, ${r.sync?.read ?? 0} new messages read, ${r.sync?.replies ?? 0} replies and ${r.sync?.bounces ?? 0} bounces logged${r.settled === 0 ? '' : `, ${r.settled} cut-off sends settled`}.\n`
          : `${r.mailbox.address}: skipped (${r.skipped}).\n`,
      );
    }
    return rounds.some((r) => r.skipped !== undefined && !/another process/.test(r.skipped))
      ? EXIT.unavailable
      : EXIT.ok;
  });
}

export async function replyCorrectCommand(
  prospect: string,
  reply: string,
  options: GlobalOptions & { kind: string; until?: string },
  io: Io,
): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const corrected = await correctReply(ctx, actor, prospect, reply, options.kind, options.until);
    if (options.json === true) printJson(io, replyView(corrected));
    else
      io.stdout.write(
        `Now read as ${options.kind}${options.until === undefined ? '' : ` until ${options.until}`}; the prospect was decided again.\n`,
      );
    return EXIT.ok;
  });
}
