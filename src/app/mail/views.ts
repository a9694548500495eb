// What the outside sees of the email channel: a mailbox (never its secret), the emails of the
// outbox, and the replies read from a mailbox with how they were read.

import Type from 'typebox';
import type { Static } from 'typebox';
import type { MailMessage, Mailbox, OutboxItem } from '../../core/records.js';
import { SENTIMENTS } from '../../core/scenario/schema.js';
import type { AppContext } from '../context.js';
import { Instant, Nullable, Shape, iso } from '../shapes.js';
import { canSeal } from './secrets.js';

const Server = Shape({
  host: Type.String(),
  port: Type.Integer(),
  security: Type.Enum(['tls', 'starttls', 'none']),
});

export const MailboxView = Shape(
  {
    id: Type.String(),
    userId: Type.String(),
    address: Type.String(),
    displayName: Nullable(Type.String()),
    smtp: Server,
    imap: Server,
    username: Type.String(),
    auth: Type.Enum(['password', 'oauth2']),
    sentFolder: Nullable(
      Type.String({ description: 'where Pursuit files a copy of what it sends; null: the provider does' }),
    ),
    status: Type.Enum(['ok', 'failing']),
    lastError: Nullable(Type.String()),
    lastErrorAt: Nullable(Instant),
    lastSyncAt: Nullable(Instant, 'when its mail was last read'),
    createdAt: Instant,
    updatedAt: Instant,
  },
  "A rep's connected mailbox (its password or tokens are never shown)",
);
export type MailboxView = Static<typeof MailboxView>;

export function mailboxView(m: Mailbox): MailboxView {
  return {
    id: m.id,
    userId: m.userId,
    address: m.address,
    displayName: m.displayName,
    smtp: m.smtp,
    imap: m.imap,
    username: m.username,
    auth: m.auth,
    sentFolder: m.sentFolder,
    status: m.status,
    lastError: m.lastError,
    lastErrorAt: iso(m.lastErrorAt),
    lastSyncAt: iso(m.lastSyncAt),
    createdAt: iso(m.createdAt),
    updatedAt: iso(m.updatedAt),
  };
}

export const MailSetup = Shape(
  {
    canConnect: Type.Boolean({
      description: 'whether PURSUIT_SECRET_KEY is set, without which no mailbox is connected',
    }),
    oneClickUnsubscribe: Type.Boolean({
      description: 'whether PURSUIT_PUBLIC_URL is set, for the links in emails',
    }),
    mailbox: Nullable(MailboxView),
  },
  'The email channel as the signed-in person has it: their mailbox, and what the server allows',
);

export function mailSetup(ctx: AppContext, mailbox: Mailbox | undefined): Static<typeof MailSetup> {
  return {
    canConnect: canSeal(ctx),
    oneClickUnsubscribe: ctx.publicUrl !== undefined,
    mailbox: mailbox === undefined ? null : mailboxView(mailbox),
  };
}

export const OutboxView = Shape(
  {
    id: Type.String(),
    userId: Type.String(),
    prospectId: Type.String(),
    contactId: Type.String(),
    to: Shape({ address: Type.String(), name: Nullable(Type.String()) }),
    subject: Type.String(),
    body: Type.String(),
    messageId: Type.String(),
    inReplyTo: Nullable(Type.String()),
    action: Type.String({ description: 'the action it carries out: follow-up, break-up, ...' }),
    mode: Type.Enum(['now', 'window'], {
      description: "now: the rep sent it; window: inside the contact's hours",
    }),
    sendAfter: Instant,
    status: Type.Enum(['queued', 'sending', 'sent', 'unconfirmed', 'failed', 'cancelled', 'bounced'], {
      description: 'unconfirmed: its sending was cut off; say whether it went',
    }),
    attempts: Type.Integer({ minimum: 0 }),
    lastError: Nullable(Type.String()),
    sentAt: Nullable(Instant),
    createdAt: Instant,
    updatedAt: Instant,
  },
  "An email Pursuit sends, or sent, from a rep's mailbox",
);
export type OutboxView = Static<typeof OutboxView>;

export function outboxView(o: OutboxItem): OutboxView {
  return {
    id: o.id,
    userId: o.userId,
    prospectId: o.prospectId,
    contactId: o.contactId,
    to: { address: o.toAddress, name: o.toName },
    subject: o.subject,
    body: o.body,
    messageId: o.messageId,
    inReplyTo: o.inReplyTo,
    action: o.action,
    mode: o.mode,
    sendAfter: iso(o.sendAfter),
    status: o.status,
    attempts: o.attempts,
    lastError: o.lastError,
    sentAt: iso(o.sentAt),
    createdAt: iso(o.createdAt),
    updatedAt: iso(o.updatedAt),
  };
}

const Kind = Type.Enum([...SENTIMENTS]);

export const ReplyView = Shape(
  {
    id: Type.String(),
    kind: Type.Enum(['reply', 'bounce']),
    contactId: Nullable(Type.String()),
    from: Type.String(),
    subject: Type.String(),
    text: Type.String({ description: 'their own words (the quoted original cut off), or why it bounced' }),
    receivedAt: Instant,
    eventId: Nullable(Type.String({ description: 'the response it logged; null: not counted' })),
    reading: Nullable(
      Shape({
        kind: Kind,
        confidence: Type.Number({ minimum: 0, maximum: 1 }),
        phrases: Type.Array(Type.String(), { description: 'the words that decided it' }),
        until: Nullable(Type.String({ description: 'back on (out-of-office) or talk after (not-now)' })),
        language: Type.String(),
        automatic: Type.Boolean(),
        counted: Type.Boolean({
          description: 'logged as their response (an automatic acknowledgement is not)',
        }),
        corrected: Nullable(
          Shape({ kind: Kind, until: Nullable(Type.String()), by: Type.String(), at: Instant, from: Kind }),
          'how a rep corrected it, and how Pursuit had read it (from)',
        ),
      }),
    ),
  },
  'A message from a prospect read from the mailbox, and how Pursuit read it',
);
export type ReplyView = Static<typeof ReplyView>;

type Sentiment = Static<typeof Kind>;

/** A reading as replies.ts keeps it on the message. */
interface StoredReading {
  kind?: Sentiment;
  confidence?: number;
  phrases?: string[];
  until?: string;
  language?: string;
  automatic?: boolean;
  counted?: boolean;
  corrected?: { kind: Sentiment; until: string | null; by: string; at: string; from: Sentiment };
}

export function replyView(m: MailMessage): ReplyView {
  const r = m.reading as StoredReading;
  const c = r.corrected;
  return {
    id: m.id,
    kind: m.kind,
    contactId: m.contactId,
    from: m.fromAddress,
    subject: m.subject,
    text: m.text,
    receivedAt: iso(m.receivedAt),
    eventId: m.eventId,
    reading:
      m.kind !== 'reply' || r.kind === undefined
        ? null
        : {
            kind: c?.kind ?? r.kind,
            confidence: r.confidence ?? 0,
            phrases: r.phrases ?? [],
            until: c === undefined ? (r.until ?? null) : c.until,
            language: r.language ?? 'en',
            automatic: r.automatic ?? false,
            counted: r.counted === true || m.eventId !== null,
            corrected:
              c === undefined ? null : { kind: c.kind, until: c.until, by: c.by, at: c.at, from: c.from },
          },
  };
}

export const ProspectMail = Shape(
  { emails: Type.Array(OutboxView), replies: Type.Array(ReplyView) },
  'The emails sent to a prospect and the messages read from them, newest first',
);
