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
