// What the API returns, as the app reads it.

export interface User {
  id: string;
  name: string;
  email: string;
  role: 'rep' | 'manager' | 'admin';
  timezone: string;
  phone: string | null;
}

export interface Message {
  template: string;
  variant?: string;
  subject: string;
  body: string;
  voicemail?: string;
}

export interface ModelNumbers {
  attempt: number;
  pResponse: number;
  pWin: number;
  dealValue: number;
  expectedValue: number;
  minutes: number;
  hourlyValue: number;
  touchCost: number;
}

export interface Decision {
  prospectId: string;
  action: string;
  contactId?: string;
  channel?: string;
  due?: string;
  rule: string;
  reason: string;
  activeList: boolean;
  message?: Message;
  model?: ModelNumbers;
  diagnosis?: string[];
}

export interface Prospect {
  id: string;
  name: string;
  ownerId: string;
  relationship: string;
  source: string;
  dealValue: number | null;
  icpFit: string;
  qualification: { serious: boolean | null; goalsClear: boolean | null; priceOnly: boolean | null };
  productFit: string;
  doNotContact: boolean;
  snoozedUntil: string | null;
}

export interface Contact {
  id: string;
  name: string;
  role: string;
  email: string | null;
  phone: string | null;
  timezone: string | null;
  doNotContact: boolean;
  /** When mail to its address bounced for good: no email goes to it until it has a new one. */
  emailBouncedAt: string | null;
}

export interface AgendaItem {
  prospect: Prospect;
  contact: Contact | null;
  decision: Decision;
  due: string;
  minutes: number;
  fits: boolean;
}

export interface Agenda {
  /** The server's clock: relative times count from it. */
  now: string;
  rep: User;
  date: string;
  /** The whole day, or the page asked for. */
  items: AgendaItem[];
  totalMinutes: number;
  availableMinutes: number;
  fitting: number;
  /** The whole day's actions, and how many of them are overdue. */
  count: number;
  overdue: number;
  /** When a page was asked for: its list (show), where it starts and how many that list holds. */
  page?: { show: AgendaShow; offset: number; limit: number; total: number };
}

export type AgendaShow = 'all' | 'overdue' | 'later' | 'day';

export interface TimelineEvent {
  id: string;
  type: string;
  at: string;
  channel?: string;
  outcome?: string;
  sentiment?: string;
  kind?: string;
  due?: string;
  description?: string;
  objective?: string;
  result?: string;
  contactId?: string;
}

export interface ResponseCurve {
  modelVersion: string;
  pResponse: number[];
  attempt: number;
  breakEven: number;
}

export interface ProspectPage extends Prospect {
  now: string;
  /** The relationship as decisions see it: a won deal makes a prospect a customer. */
  standing: string;
  owner: { id: string; name: string } | null;
  contacts: Contact[];
  events: TimelineEvent[];
  decision: Decision | null;
  responseCurve: ResponseCurve | null;
}

export interface Logged {
  decision: Decision | null;
}

export interface Notification {
  id: string;
  kind: string;
  prospectId: string | null;
  message: string;
  createdAt: string;
  readAt: string | null;
}

export type Security = 'tls' | 'starttls' | 'none';

export interface MailServer {
  host: string;
  port: number;
  security: Security;
}

/** A rep's connected mailbox; its password or tokens are never shown. */
export interface Mailbox {
  id: string;
  userId: string;
  address: string;
  displayName: string | null;
  smtp: MailServer;
  imap: MailServer;
  username: string;
  auth: 'password' | 'oauth2';
  /** Where Pursuit files a copy of what it sends; null: the provider does (or nobody). */
  sentFolder: string | null;
  status: 'ok' | 'failing';
  lastError: string | null;
  lastErrorAt: string | null;
  /** When its mail was last read. */
  lastSyncAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The email channel as the signed-in person has it. */
export interface MailSetup {
  /** Whether the server has PURSUIT_SECRET_KEY, without which no mailbox is connected. */
  canConnect: boolean;
  /** Whether the server has PURSUIT_PUBLIC_URL, for one-click unsubscribe links. */
  oneClickUnsubscribe: boolean;
  mailbox: Mailbox | null;
}

export type EmailStatus = 'queued' | 'sending' | 'sent' | 'unconfirmed' | 'failed' | 'cancelled' | 'bounced';

/** An email Pursuit sends, or sent, from a rep's mailbox. */
export interface Email {
  id: string;
  userId: string;
  prospectId: string;
  contactId: string;
  to: { address: string; name: string | null };
  subject: string;
  body: string;
  messageId: string;
  inReplyTo: string | null;
  action: string;
  /** now: the rep sent it; window: inside the contact's hours. */
  mode: 'now' | 'window';
  sendAfter: string;
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type ReplyKind =
  | 'positive'
  | 'neutral'
  | 'objection'
  | 'referral'
  | 'not-now'
  | 'not-interested'
  | 'out-of-office'
  | 'unsubscribe';

/** How Pursuit read a reply, and the rep's correction if any (kind and until are the corrected ones). */
export interface Reading {
  kind: ReplyKind;
  confidence: number;
  /** The words that decided it, as written in the reply. */
  phrases: string[];
  /** out-of-office: back on; not-now: talk after (YYYY-MM-DD). */
  until: string | null;
  language: string;
  automatic: boolean;
  /** Logged as their response (an automatic acknowledgement is not). */
  counted: boolean;
  corrected: { kind: ReplyKind; until: string | null; by: string; at: string; from: ReplyKind } | null;
}

/** A message from a prospect read from the mailbox: a reply, or a bounce (no reading). */
export interface Reply {
  id: string;
  kind: 'reply' | 'bounce';
  contactId: string | null;
  from: string;
  subject: string;
  /** Their own words (the quoted original cut off), or why it bounced. */
  text: string;
  receivedAt: string;
  eventId: string | null;
  reading: Reading | null;
}

export interface ProspectMail {
  emails: Email[];
  replies: Reply[];
}

/** A note on a prospect: free text, never part of a decision. */
export interface Note {
  id: string;
  prospectId: string;
  /** Who wrote it; null when that user is no longer there. */
  author: { id: string; name: string } | null;
  body: string;
  createdAt: string;
  updatedAt: string;
  edited: boolean;
  /** Whether the reader may edit or delete it (its author, a manager or an admin). */
  mayChange: boolean;
}
