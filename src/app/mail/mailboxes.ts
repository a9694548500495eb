// Connecting a rep's own mailbox: where to send (SMTP) and read (IMAP), as whom, with a password or
// OAuth2 (Gmail, Microsoft 365: Pursuit refreshes the access token itself). Both servers are tried
// before anything is kept, so a mailbox that is stored works; its secret is sealed at rest and never
// shown again. Well-known providers fill in their servers.

import { randomUUID } from 'node:crypto';
import { PursuitError } from '../../core/errors.js';
import type { MailSecurity, Mailbox, User } from '../../core/records.js';
import { folders, imapClient } from '../../integrations/mail/imap.js';
import { TOKEN_URLS, needsRefresh, refreshTokens } from '../../integrations/mail/oauth.js';
import type { OAuthClient, OAuthTokens } from '../../integrations/mail/oauth.js';
import { checkSmtp } from '../../integrations/mail/smtp.js';
import type { MailAuth } from '../../integrations/mail/smtp.js';
import { mailboxes } from '../../store/repositories/mail.repository.js';
import { users } from '../../store/repositories/people.repository.js';
import type { AppContext } from '../context.js';
import { inTransaction } from '../context.js';
import { resolveName } from '../accounts/actors.js';
import { email, oneOf, text } from '../inputs.js';
import { seal, unseal } from './secrets.js';

export type Provider = 'gmail' | 'microsoft' | 'other';

/** What a person types to connect a mailbox (flags, a form): every value checked here. */
export interface MailboxInput {
  address: string;
  name?: string | undefined;
  provider?: string | undefined;
  smtpHost?: string | undefined;
  smtpPort?: string | number | undefined;
  smtpSecurity?: string | undefined;
  imapHost?: string | undefined;
  imapPort?: string | number | undefined;
  imapSecurity?: string | undefined;
  username?: string | undefined;
  password?: string | undefined;
  oauth?:
    | {
        tokenUrl?: string | undefined;
        clientId: string;
        clientSecret?: string | undefined;
        refreshToken: string;
      }
    | undefined;
  /** File a copy of what Pursuit sends in Sent (default: unless the provider does it itself). */
  fileSent?: boolean | undefined;
}

/** What a mailbox's sealed secret holds. */
export type MailboxSecret = { password: string } | { oauth: OAuthClient & OAuthTokens };

const PRESETS: Record<Exclude<Provider, 'other'>, Pick<Mailbox, 'smtp' | 'imap'>> = {
  gmail: {
    smtp: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
    imap: { host: 'imap.gmail.com', port: 993, security: 'tls' },
  },
  microsoft: {
    smtp: { host: 'smtp.office365.com', port: 587, security: 'starttls' },
    imap: { host: 'outlook.office365.com', port: 993, security: 'tls' },
  },
};

const SECURITIES = ['tls', 'starttls', 'none'] as const;

function port(field: string, value: string | number | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw new PursuitError('INVALID_INPUT', `expected a port from 1 to 65535, got "${String(value)}"`, field);
  }
  return n;
}

function server(
  input: MailboxInput,
  kind: 'smtp' | 'imap',
  preset: Pick<Mailbox, 'smtp' | 'imap'> | undefined,
): Mailbox['smtp'] {
  const host = text(`${kind}Host`, input[`${kind}Host`]) ?? preset?.[kind].host;
  if (host === undefined) {
    throw new PursuitError(
      'INVALID_INPUT',
      `say where the ${kind.toUpperCase()} server is (its host name)`,
      `${kind}Host`,
    );
  }
  const security: MailSecurity =
    oneOf(`${kind}Security`, input[`${kind}Security`], SECURITIES) ?? preset?.[kind].security ?? 'tls';
  if (security === 'none' && !/^(localhost|127\.\d+\.\d+\.\d+|::1)$/.test(host)) {
    throw new PursuitError(
      'INVALID_INPUT',
      `a password would cross the network unencrypted: use tls or starttls for ${host}`,
      `${kind}Security`,
    );
  }
  const defaults = {
    smtp: { tls: 465, starttls: 587, none: 25 },
    imap: { tls: 993, starttls: 143, none: 143 },
  };
  const p = port(`${kind}Port`, input[`${kind}Port`]) ?? preset?.[kind].port ?? defaults[kind][security];
  return { host: host.toLowerCase(), port: p, security };
}

