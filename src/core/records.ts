// The stored entities as the rest of the program sees them: camelCase, booleans as booleans.
// Repositories map rows to these records and back; they hold no rules.

export type Role = 'rep' | 'manager' | 'admin';

export interface Organisation {
  id: string;
  name: string;
  createdAt: number;
}

export interface User {
  id: string;
  orgId: string;
  email: string;
  name: string;
  role: Role;
  managerId: string | null;
  timezone: string;
  phone: string | null;
  hourlyValue: number | null;
  createdAt: number;
}

export interface Product {
  id: string;
  orgId: string;
  name: string;
  status: 'active' | 'deprioritized' | 'end-of-life';
  createdAt: number;
}

export interface Prospect {
  id: string;
  orgId: string;
  ownerId: string;
  name: string;
  relationship: 'prospect' | 'customer' | 'ex-customer';
  source: 'inbound' | 'outbound' | 'referral' | 'event';
  createdAt: number;
  dealValue: number | null;
  icpFit: 'fit' | 'partial' | 'poor' | 'unknown';
  serious: boolean | null;
  goalsClear: boolean | null;
  priceOnly: boolean | null;
  productId: string | null;
  productFit: 'fit' | 'no-fit' | 'unknown';
  doNotContact: boolean;
  snoozedUntil: number | null;
  updatedAt: number;
}

export interface Contact {
  id: string;
  orgId: string;
  prospectId: string;
  position: number;
  name: string;
  role: 'primary' | 'stakeholder';
  email: string | null;
  phone: string | null;
  timezone: string | null;
  doNotContact: boolean;
  createdAt: number;
  /** When mail to `email` bounced for good: no email is drafted to it until it changes. */
  emailBouncedAt: number | null;
}

export interface StoredEvent {
  id: string;
  orgId: string;
  prospectId: string;
  type: 'touch' | 'response' | 'commitment' | 'prep' | 'deal';
  at: number;
  contactId: string | null;
  /** The event in the contract's form (CONTRACT.md): id, type, at, contactId and its own fields. */
  data: Record<string, unknown>;
  loggedBy: string | null;
  loggedAt: number;
  /** Order of logging by people (absent for imported events), for undo. */
  logSeq?: number | null;
  sourceKey: string | null;
}

export interface PlaybookVersion {
  id: string;
  orgId: string;
  version: number;
  name: string;
  document: string;
  createdAt: number;
  createdBy: string | null;
  active: boolean;
}

export interface StoredDecision {
  prospectId: string;
  orgId: string;
  ownerId: string;
  action: string;
  contactId: string | null;
  channel: string | null;
  due: number | null;
  rule: string;
  reason: string;
  activeList: boolean;
  urgency: number;
  valuePerMinute: number;
  decision: Record<string, unknown>;
  decidedAt: number;
  recheckAt: number | null;
  playbookVersion: string;
  modelVersion: string;
}

export interface Session {
  /** SHA-256 of the cookie's value. */
  id: string;
  userId: string;
  csrf: string;
  createdAt: number;
  expiresAt: number;
}

export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export interface StoredResponse {
  request: string;
  status: number;
  response: string;
  createdAt: number;
}

export interface Notification {
  id: string;
  orgId: string;
  userId: string;
  kind: string;
  prospectId: string | null;
  message: string;
  createdAt: number;
  readAt: number | null;
}

/** An import started from the web app or the API, and how far it has got. */
export interface ImportJob {
  id: string;
  orgId: string;
  userId: string;
  fileName: string;
  /** The options as given (format, mapping, zone). */
  options: Record<string, unknown>;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  bytesTotal: number | null;
  bytesRead: number;
  rows: number;
  rejected: number;
  phase: 'reading' | 'deciding';
  decided: number;
  toDecide: number;
  cancelRequested: boolean;
  /** The import's report (JSON) once it has ended. */
  report: unknown;
  error: string | null;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
}

/** A calibrated stopping model, one version of an organisation's. */
export interface StoredModel {
  id: string;
  orgId: string;
  version: number;
  /** The fitted numbers (core/model/calibrate.ts ModelParams). */
  params: unknown;
  /** What calibration found. */
  summary: unknown;
  createdBy: string | null;
  createdAt: number;
  active: boolean;
}

/** A policy simulation a team saved (its report as the simulator wrote it). */
export interface StoredSimulation {
  id: string;
  orgId: string;
  createdBy: string | null;
  createdAt: number;
  world: string;
  report: unknown;
}

