// The value of a rep's time, from their own pipeline rather than a fixed number: what the last
// action that still fits in their day earns per minute (expected value over the minutes it takes),
// when the day's actions are taken best first. A touch worth less than that is worth less than the
// rep's alternative, so a full pipeline stops sooner than an empty one; a rep whose actions all fit
// has idle time, and their time costs nothing extra (then the hard maximum stops the chase).

export interface Candidate {
  expectedValue: number;
  minutes: number;
}

/** The rep's hourly value: 60 x the expected value per minute of the marginal action of the day. */
export function opportunityHourlyValue(candidates: Candidate[], availableMinutes: number): number {
  const ranked = candidates
    .filter((c) => c.minutes > 0)
    .map((c) => ({ perMinute: c.expectedValue / c.minutes, minutes: c.minutes }))
    .sort((a, b) => b.perMinute - a.perMinute);
  let used = 0;
  for (const c of ranked) {
    if (used + c.minutes > availableMinutes) return 60 * c.perMinute;
    used += c.minutes;
  }
  return 0;
}