function providerOf(input: MailboxInput, address: string): Provider {
  const typed = oneOf('provider', input.provider, ['gmail', 'microsoft', 'other'] as const);
  if (typed !== undefined) return typed;
  if (input.smtpHost !== undefined || input.imapHost !== undefined) return 'other';
  if (/@(gmail|googlemail)\.com$/.test(address)) return 'gmail';
  if (/@(outlook|hotmail|live)\.[a-z.]+$/.test(address)) return 'microsoft';
  return 'other';
}

function secretOf(input: MailboxInput, provider: Provider): MailboxSecret {
  if (input.oauth !== undefined) {
    const o = input.oauth;
    const tokenUrl =
      text('oauth.tokenUrl', o.tokenUrl) ??
      (provider === 'gmail'
        ? TOKEN_URLS.google
        : provider === 'microsoft'
          ? TOKEN_URLS.microsoft
          : undefined);
    if (tokenUrl === undefined || !/^https?:\/\//.test(tokenUrl)) {
      throw new PursuitError(
        'INVALID_INPUT',
        "expected the provider's OAuth2 token URL (https://...)",
        'oauth.tokenUrl',
      );
    }
    return {
      oauth: {
        tokenUrl,
        clientId: text('oauth.clientId', o.clientId) as string,
        clientSecret: text('oauth.clientSecret', o.clientSecret),
        refreshToken: text('oauth.refreshToken', o.refreshToken) as string,
      },
    };
  }
  if (input.password === undefined || input.password === '') {
    throw new PursuitError(
      'INVALID_INPUT',
      'give the mailbox password (for Gmail and Microsoft 365, an app password or OAuth2)',
      'password',
    );
  }
  return { password: input.password };
}

/** The sign-in to use now: the password, or a live OAuth2 access token (refreshed, and kept, when due). */
export async function mailAuth(ctx: AppContext, mailbox: Mailbox): Promise<MailAuth> {
  const secret = unseal<MailboxSecret>(ctx, mailbox.secret);
  if ('password' in secret) return { user: mailbox.username, pass: secret.password };
  const now = ctx.now();
  let tokens: OAuthTokens = secret.oauth;
  if (needsRefresh(tokens, now)) {
    tokens = await refreshTokens(secret.oauth, tokens, now);
    const sealed = seal(ctx, { oauth: { ...secret.oauth, ...tokens } });
    await inTransaction(ctx, (q) => mailboxes.setSecret(q, mailbox.id, sealed, now));
    mailbox.secret = sealed;
  }
  return { user: mailbox.username, accessToken: tokens.accessToken as string };
}

