// Small helpers for the plain sentences of reasons.

import { DAY, toLocal } from '../calendar.js';

/** Texts remembered per zone; a long run starts afresh past this many. */
const CACHE_LIMIT = 10_000;

/**
 * Intl text of an instant in a zone, remembered by `key` (its local day, for a format that shows
 * only the date; the instant itself otherwise): formatting is the slowest step of a decision.
 */
export function zonedText(
  options: Intl.DateTimeFormatOptions,
  key: (zone: string, instant: number) => number,
): (zone: string, instant: number) => string {
  const zones = new Map<string, { format: Intl.DateTimeFormat; texts: Map<number, string> }>();
  return (zone, instant) => {
    let entry = zones.get(zone);
    if (entry === undefined) {
      entry = { format: new Intl.DateTimeFormat('en-US', { ...options, timeZone: zone }), texts: new Map() };
      zones.set(zone, entry);
    }
    const k = key(zone, instant);
    let text = entry.texts.get(k);
    if (text === undefined) {
      if (entry.texts.size >= CACHE_LIMIT) entry.texts.clear();
      text = entry.format.format(instant);
      entry.texts.set(k, text);
    }
    return text;
  };
}

/** The day an instant falls on in a zone (days since 1970-01-01 of its wall clock). */
export const localDay = (zone: string, instant: number) => Math.floor(toLocal(zone, instant) / DAY);

/** "Tue, Mar 17" in the zone of the person concerned. */
export const day = zonedText({ weekday: 'short', month: 'short', day: 'numeric' }, localDay);

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A function of a number remembered for the numbers it was asked (a bounded number of them). */
function remembered(f: (n: number) => string): (n: number) => string {
  const texts = new Map<number, string>();
  return (n) => {
    let text = texts.get(n);
    if (text === undefined) {
      if (texts.size >= CACHE_LIMIT) texts.clear();
      text = f(n);
      texts.set(n, text);
    }
    return text;
  };
}

/** "$24,000", "$38.4": money as a rep reads it. */
export const money = remembered(moneyText);

function moneyText(amount: number): string {
  const [whole = '0', cents] = String(Math.round(amount * 100) / 100).split('.');
  return `$${thousands(whole)}${cents === undefined ? '' : `.${cents.padEnd(2, '0')}`}`;
}

/** "24000" as "24,000" (a minus sign kept in front; anything but digits, such as 1e+21, as it is). */
function thousands(whole: string): string {
  const from = whole.startsWith('-') ? 1 : 0;
  for (let i = from; i < whole.length; i += 1) {
    const code = whole.charCodeAt(i);
    if (code < 48 || code > 57) return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }
  const head = from + ((whole.length - from) % 3 || 3);
  let out = whole.slice(0, head);
  for (let i = head; i < whole.length; i += 3) out += `,${whole.slice(i, i + 3)}`;
  return out;
}

export const percent = remembered((p) => `${Number((p * 100).toFixed(1))}%`);