export type MailSecurity = 'tls' | 'starttls' | 'none';

/** A rep's mailbox: SMTP to send from it, IMAP to read the replies; its secret stays sealed. */
export interface Mailbox {
  id: string;
  orgId: string;
  userId: string;
  address: string;
  displayName: string | null;
  smtp: { host: string; port: number; security: MailSecurity };
  imap: { host: string; port: number; security: MailSecurity };
  username: string;
  auth: 'password' | 'oauth2';
  /** The password or OAuth2 client and tokens, sealed (app/mail/secrets.ts). */
  secret: string;
  /** Where Pursuit files a copy of what it sends (null: the provider files it itself). */
  sentFolder: string | null;
  status: 'ok' | 'failing';
  lastError: string | null;
  lastErrorAt: number | null;
  lastSyncAt: number | null;
  createdAt: number;
  updatedAt: number;
}

/** How far a folder of a mailbox has been read. */
export interface MailFolder {
  mailboxId: string;
  path: string;
  uidValidity: number;
  lastUid: number;
  syncedAt: number;
}

export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'unconfirmed' | 'failed' | 'cancelled' | 'bounced';

/** An email Pursuit sends (or sent) from a rep's mailbox. */
export interface OutboxItem {
  id: string;
  orgId: string;
  userId: string;
  mailboxId: string;
  prospectId: string;
  contactId: string;
  toAddress: string;
  toName: string | null;
  subject: string;
  body: string;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  action: string;
  purpose: string;
  mode: 'now' | 'window';
  sendAfter: number;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  eventId: string | null;
  createdAt: number;
  updatedAt: number;
  sentAt: number | null;
}

/** A message read from a mailbox that belongs to a prospect: a reply, or a bounce of ours. */
export interface MailMessage {
  id: string;
  orgId: string;
  mailboxId: string;
  folder: string;
  uidValidity: number;
  uid: number;
  messageId: string;
  prospectId: string;
  contactId: string | null;
  outboxId: string | null;
  kind: 'reply' | 'bounce';
  fromAddress: string;
  subject: string;
  text: string;
  /** How it was read (core/replies: kind, confidence, phrases, dates), as stored. */
  reading: Record<string, unknown>;
  eventId: string | null;
  receivedAt: number;
  createdAt: number;
}

/** What the audit log records: sign-ins, tokens, passwords and users (never a secret). */
export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-in-failed',
  'sign-in-limited',
  'sign-out',
  'signed-out-everywhere',
  'token-created',
  'token-revoked',
  'revoked-token-used',
  'password-changed',
  'user-created',
  'user-changed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** How a request reached Pursuit: a browser session, an API token, the command line. */
export type AuditVia = 'session' | 'token' | 'cli';

export interface AuditEntry {
  id: string;
  /** Null when it belongs to no organisation (a sign-in with an unknown email). */
  orgId: string | null;
  at: number;
  action: AuditAction;
  actorId: string | null;
  subjectId: string | null;
  address: string | null;
  via: AuditVia | null;
  detail: string | null;
}

/** How a person came to be on the do-not-contact list. */
export type SuppressionSource = 'logged' | 'marked' | 'unsubscribe-link' | 'reply' | 'import' | 'manual';

/** An entry of an organisation's do-not-contact list: a person's address or number, and why. */
export interface Suppression {
  id: string;
  orgId: string;
  kind: 'email' | 'phone';
  /** The normalised address or number (core/suppression.ts). */
  value: string;
  source: SuppressionSource;
  /** The contact and prospect it was made on, and the opt-out event, when there were. */
  contactId: string | null;
  prospectId: string | null;
  eventId: string | null;
  /** Who added it (a user), or null for the person themselves (a link, a reply) or an import. */
  createdBy: string | null;
  createdAt: number;
  /** A lifted entry no longer applies; it is kept, with who lifted it and why. */
  removedAt: number | null;
  removedBy: string | null;
  removalReason: string | null;
}

/** A note on a prospect: free text, never read by the engine (it changes no decision). */
export interface Note {
  id: string;
  orgId: string;
  prospectId: string;
  /** Who wrote it; null when that user is no longer there. */
  authorId: string | null;
  body: string;
  /** The order the prospect's notes were written in. */
  seq: number;
  createdAt: number;
  updatedAt: number;
}
