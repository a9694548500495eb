// The database's tables as Kysely sees them (snake_case rows). Instants are epoch milliseconds
// (bigint), flags are 0/1 integers, so SQLite and PostgreSQL return the same values.

export interface OrganisationsTable {
  id: string;
  name: string;
  created_at: number;
}

export interface UsersTable {
  id: string;
  org_id: string;
  email: string;
  name: string;
  role: 'rep' | 'manager' | 'admin';
  manager_id: string | null;
  timezone: string;
  phone: string | null;
  hourly_value: number | null;
  created_at: number;
}

export interface ProductsTable {
  id: string;
  org_id: string;
  name: string;
  status: 'active' | 'deprioritized' | 'end-of-life';
  created_at: number;
}

export interface ProspectsTable {
  id: string;
  org_id: string;
  owner_id: string;
  name: string;
  relationship: 'prospect' | 'customer' | 'ex-customer';
  source: 'inbound' | 'outbound' | 'referral' | 'event';
  created_at: number;
  deal_value: number | null;
  icp_fit: 'fit' | 'partial' | 'poor' | 'unknown';
  serious: number | null;
  goals_clear: number | null;
  price_only: number | null;
  product_id: string | null;
  product_fit: 'fit' | 'no-fit' | 'unknown';
  do_not_contact: number;
  snoozed_until: number | null;
  updated_at: number;
}

export interface ContactsTable {
  id: string;
  org_id: string;
  prospect_id: string;
  position: number;
  name: string;
  role: 'primary' | 'stakeholder';
  email: string | null;
  phone: string | null;
  timezone: string | null;
  do_not_contact: number;
  created_at: number;
  /** When mail to its address bounced for good (null: it has not). */
  email_bounced_at: number | null;
}

export interface EventsTable {
  id: string;
  org_id: string;
  prospect_id: string;
  type: 'touch' | 'response' | 'commitment' | 'prep' | 'deal';
  at: number;
  contact_id: string | null;
  /** The event in the decision contract's own form (CONTRACT.md), as JSON. */
  data: string;
  logged_by: string | null;
  logged_at: number;
  /** Order of logging by people (imports leave it empty), for undo. */
  log_seq: number | null;
  /** A CRM activity id, or a hash of the content, so a re-import adds nothing. */
  source_key: string | null;
}

export interface ExternalIdsTable {
  org_id: string;
  system: string;
  kind: 'prospect' | 'contact' | 'user';
  external_id: string;
  entity_id: string;
}

export interface PlaybooksTable {
  id: string;
  org_id: string;
  version: number;
  name: string;
  document: string;
  created_at: number;
  created_by: string | null;
  active: number;
}

export interface DecisionsTable {
  prospect_id: string;
  org_id: string;
  owner_id: string;
  action: string;
  contact_id: string | null;
  channel: string | null;
  due: number | null;
  rule: string;
  reason: string;
  active_list: number;
  /** 0: time-critical (answer a reply, a committed call, a new lead); 1: everything else. */
  urgency: number;
  /** Expected value per minute of the rep's time, for ordering the agenda. */
  value_per_minute: number;
  /**
   * JSON of the decision's fields no column holds (its message, model numbers and diagnosis), read
   * back whole with the columns' (decisions.repository's decisionOfRow); or, for a decision whose
   * columns could not give it back exactly (and every one written before 2026-12-06), all of it.
   */
  decision: string;
  decided_at: number;
  /** When time alone could change this decision; it is decided again before anyone reads it then. */
  recheck_at: number | null;
  playbook_version: string;
  model_version: string;
}

/**
 * What a rep's day shows of a decision's prospect and contact, kept by the day's reads (migrations
 * 0019-0021, decisions.repository's `dayColumns`): not part of what was decided, and never written
 * with it. A card is read only while its decision names the contact it was made for.
 */
export interface DayCardsTable {
  prospect_id: string;
  /** The contact the card holds (null: none), as the decision named it when the card was made. */
  contact_id: string | null;
  /** JSON `[prospect, contact or null]`, each as its record (core/records.ts). */
  card: string;
}

export interface CredentialsTable {
  user_id: string;
  password_hash: string;
  updated_at: number;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's value. */
  id: string;
  user_id: string;
  csrf: string;
  created_at: number;
  expires_at: number;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  /** SHA-256 of the token, which is shown once. */
  token_hash: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  /** Method, path and body hash of the first request with this key. */
  request: string;
  status: number;
  response: string;
  created_at: number;
}

export interface RateLimitsTable {
  bucket: string;
  window_start: number;
  count: number;
}

export interface NotificationsTable {
  id: string;
  org_id: string;
  user_id: string;
  kind: string;
  prospect_id: string | null;
  message: string;
  created_at: number;
  read_at: number | null;
}

export interface ImportJobsTable {
  id: string;
  org_id: string;
  user_id: string;
  file_name: string;
  options: string;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  bytes_total: number | null;
  bytes_read: number;
  rows: number;
  rejected: number;
  phase: 'reading' | 'deciding';
  decided: number;
  to_decide: number;
  cancel_requested: number;
  report: string | null;
  error: string | null;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
}

