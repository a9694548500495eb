// Small helpers for the plain sentences of reasons.

const dates = new Map<string, Intl.DateTimeFormat>();

/** "Tue, Mar 17" in the zone of the person concerned. */
export function day(zone: string, instant: number): string {
  let f = dates.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      weekday: 'short',
      month: 'short',
      day: 'numeric',
    });
    dates.set(zone, f);
  }
  return f.format(instant);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