/** Signs in to both servers; the first failure says which server and why. Returns the Sent folder. */
async function tryMailbox(ctx: AppContext, mailbox: Mailbox): Promise<string | undefined> {
  let auth: MailAuth;
  try {
    auth = await mailAuth(ctx, mailbox);
  } catch (error) {
    throw new PursuitError('INVALID_INPUT', (error as Error).message, 'oauth');
  }
  try {
    await checkSmtp(mailbox.smtp, auth);
  } catch (error) {
    throw new PursuitError('INVALID_INPUT', `cannot send: ${(error as Error).message}`, 'smtp');
  }
  const client = imapClient({ server: mailbox.imap, auth });
  try {
    await client.connect();
    return (await folders(client)).sent;
  } catch (error) {
    const e = error as { responseText?: string; message?: string };
    throw new PursuitError(
      'INVALID_INPUT',
      `cannot read mail: IMAP ${mailbox.imap.host}:${mailbox.imap.port}: ${e.responseText ?? e.message ?? String(error)}`,
      'imap',
    );
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** Connects (or replaces) the actor's own mailbox, once both servers answered. */
export async function connectMailbox(ctx: AppContext, actor: User, input: MailboxInput): Promise<Mailbox> {
  const address = email('address', input.address) as string;
  const provider = providerOf(input, address);
  const preset = provider === 'other' ? undefined : PRESETS[provider];
  const now = ctx.now();
  const existing = await inTransaction(ctx, (q) => mailboxes.findByUser(q, actor.id));
  const mailbox: Mailbox = {
    id: existing?.id ?? randomUUID(),
    orgId: actor.orgId,
    userId: actor.id,
    address,
    displayName: text('name', input.name) ?? actor.name,
    smtp: server(input, 'smtp', preset),
    imap: server(input, 'imap', preset),
    username: text('username', input.username) ?? address,
    auth: input.oauth === undefined ? 'password' : 'oauth2',
    secret: seal(ctx, secretOf(input, provider)),
    sentFolder: null,
    status: 'ok',
    lastError: null,
    lastErrorAt: null,
    lastSyncAt: null,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  const sent = await tryMailbox(ctx, mailbox);
  // Gmail and Microsoft 365 file what goes through their SMTP servers in Sent themselves.
  const fileSent = input.fileSent ?? provider === 'other';
  mailbox.sentFolder = fileSent ? (sent ?? null) : null;
  await inTransaction(ctx, (q) => mailboxes.put(q, mailbox));
  return mailbox;
}

async function own(ctx: AppContext, actor: User, typedUser?: string): Promise<Mailbox> {
  return inTransaction(ctx, async (q) => {
    let userId = actor.id;
    if (typedUser !== undefined) {
      userId = resolveName(await users.list(q, actor.orgId), typedUser, 'user', 'user').id;
      if (userId !== actor.id && actor.role !== 'admin') {
        throw new PursuitError(
          'FORBIDDEN',
          "only an admin can see or remove another person's mailbox",
          'user',
        );
      }
    }
    const found = await mailboxes.findByUser(q, userId);
    if (found === undefined) {
      throw new PursuitError(
        'NOT_FOUND',
        userId === actor.id
          ? 'you have not connected a mailbox: pursuit mailbox add'
          : 'they have not connected a mailbox',
        'mailbox',
      );
    }
    return found;
  });
}

/** The actor's mailbox (an admin: anyone's), if connected. */
export async function findMailbox(
  ctx: AppContext,
  actor: User,
  typedUser?: string,
): Promise<Mailbox | undefined> {
  try {
    return await own(ctx, actor, typedUser);
  } catch (error) {
    if (error instanceof PursuitError && error.code === 'NOT_FOUND') return undefined;
    throw error;
  }
}

/** Tries the connected mailbox again, and records whether it works. */
export async function testMailbox(ctx: AppContext, actor: User): Promise<Mailbox> {
  const mailbox = await own(ctx, actor);
  const now = ctx.now();
  try {
    await tryMailbox(ctx, mailbox);
  } catch (error) {
    await inTransaction(ctx, (q) => mailboxes.setStatus(q, mailbox.id, (error as Error).message, now));
    throw error;
  }
  await inTransaction(ctx, (q) => mailboxes.setStatus(q, mailbox.id, null, now));
  return { ...mailbox, status: 'ok', lastError: null, lastErrorAt: null };
}

/** The organisation's mailboxes (an admin), else one's own. */
export async function listMailboxes(ctx: AppContext, actor: User): Promise<Mailbox[]> {
  return inTransaction(ctx, async (q) => {
    if (actor.role === 'admin') return mailboxes.list(q, actor.orgId);
    const mine = await mailboxes.findByUser(q, actor.id);
    return mine === undefined ? [] : [mine];
  });
}

/** Disconnects a mailbox: nothing more is sent from it or read; what it logged stays. */
export async function removeMailbox(ctx: AppContext, actor: User, typedUser?: string): Promise<Mailbox> {
  const mailbox = await own(ctx, actor, typedUser);
  await inTransaction(ctx, (q) => mailboxes.delete(q, mailbox.id));
  return mailbox;
}