export interface ModelsTable {
  id: string;
  org_id: string;
  version: number;
  params: string;
  summary: string;
  created_by: string | null;
  created_at: number;
  active: number;
}

export interface RepDaysTable {
  user_id: string;
  day: string;
  hourly_value: number;
  computed_at: number;
}

export interface SimulationsTable {
  id: string;
  org_id: string;
  created_by: string | null;
  created_at: number;
  world: string;
  report: string;
}

export interface MailboxesTable {
  id: string;
  org_id: string;
  user_id: string;
  address: string;
  display_name: string | null;
  smtp_host: string;
  smtp_port: number;
  smtp_security: 'tls' | 'starttls' | 'none';
  imap_host: string;
  imap_port: number;
  imap_security: 'tls' | 'starttls' | 'none';
  username: string;
  auth: 'password' | 'oauth2';
  /** AES-256-GCM of the password or the OAuth2 client and tokens (JSON). */
  secret: string;
  sent_folder: string | null;
  status: 'ok' | 'failing';
  last_error: string | null;
  last_error_at: number | null;
  last_sync_at: number | null;
  lease_owner: string | null;
  lease_until: number | null;
  created_at: number;
  updated_at: number;
}

export interface MailFoldersTable {
  mailbox_id: string;
  path: string;
  uid_validity: number;
  last_uid: number;
  synced_at: number;
}

export interface OutboxTable {
  id: string;
  org_id: string;
  user_id: string;
  mailbox_id: string;
  prospect_id: string;
  contact_id: string;
  open_key: string | null;
  to_address: string;
  to_name: string | null;
  subject: string;
  body: string;
  message_id: string;
  in_reply_to: string | null;
  reference_ids: string | null;
  action: string;
  purpose: string;
  mode: 'now' | 'window';
  send_after: number;
  status: 'queued' | 'sending' | 'sent' | 'unconfirmed' | 'failed' | 'cancelled' | 'bounced';
  attempts: number;
  last_error: string | null;
  event_id: string | null;
  created_at: number;
  updated_at: number;
  sent_at: number | null;
}

export interface MailMessagesTable {
  id: string;
  org_id: string;
  mailbox_id: string;
  folder: string;
  uid_validity: number;
  uid: number;
  message_id: string;
  prospect_id: string;
  contact_id: string | null;
  outbox_id: string | null;
  kind: 'reply' | 'bounce';
  from_address: string;
  subject: string;
  text: string;
  reading: string;
  event_id: string | null;
  received_at: number;
  created_at: number;
}

export interface AuditLogTable {
  id: string;
  org_id: string | null;
  at: number;
  action: string;
  actor_id: string | null;
  subject_id: string | null;
  address: string | null;
  via: string | null;
  detail: string | null;
}

export interface SuppressionsTable {
  id: string;
  org_id: string;
  kind: 'email' | 'phone';
  value: string;
  source: 'logged' | 'marked' | 'unsubscribe-link' | 'reply' | 'import' | 'manual';
  contact_id: string | null;
  prospect_id: string | null;
  event_id: string | null;
  created_by: string | null;
  created_at: number;
  removed_at: number | null;
  removed_by: string | null;
  removal_reason: string | null;
}

/** What each prospect adds to the team dashboard (migration 0017); forgotten by triggers when its events change. */
export interface ProspectCountsTable {
  prospect_id: string;
  /** Bumped each time the counts are forgotten (PostgreSQL); counts are written only into the generation read. */
  generation: number;
  /** JSON of core/team-stats.ts ProspectCounts; null once forgotten, until counted again. */
  counts: string | null;
}

export interface NotesTable {
  id: string;
  org_id: string;
  prospect_id: string;
  /** Who wrote it (null: a user no longer there). */
  author_id: string | null;
  body: string;
  /** The order the prospect's notes were written in (1, 2, ...). */
  seq: number;
  created_at: number;
  updated_at: number;
}

export interface Database {
  organisations: OrganisationsTable;
  users: UsersTable;
  products: ProductsTable;
  prospects: ProspectsTable;
  contacts: ContactsTable;
  events: EventsTable;
  external_ids: ExternalIdsTable;
  playbooks: PlaybooksTable;
  decisions: DecisionsTable;
  day_cards: DayCardsTable;
  credentials: CredentialsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  idempotency_keys: IdempotencyKeysTable;
  rate_limits: RateLimitsTable;
  notifications: NotificationsTable;
  import_jobs: ImportJobsTable;
  models: ModelsTable;
  rep_days: RepDaysTable;
  simulations: SimulationsTable;
  mailboxes: MailboxesTable;
  mail_folders: MailFoldersTable;
  outbox: OutboxTable;
  mail_messages: MailMessagesTable;
  suppressions: SuppressionsTable;
  audit_log: AuditLogTable;
  notes: NotesTable;
  prospect_counts: ProspectCountsTable;
}
