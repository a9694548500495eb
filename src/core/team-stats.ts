// How a team follows up, from its logged history: how many touches each rep makes before giving up
// (against the benchmark of 5 follow-ups), the response rate by attempt number, speed to lead
// against the 5-minute mark, what happened after break-up messages, and overdue actions. Pure: the
// app layer reads the events, this counts.

/** One logged event, as much of it as the counts need. */
export interface StatEvent {
  type: string;
  at: number;
  channel?: string;
  outcome?: string;
  purpose?: string;
  sentiment?: string;
}

export interface StatProspect {
  ownerId: string;
  source: string;
  createdAt: number;
  /** In time order. */
  events: StatEvent[];
}

export interface RepStats {
  ownerId: string;
  /** Break-up messages sent, and the unanswered touches before each (its own included). */
  breakUps: number;
  touchesBeforeGivingUp: number[];
  /** Inbound leads, and minutes from arrival to the first call (undefined when never called). */
  inboundLeads: number;
  minutesToFirstCall: number[];
  overdue: number;
}

export interface TeamStats {
  benchmarkTouches: number;
  speedToLeadMinutes: number;
  reps: RepStats[];
  /** By attempt number in a silence stretch (1 = first touch after a conversation or ever). */
  byAttempt: { attempt: number; touches: number; responses: number }[];
  /** After break-up messages: how many were answered, by the answer's sentiment. */
  afterBreakUp: { sent: number; unanswered: number; answered: Record<string, number> };
}

const MINUTE = 60_000;
const MAX_ATTEMPT = 12;

function isTouch(e: StatEvent): boolean {
  return e.type === 'touch' && e.outcome !== 'bounced';
}

/** A conversation ends a silence stretch: a call connected, a meeting held, or a real reply. */
function isConversation(e: StatEvent): boolean {
  if (e.type === 'touch') return e.outcome === 'connected' || e.outcome === 'held';
  return e.type === 'response' && e.sentiment !== 'out-of-office' && e.sentiment !== 'unsubscribe';
}

export interface TeamBenchmarks {
  touches: number;
  speedToLeadMinutes: number;
}

/**
 * What one prospect adds to the team's numbers. It depends on the prospect's history, source and
 * arrival only, not on the playbook, so it is kept per prospect (store: prospect_counts) and summed
 * on read, and counted again only when the history changes. Kept as JSON: a change to its shape,
 * or to what countProspect counts, needs a migration that empties prospect_counts.
 */
export interface ProspectCounts {
  /** An inbound lead: minutes from its arrival to its first call, null when never called. */
  firstCall?: number | null;
  /** The unanswered touches before each break-up message (its own included), in order. */
  giveUps: number[];
  /** Touches and the responses to them, by attempt number (index 0 is the first attempt). */
  touches: number[];
  responses: number[];
  /** Break-up messages left unanswered, and the answers to the others by sentiment. */
  unanswered: number;
  answered: Record<string, number>;
}

/** Counts one prospect's history. */
export function countProspect(p: Omit<StatProspect, 'ownerId'>): ProspectCounts {
  const counts: ProspectCounts = { giveUps: [], touches: [], responses: [], unanswered: 0, answered: {} };
  if (p.source === 'inbound') {
    const call = p.events.find((e) => isTouch(e) && e.channel === 'call' && e.at >= p.createdAt);
    counts.firstCall = call === undefined ? null : Math.max(0, Math.round((call.at - p.createdAt) / MINUTE));
  }
  const bump = (list: number[], stretch: number) => {
    const i = Math.min(stretch, MAX_ATTEMPT) - 1;
    while (list.length <= i) list.push(0);
    list[i] = (list[i] as number) + 1;
  };
  let stretch = 0;
  let pendingBreakUp = false;
  for (const e of p.events) {
    if (e.type === 'response') {
      // The touch before a response is the one it answered.
      if (stretch > 0) bump(counts.responses, stretch);
      if (pendingBreakUp) {
        const s = e.sentiment ?? 'other';
        counts.answered[s] = (counts.answered[s] ?? 0) + 1;
        pendingBreakUp = false;
      }
    }
    if (isConversation(e)) {
      stretch = 0;
      continue;
    }
    if (!isTouch(e)) continue;
    stretch += 1;
    bump(counts.touches, stretch);
    if (e.purpose === 'break-up') {
      if (pendingBreakUp) counts.unanswered += 1;
      counts.giveUps.push(stretch);
      pendingBreakUp = true;
    }
  }
  if (pendingBreakUp) counts.unanswered += 1;
  return counts;
}

/**
 * Sums a team's prospects one at a time, so that a large team's history need not be held at once:
 * `add` each prospect's counts with its owner, then `stats` gives the totals.
 */
export function teamCounter(benchmarks: TeamBenchmarks): {
  add(ownerId: string, counts: ProspectCounts): void;
  stats(overdueByOwner: Map<string, number>): TeamStats;
} {
  const reps = new Map<string, RepStats>();
  const rep = (ownerId: string): RepStats => {
    let r = reps.get(ownerId);
    if (r === undefined) {
      r = {
        ownerId,
        breakUps: 0,
        touchesBeforeGivingUp: [],
        inboundLeads: 0,
        minutesToFirstCall: [],
        overdue: 0,
      };
      reps.set(ownerId, r);
    }
    return r;
  };
  const attempts = Array.from({ length: MAX_ATTEMPT }, (_, i) => ({
    attempt: i + 1,
    touches: 0,
    responses: 0,
  }));
  const afterBreakUp = { sent: 0, unanswered: 0, answered: {} as Record<string, number> };

  const add = (ownerId: string, c: ProspectCounts): void => {
    const r = rep(ownerId);
    if (c.firstCall !== undefined) {
      r.inboundLeads += 1;
      if (c.firstCall !== null) r.minutesToFirstCall.push(c.firstCall);
    }
    c.touches.forEach((n, i) => {
      (attempts[i] as { touches: number }).touches += n;
    });
    c.responses.forEach((n, i) => {
      (attempts[i] as { responses: number }).responses += n;
    });
    for (const stretch of c.giveUps) r.touchesBeforeGivingUp.push(stretch);
    r.breakUps += c.giveUps.length;
    afterBreakUp.sent += c.giveUps.length;
    afterBreakUp.unanswered += c.unanswered;
    for (const [s, n] of Object.entries(c.answered))
      afterBreakUp.answered[s] = (afterBreakUp.answered[s] ?? 0) + n;
  };
  const stats = (overdueByOwner: Map<string, number>): TeamStats => {
    for (const [ownerId, n] of overdueByOwner) rep(ownerId).overdue = n;
    return {
      benchmarkTouches: benchmarks.touches,
      speedToLeadMinutes: benchmarks.speedToLeadMinutes,
      reps: [...reps.values()],
      byAttempt: attempts,
      afterBreakUp,
    };
  };
  return { add, stats };
}

export function teamStats(
  prospects: Iterable<StatProspect>,
  overdueByOwner: Map<string, number>,
  benchmarks: TeamBenchmarks,
): TeamStats {
  const counter = teamCounter(benchmarks);
  for (const p of prospects) counter.add(p.ownerId, countProspect(p));
  return counter.stats(overdueByOwner);
}
