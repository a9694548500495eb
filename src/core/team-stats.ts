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
 * Counts a team's prospects one at a time, so that a large team's history need not be held at once:
 * `add` each prospect, then `stats` gives the totals.
 */
export function teamCounter(benchmarks: TeamBenchmarks): {
  add(p: StatProspect): void;
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

  const add = (p: StatProspect): void => {
    const r = rep(p.ownerId);
    if (p.source === 'inbound') {
      r.inboundLeads += 1;
      const call = p.events.find((e) => isTouch(e) && e.channel === 'call' && e.at >= p.createdAt);
      if (call !== undefined)
        r.minutesToFirstCall.push(Math.max(0, Math.round((call.at - p.createdAt) / MINUTE)));
    }
    let stretch = 0;
    let pendingBreakUp = false;
    for (const e of p.events) {
      if (e.type === 'response') {
        // The touch before a response is the one it answered.
        if (stretch > 0) {
          const slot = attempts[Math.min(stretch, MAX_ATTEMPT) - 1];
          if (slot !== undefined) slot.responses += 1;
        }
        if (pendingBreakUp) {
          const s = e.sentiment ?? 'other';
          afterBreakUp.answered[s] = (afterBreakUp.answered[s] ?? 0) + 1;
          pendingBreakUp = false;
        }
      }
      if (isConversation(e)) {
        stretch = 0;
        continue;
      }
      if (!isTouch(e)) continue;
      stretch += 1;
      const slot = attempts[Math.min(stretch, MAX_ATTEMPT) - 1];
      if (slot !== undefined) slot.touches += 1;
      if (e.purpose === 'break-up') {
        if (pendingBreakUp) afterBreakUp.unanswered += 1;
        r.breakUps += 1;
        r.touchesBeforeGivingUp.push(stretch);
        afterBreakUp.sent += 1;
        pendingBreakUp = true;
      }
    }
    if (pendingBreakUp) afterBreakUp.unanswered += 1;
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
  for (const p of prospects) counter.add(p);
  return counter.stats(overdueByOwner);
}
