// Reading a mailbox over IMAP (imapflow): the folders where replies land (INBOX and the rep's own
// folders; not Sent, Drafts, Trash, Junk or All Mail), the messages after the last UID read (their
// heads first: only those that belong to a prospect are read whole), a sent
// message found again by its Message-ID, and a copy filed in Sent. Folders are opened read-only
// (EXAMINE), so reading never marks the rep's mail as read.

import { ImapFlow } from 'imapflow';
import { parseIds } from '../../core/mail/thread.js';
import type { MailAuth, MailServer } from './smtp.js';

export interface ImapAccess {
  server: MailServer;
  auth: MailAuth;
}

export function imapClient(access: ImapAccess, timeoutMs = 15_000): ImapFlow {
  const { server, auth } = access;
  const client = new ImapFlow({
    host: server.host,
    port: server.port,
    secure: server.security === 'tls',
    doSTARTTLS: server.security === 'starttls' ? true : server.security === 'none' ? false : undefined,
    auth:
      'pass' in auth
        ? { user: auth.user, pass: auth.pass }
        : { user: auth.user, accessToken: auth.accessToken },
    logger: false,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs * 20,
    // Pursuit opens the folder it reads itself; an automatic IDLE would hold the connection.
    disableAutoIdle: true,
  } as ConstructorParameters<typeof ImapFlow>[0]);
  // An 'error' event with no listener would end the process; failures reach the caller's awaits.
  client.on('error', () => undefined);
  return client;
}

export interface Folders {
  /** Where replies may land. */
  watched: string[];
  /** Where sent mail is kept, if the server says. */
  sent: string | undefined;
}

const NOT_WATCHED = new Set(['\\Sent', '\\Drafts', '\\Trash', '\\Junk', '\\All', '\\Flagged', '\\Archive']);

export async function folders(client: ImapFlow): Promise<Folders> {
  const list = await client.list();
  const watched = list
    .filter((f) => !f.flags.has('\\Noselect') && !f.flags.has('\\NonExistent'))
    .filter((f) => f.specialUse === undefined || f.specialUse === '\\Inbox' || !NOT_WATCHED.has(f.specialUse))
    .map((f) => f.path)
    .sort((a, b) => (a === 'INBOX' ? -1 : b === 'INBOX' ? 1 : a.localeCompare(b)));
  return { watched, sent: list.find((f) => f.specialUse === '\\Sent')?.path };
}

export interface FolderState {
  uidValidity: number;
  uidNext: number;
}

export async function openFolder(client: ImapFlow, path: string): Promise<FolderState> {
  const box = await client.mailboxOpen(path, { readOnly: true });
  return { uidValidity: Number(box.uidValidity), uidNext: box.uidNext };
}

/** What a message's headers say, enough to tell whether it belongs to a prospect. */
export interface MessageHead {
  uid: number;
  internalDate: number | undefined;
  messageId: string | undefined;
  /** In-Reply-To and References, the ids of the messages it answers. */
  answers: string[];
  from: string | undefined;
  /** Whether it looks like a delivery report or a mailer daemon's (then its body is read too). */
  maybeBounce: boolean;
}

/** The header fields a head is read from (asking for these alone is the fastest fetch there is). */
const HEADERS = ['from', 'message-id', 'in-reply-to', 'references', 'content-type'] as const;

const FIELD = new Map(HEADERS.map((name) => [name, new RegExp(`^${name}:[ \\t]*(.*)$`, 'im')]));

/** One header's value (unfolded), from the header lines a fetch gave. */
function field(text: string, name: (typeof HEADERS)[number]): string | undefined {
  return FIELD.get(name)?.exec(text)?.[1]?.trim();
}

/** The address of a From header: the one in angle brackets, else the bare one. */
function addressOf(from: string | undefined): string | undefined {
  if (from === undefined) return undefined;
  const found = /<([^<>\s]+@[^<>\s]+)>/.exec(from)?.[1] ?? /[^\s<>"(),;:]+@[^\s<>"(),;:]+/.exec(from)?.[0];
  return found?.toLowerCase();
}

function parseHead(uid: number, internal: Date | string | undefined, raw: Buffer | undefined): MessageHead {
  const text = raw === undefined ? '' : raw.toString('utf8').replace(/\r?\n[ \t]+/g, ' ');
  const from = addressOf(field(text, 'from'));
  const answers = parseIds(`${field(text, 'in-reply-to') ?? ''} ${field(text, 'references') ?? ''}`);
  return {
    uid,
    internalDate: internal === undefined ? undefined : new Date(internal).getTime(),
    messageId: parseIds(field(text, 'message-id'))[0],
    answers: [...new Set(answers)],
    from,
    maybeBounce:
      /multipart\/report/i.test(field(text, 'content-type') ?? '') ||
      /^(mailer-daemon|postmaster|mail-daemon)@/i.test(from ?? ''),
  };
}

/** The UIDs of the open folder after `afterUid`, oldest first. */
export async function uidsAfter(client: ImapFlow, afterUid: number): Promise<number[]> {
  const found = await client.search({ uid: `${afterUid + 1}:*` }, { uid: true });
  // `n:*` also matches the last message when n is past it: keep only what is new.
  return (Array.isArray(found) ? found : []).filter((uid) => uid > afterUid).sort((a, b) => a - b);
}

/** The first UID of the open folder that arrived on or after a time (undefined: none did). */
export async function firstUidSince(client: ImapFlow, since: number): Promise<number | undefined> {
  const found = await client.search({ since: new Date(since) }, { uid: true });
  return Array.isArray(found) && found.length > 0 ? Math.min(...found) : undefined;
}

/** The heads of these messages of the open folder: who wrote them, and the thread they answer. */
export async function heads(client: ImapFlow, uids: number[]): Promise<MessageHead[]> {
  if (uids.length === 0) return [];
  const out: MessageHead[] = [];
  for await (const m of client.fetch(
    uids.join(','),
    { uid: true, internalDate: true, headers: [...HEADERS] },
    { uid: true },
  )) {
    out.push(parseHead(m.uid, m.internalDate, m.headers));
  }
  return out.sort((a, b) => a.uid - b.uid);
}

/** The whole messages (their bytes) of these UIDs of the open folder. */
export async function sources(client: ImapFlow, uids: number[]): Promise<Map<number, Buffer>> {
  const out = new Map<number, Buffer>();
  if (uids.length === 0) return out;
  for await (const m of client.fetch(uids.join(','), { uid: true, source: true }, { uid: true })) {
    if (m.source !== undefined) out.set(m.uid, m.source);
  }
  return out;
}

/** Whether a message with this Message-ID is in the folder (a copy filed, a self-copy). */
export async function hasMessage(client: ImapFlow, folder: string, messageId: string): Promise<boolean> {
  await client.mailboxOpen(folder, { readOnly: true });
  const found = await client.search({ header: { 'message-id': messageId } }, { uid: true });
  return Array.isArray(found) && found.length > 0;
}

/** Files a copy of a sent message in Sent, marked read, dated when it was sent. */
export async function fileSent(client: ImapFlow, folder: string, raw: Buffer, date: number): Promise<void> {
  await client.append(folder, raw, ['\\Seen'], new Date(date));
}
