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

/** "$24,000", "$38.4": money as a rep reads it. */
export function money(amount: number): string {
  const [whole, cents] = String(Math.round(amount * 100) / 100).split('.');
  return `$${(whole ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${cents === undefined ? '' : `.${cents.padEnd(2, '0')}`}`;
}

export function percent(p: number): string {
  return `${Number((p * 100).toFixed(1))}%`;
}
