// Sending one email over SMTP, and telling exactly what became of it: accepted; refused by the
// server (for now or for good, the recipient or the message); not sent (no connection, no login);
// or unknown (the connection broke after the message was handed over, so it may have gone). The
// caller never sends an "unknown" one again on its own: a duplicate in a prospect's inbox is worse
// than a question to the rep.

import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { SMTPConnectionOptions, SMTPConnectionAuth } from 'nodemailer/lib/smtp-connection';
import MailComposer from 'nodemailer/lib/mail-composer';
import { encodeWord } from 'nodemailer/lib/mime-funcs';
import XOAuth2 from 'nodemailer/lib/xoauth2';

export type Security = 'tls' | 'starttls' | 'none';

export interface MailServer {
  host: string;
  port: number;
  security: Security;
}

/** A password, or an OAuth2 access token (XOAUTH2: Gmail, Microsoft 365). */
export type MailAuth = { user: string; pass: string } | { user: string; accessToken: string };

export interface Address {
  address: string;
  name?: string | undefined;
}

export interface OutgoingMail {
  from: Address;
  to: Address;
  subject: string;
  text: string;
  messageId: string;
  inReplyTo?: string | undefined;
  references: string[];
  date: number;
  /** RFC 8058 one-click unsubscribe (an https URL answering POST List-Unsubscribe=One-Click). */
  unsubscribeUrl?: string | undefined;
  /** RFC 2369's mail form (an address to write "unsubscribe" to), beside or instead of the URL. */
  unsubscribeMailto?: string | undefined;
}

export type SendOutcome =
  | { kind: 'accepted'; response: string }
  | { kind: 'refused'; permanent: boolean; recipient: boolean; message: string }
  | { kind: 'not-sent'; message: string }
  | { kind: 'unknown'; message: string };

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Text for a header (the subject, a display name): one line, without control characters. Nodemailer
 * already keeps a CRLF from starting a header of its own, but it carries a CR, LF or NUL inside an
 * encoded word (=?UTF-8?Q?Dana=0D=0ABcc...?=), which a mail client decodes and shows.
 */
export function headerText(value: string): string {
  return value.replace(/\r\n|[\t\n\r\u2028\u2029]/g, ' ').replace(CONTROLS, '');
}

/**
 * A subject that holds "=?" is encoded here, whole: nodemailer passes a well-formed encoded word that
 * a person typed ("=?UTF-8?Q?X=0D=0ABcc...?=") through as it is, and a client would decode it.
 */
function prepared(text: string): { prepared: true; foldLines: true; value: string } | undefined {
  return text.includes('=?')
    ? { prepared: true, foldLines: true, value: encodeWord(text, 'B', 52) }
    : undefined;
}

/** The message as it goes out and as a copy is filed in Sent: the same bytes. */
export async function composeMail(mail: OutgoingMail): Promise<Buffer> {
  const headers: Record<string, string | { prepared: true; foldLines: true; value: string }> = {};
  const ways = [mail.unsubscribeUrl, mail.unsubscribeMailto].filter((w) => w !== undefined);
  if (ways.length > 0) headers['List-Unsubscribe'] = ways.map((w) => `<${w}>`).join(', ');
  if (mail.unsubscribeUrl !== undefined) headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  const subject = headerText(mail.subject);
  // A name goes out quoted, and nodemailer takes no prepared From or To: one holding "=?" is quoted
  // as the encoded word of itself, which a client shows either as that word or as the name.
  const person = (a: Address): Address => {
    if (a.name === undefined) return { address: a.address };
    const name = headerText(a.name);
    return { address: a.address, name: name.includes('=?') ? encodeWord(name, 'B', 52) : name };
  };
  const ownSubject = prepared(subject);
  if (ownSubject !== undefined) headers.Subject = ownSubject;
  const composer = new MailComposer({
    from: person(mail.from),
    to: person(mail.to),
    ...(ownSubject === undefined ? { subject } : {}),
    text: mail.text,
    messageId: mail.messageId,
    date: new Date(mail.date),
    headers,
    ...(mail.inReplyTo === undefined ? {} : { inReplyTo: mail.inReplyTo }),
    ...(mail.references.length === 0 ? {} : { references: mail.references.join(' ') }),
  });
  return composer.compile().build();
}

function connectionOptions(server: MailServer, timeoutMs: number): SMTPConnectionOptions {
  return {
    host: server.host,
    port: server.port,
    secure: server.security === 'tls',
    requireTLS: server.security === 'starttls',
    ignoreTLS: server.security === 'none',
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs * 3,
  };
}

