// The domain model a decision reads: a scenario after validation, with defaults applied, times as
// epoch milliseconds, and events in time order (ties keep input order), none later than `now`.

import type { Channel, CommitmentKind, Committer, Outcome, Purpose, Sentiment } from './schema.js';

export type Relationship = 'prospect' | 'customer' | 'ex-customer';
export type Source = 'inbound' | 'outbound' | 'referral' | 'event';
export type IcpFit = 'fit' | 'partial' | 'poor' | 'unknown';
export type ProductStatus = 'active' | 'deprioritized' | 'end-of-life';
export type ProductFit = 'fit' | 'no-fit' | 'unknown';

export interface RepInfo {
  id: string;
  name: string | undefined;
  email: string | undefined;
  phone: string | undefined;
  company: string | undefined;
  timezone: string;
  hourlyValue: number | undefined;
}

export interface ProspectInfo {
  id: string;
  name: string;
  relationship: Relationship;
  source: Source;
  createdAt: number;
  dealValue: number | undefined;
  icpFit: IcpFit;
  qualification: { serious: boolean | null; goalsClear: boolean | null; priceOnly: boolean | null };
  product: { status: ProductStatus; fit: ProductFit };
  doNotContact: boolean;
}

export interface ContactInfo {
  id: string;
  name: string;
  role: 'primary' | 'stakeholder';
  email: string | undefined;
  phone: string | undefined;
  /** The contact's zone, else the rep's: the zone of this contact's business windows. */
  timezone: string;
  doNotContact: boolean;
  /** Position in the scenario's contact list (ties between contacts go to the earlier one). */
  index: number;
}

export interface MeetingInfo {
  agendaShared: boolean | undefined;
  objective: string | undefined;
  powns: string[];
  objections: string[];
  infoTailored: boolean | undefined;
}

interface EventBase {
  id: string;
  at: number;
  /** Position in time order. */
  seq: number;
}

export interface Touch extends EventBase {
  type: 'touch';
  contactId: string;
  channel: Channel;
  outcome: Outcome;
  purpose: Purpose | undefined;
  durationMin: number | undefined;
  meeting: MeetingInfo | undefined;
}

export interface Response extends EventBase {
  type: 'response';
  contactId: string;
  channel: Channel | undefined;
  sentiment: Sentiment;
  until: number | undefined;
  referredContactId: string | undefined;
}

export interface Commitment extends EventBase {
  type: 'commitment';
  contactId: string;
  kind: CommitmentKind;
  by: Committer;
  /** Undefined only for a `cancelled` commitment logged without one. */
  due: number | undefined;
  description: string | undefined;
  replaces: string | undefined;
}

export interface Prep extends EventBase {
  type: 'prep';
  contactId: string | undefined;
  commitmentId: string;
  objective: string | undefined;
  agenda: string[];
}

export interface Deal extends EventBase {
  type: 'deal';
  result: 'won' | 'lost';
}

export type HistoryEvent = Touch | Response | Commitment | Prep | Deal;

export interface State {
  now: number;
  rep: RepInfo;
  prospect: ProspectInfo;
  contacts: ContactInfo[];
  events: HistoryEvent[];
}
