// Times in the rep's own zone, money and percentages, as the CLI shows them.

export function when(iso: string, zone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

export function relative(iso: string, now: number): string {
  const minutes = Math.round((Date.parse(iso) - now) / 60_000);
  const span = (m: number) =>
    m < 60 ? `${m} min` : m < 48 * 60 ? `${Math.round(m / 60)} h` : `${Math.round(m / (24 * 60))} days`;
  if (Math.abs(minutes) < 1) return 'now';
  return minutes < 0 ? `overdue by ${span(-minutes)}` : `in ${span(minutes)}`;
}

export function money(n: number): string {
  return n.toLocaleString('en-US', {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: n < 100 ? 2 : 0,
  });
}

export function percent(p: number): string {
  return `${(p * 100).toFixed(1)}%`;
}

export function minutes(m: number): string {
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** FOLLOW-UP by call, RESPOND by email, PREPARE. */
export function actionLabel(action: string, channel: string | undefined): string {
  return `${action.toUpperCase()}${channel === undefined ? '' : ` by ${channel}`}`;
}

/** The time of day in the zone ("9:02 AM EDT"), with the day too when it is not the same day as `now`. */
export function timeOf(iso: string, zone: string, now: number): string {
  const day = (t: number) =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date(t));
  if (day(Date.parse(iso)) !== day(now)) return when(iso, zone);
  return new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** A calendar day (YYYY-MM-DD) as "Mon, Mar 16". */
export function calendarDay(date: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone: 'UTC',
    weekday: 'short',
    month: 'short',
    day: 'numeric',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** A stopping model's version in words: "prior@1" is the published figures, "calibrated@3" the team's. */
export function modelName(version: string): string {
  const [kind, n] = version.split('@');
  if (kind === 'prior') return 'the published figures';
  if (kind === 'calibrated') return `your team's history (calibration ${n ?? '?'})`;
  return version;
}

/** A duration in minutes as people say it: "5 min", "2 h", "3 d", "2 wk", "4 mo", "1 y". */
export function spokenMinutes(m: number): string {
  const units: [number, string][] = [
    [525_600, 'y'],
    [43_200, 'mo'],
    [10_080, 'wk'],
    [1440, 'd'],
    [60, 'h'],
  ];
  for (const [size, unit] of units) if (m >= size) return `${Math.round(m / size)} ${unit}`;
  return `${Math.round(m)} min`;
}