/** XOAUTH2 (Google's and Microsoft's SASL method) with the access token we refresh ourselves. */
function authOf(auth: MailAuth): SMTPConnectionAuth {
  if ('pass' in auth) return { user: auth.user, pass: auth.pass };
  // No client or refresh token here: nodemailer only presents the token it is given.
  return { user: auth.user, oauth2: new XOAuth2({ user: auth.user, accessToken: auth.accessToken }) };
}

interface Session {
  connection: SMTPConnection;
  close(): void;
}

/**
 * Runs one step of the SMTP conversation; a refusal that only shows as an error or a closed
 * connection (a 421 greeting, say) fails the step instead of leaving it waiting.
 */
function step(
  connection: SMTPConnection,
  start: (done: (error?: Error | null) => void) => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => finish(error);
    const onEnd = () => finish(new Error('the server closed the connection'));
    const finish = (error?: Error | null) => {
      connection.off('error', onError);
      connection.off('end', onEnd);
      if (error) reject(error);
      else resolve();
    };
    connection.on('error', onError);
    connection.on('end', onEnd);
    start(finish);
  });
}

async function open(server: MailServer, auth: MailAuth, timeoutMs: number): Promise<Session> {
  const connection = new SMTPConnection(connectionOptions(server, timeoutMs));
  // An 'error' event with no listener would end the process.
  connection.on('error', () => undefined);
  const close = () => {
    try {
      connection.quit();
    } catch {
      connection.close();
    }
  };
  try {
    await step(connection, (done) => connection.connect(done));
    await step(connection, (done) => connection.login(authOf(auth), done));
  } catch (error) {
    connection.close();
    throw error;
  }
  return { connection, close };
}

function describe(error: unknown): string {
  const e = error as { message?: string; response?: string };
  return (e.response ?? e.message ?? String(error)).replace(/\s+/g, ' ').trim();
}

/** Connects and signs in, then leaves: throws an error that says what failed. */
export async function checkSmtp(server: MailServer, auth: MailAuth, timeoutMs = 10_000): Promise<void> {
  const session = await open(server, auth, timeoutMs).catch((error: unknown) => {
    throw new Error(`SMTP ${server.host}:${server.port}: ${describe(error)}`);
  });
  session.close();
}

/**
 * A connection that sends one email after another (signed in once), as a mail client does. After an
 * email whose outcome is unknown or not sent, the connection is dropped and the next opens anew.
 */
export class SmtpSender {
  private session: Session | undefined;

  constructor(
    private readonly server: MailServer,
    private readonly auth: MailAuth,
    private readonly timeoutMs = 30_000,
  ) {}

  /** Sends the composed message to one recipient; never throws. */
  async send(envelope: { from: string; to: string }, raw: Buffer): Promise<SendOutcome> {
    if (this.session === undefined) {
      try {
        this.session = await open(this.server, this.auth, this.timeoutMs);
      } catch (error) {
        return { kind: 'not-sent', message: describe(error) };
      }
    }
    const { connection } = this.session;
    const outcome = await new Promise<SendOutcome>((resolve) =>
      connection.send({ from: envelope.from, to: [envelope.to] }, raw, (error, result) => {
        if (!error) return resolve({ kind: 'accepted', response: (result as { response: string }).response });
        const e = error as { code?: string; responseCode?: number };
        // The server answered with a refusal: the message did not go.
        if ((e.code === 'EENVELOPE' || e.code === 'EMESSAGE') && typeof e.responseCode === 'number') {
          return resolve({
            kind: 'refused',
            permanent: e.responseCode >= 500,
            recipient: e.code === 'EENVELOPE',
            message: describe(error),
          });
        }
        resolve({ kind: 'unknown', message: describe(error) });
      }),
    );
    if (outcome.kind === 'accepted') return outcome;
    // After a refusal the server expects a fresh transaction; after anything else, a fresh connection.
    if (outcome.kind === 'refused') {
      const reset = await new Promise<boolean>((resolve) => connection.reset((error) => resolve(!error)));
      if (reset) return outcome;
    }
    this.close();
    return outcome;
  }

  close(): void {
    this.session?.close();
    this.session = undefined;
  }
}

/** Sends one composed message to one recipient on a connection of its own; never throws. */
export async function sendMail(
  server: MailServer,
  auth: MailAuth,
  envelope: { from: string; to: string },
  raw: Buffer,
  timeoutMs = 30_000,
): Promise<SendOutcome> {
  const sender = new SmtpSender(server, auth, timeoutMs);
  try {
    return await sender.send(envelope, raw);
  } finally {
    sender.close();
  }
}
