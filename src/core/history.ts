// What a prospect's history says, read once per decision: touches, conversations, the current
// silence stretch, who opted out, and each commitment's standing (live, kept, missed) at `now`.

import { MINUTE } from './calendar.js';
import type { Playbook } from './playbook/load.js';
import type { Commitment, Deal, HistoryEvent, Prep, Response, State, Touch } from './scenario/state.js';

export type Conversation = Touch | Response;

export type CommitmentStatus =
  /** Its time is ahead (call, meeting, reply-by, other). */
  | 'ahead'
  /** A call or meeting whose time has come, with no touch logged for it yet and not yet missed. */
  | 'due'
  /** Kept: a conversation at its time (call, meeting) or a response before its date (reply-by). */
  | 'kept'
  | 'missed'
  /** An `other` commitment whose date has passed: it held until then and is never missed. */
  | 'lapsed';

export interface CommitmentView {
  event: Commitment;
  due: number;
  status: CommitmentStatus;
}

export interface History {
  events: HistoryEvent[];
  /** Outbound touches that reached someone's inbox or phone (a bounced message is not a touch). */
  touches: Touch[];
  conversations: Conversation[];
  lastConversation: Conversation | undefined;
  reached: boolean;
  /** Touches since the last conversation (all of them when there was none). */
  stretch: Touch[];
  responses: Response[];
  /** Contacts that opted out: `doNotContact`, or an `unsubscribe` response. */
  optedOut: ReadonlySet<string>;
  /** Live commitments the prospect made (`by` prospect or both), in time order. */
  commitments: CommitmentView[];
  preps: Prep[];
  deals: Deal[];
}

export function isTouch(e: HistoryEvent): e is Touch {
  return e.type === 'touch' && e.outcome !== 'bounced';
}

export function isConversation(e: HistoryEvent): e is Conversation {
  if (e.type === 'touch') return e.outcome === 'connected' || e.outcome === 'held';
  if (e.type === 'response') return e.sentiment !== 'out-of-office' && e.sentiment !== 'unsubscribe';
  return false;
}

/** Commitments (in time order) not withdrawn by a later one that replaces or cancels them. */
function liveCommitments(all: Commitment[]): Commitment[] {
  const withdrawn = new Set<string>();
  for (const c of all) {
    if (c.replaces !== undefined) withdrawn.add(c.replaces);
    else if (c.kind === 'cancelled') {
      // A cancellation that names nothing withdraws every commitment made before it.
      for (const earlier of all) if (earlier.seq < c.seq) withdrawn.add(earlier.id);
    }
  }
  return all.filter((c) => c.kind !== 'cancelled' && !withdrawn.has(c.id));
}

function statusOf(
  c: Commitment,
  due: number,
  h: Pick<History, 'touches' | 'conversations'>,
  now: number,
  playbook: Playbook,
): CommitmentStatus {
  const rules = playbook.doc.commitments;
  switch (c.kind) {
    case 'call':
    case 'meeting': {
      const keptFrom = due - rules.earlyToleranceMinutes * MINUTE;
      if (h.conversations.some((v) => v.seq > c.seq && v.at >= keptFrom)) return 'kept';
      if (h.touches.some((t) => t.seq > c.seq && t.at >= due)) return 'missed';
      if (now > due + rules.missedAfterMinutes * MINUTE) return 'missed';
      return now >= due ? 'due' : 'ahead';
    }
    case 'reply-by':
      if (h.conversations.some((v) => v.seq > c.seq)) return 'kept';
      return now > due ? 'missed' : 'ahead';
    case 'other':
    case 'cancelled':
      return now < due ? 'ahead' : 'lapsed';
  }
}

/** Nobody opted out: shared, never written to. */
const NOBODY: ReadonlySet<string> = new Set();

export function readHistory(state: State, playbook: Playbook): History {
  const events = state.events;
  const touches: Touch[] = [];
  const conversations: Conversation[] = [];
  const responses: Response[] = [];
  const preps: Prep[] = [];
  const deals: Deal[] = [];
  const made: Commitment[] = [];
  let optedOut: Set<string> | undefined;
  for (const c of state.contacts) if (c.doNotContact) (optedOut ??= new Set()).add(c.id);
  for (const e of events) {
    if (isTouch(e)) touches.push(e);
    if (isConversation(e)) conversations.push(e);
    if (e.type === 'response') {
      responses.push(e);
      if (e.sentiment === 'unsubscribe') (optedOut ??= new Set()).add(e.contactId);
    } else if (e.type === 'prep') preps.push(e);
    else if (e.type === 'deal') deals.push(e);
    else if (e.type === 'commitment') made.push(e);
  }
  const lastConversation = conversations.at(-1);
  const stretch =
    lastConversation === undefined ? touches : touches.filter((t) => t.seq > lastConversation.seq);
  const base = { touches, conversations };
  const commitments: CommitmentView[] = [];
  if (made.length > 0) {
    for (const c of liveCommitments(made)) {
      if (c.by === 'rep' || c.due === undefined) continue;
      commitments.push({ event: c, due: c.due, status: statusOf(c, c.due, base, state.now, playbook) });
    }
  }
  return {
    events,
    touches,
    conversations,
    lastConversation,
    reached: lastConversation !== undefined,
    stretch,
    responses,
    optedOut: optedOut ?? NOBODY,
    commitments,
    preps,
    deals,
  };
}

/** The last item that passes the test (Array.prototype.findLast, which V8 runs several times slower). */
export function findLast<T, S extends T>(list: readonly T[], test: (item: T) => item is S): S | undefined;
export function findLast<T>(list: readonly T[], test: (item: T) => boolean): T | undefined;
export function findLast<T>(list: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = list.length - 1; i >= 0; i -= 1) {
    const item = list[i] as T;
    if (test(item)) return item;
  }
  return undefined;
}

/** The last response that is not noise for the rules: out-of-office and unsubscribe are handled apart. */
export function lastMeaningfulResponse(h: History): Response | undefined {
  for (let i = h.responses.length - 1; i >= 0; i -= 1) {
    const r = h.responses[i] as Response;
    if (r.sentiment !== 'out-of-office' && r.sentiment !== 'unsubscribe') return r;
  }
  return undefined;
}

/** True when an outbound touch was logged after the event. */
export function touchedSince(h: History, e: HistoryEvent): boolean {
  const last = h.touches.at(-1);
  return last !== undefined && last.seq > e.seq;
}
