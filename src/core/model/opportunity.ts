// The value of a rep's time, from their own pipeline rather than a fixed number: what the last
// action that still fits in their day earns per minute (expected value over the minutes it takes),
// with the day taken in the agenda's order: the work that comes first whatever it earns
// (time-critical work, the messages that end a chase or keep in touch; see agenda.ts) takes its
// minutes first, then the rest best first. A touch worth less than that margin is worth less than
// the rep's alternative, so a full pipeline stops sooner than an empty one, and a day crowded with
// replies and committed calls sooner still; a rep whose actions all fit has idle time, and their
// time costs nothing extra (then the hard maximum stops the chase).

export interface Candidate {
  expectedValue: number;
  minutes: number;
  /** The agenda's class (agendaRank): below 2, taken before the value-ranked work. */
  urgency?: number;
}

const VALUE_RANKED = 2;

/** The rep's hourly value: 60 x the expected value per minute of the marginal action of the day. */
export function opportunityHourlyValue(candidates: Candidate[], availableMinutes: number): number {
  let used = 0;
  const ranked: { perMinute: number; minutes: number }[] = [];
  for (const c of candidates) {
    if (c.minutes <= 0) continue;
    if ((c.urgency ?? VALUE_RANKED) < VALUE_RANKED) used += c.minutes;
    else ranked.push({ perMinute: c.expectedValue / c.minutes, minutes: c.minutes });
  }
  ranked.sort((a, b) => b.perMinute - a.perMinute);
  for (const c of ranked) {
    if (used + c.minutes > availableMinutes) return 60 * c.perMinute;
    used += c.minutes;
  }
  return 0;
}
