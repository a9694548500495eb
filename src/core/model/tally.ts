// What calibration counts: the conditions the stopping model sees (attempt, reached before,
// channel, source, deal size, time since the last touch), trials counted by those conditions (a
// cell), and wins after conversations. See calibrate.ts.

import type { WinTrial } from './trials.js';

export const MAX_ATTEMPT = 12;

export type Factor = 'channel' | 'source' | 'dealSize' | 'gap';
export const FACTORS: Factor[] = ['channel', 'source', 'dealSize', 'gap'];

export interface Curve {
  neverReached: number[];
  reached: number[];
}

export function dealSizeOf(value: number | undefined): string {
  if (value === undefined) return 'unknown';
  if (value < 10_000) return 'under 10k';
  if (value < 50_000) return '10k to 50k';
  return '50k and over';
}

export function gapOf(ms: number | undefined): string {
  if (ms === undefined) return 'first touch';
  const days = ms / 86_400_000;
  if (days <= 1) return 'within a day';
  if (days <= 3) return '2 to 3 days';
  if (days <= 7) return '4 to 7 days';
  return 'over a week';
}

export interface Conditions {
  attempt: number;
  reached: boolean;
  channel: string;
  source: string;
  dealValue: number | undefined;
  sinceLastTouch: number | undefined;
}

export function levelOf(c: Conditions, factor: Factor): string {
  switch (factor) {
    case 'channel':
      return c.channel;
    case 'source':
      return c.source;
    case 'dealSize':
      return dealSizeOf(c.dealValue);
    case 'gap':
      return gapOf(c.sinceLastTouch);
  }
}

export const cell = (attempt: number) => Math.min(Math.max(attempt, 1), MAX_ATTEMPT) - 1;
export const side = (reached: boolean): keyof Curve => (reached ? 'reached' : 'neverReached');
export const clamp = (p: number) => Math.min(0.95, Math.max(0.0005, p));

/** Trials that share every condition the model sees, counted together. */
export interface Cell {
  reached: boolean;
  /** 1 to MAX_ATTEMPT (later attempts pool with the last). */
  attempt: number;
  levels: Record<Factor, string>;
  trials: number;
  responses: number;
}

export function levelsOf(c: Conditions): Record<Factor, string> {
  return {
    channel: levelOf(c, 'channel'),
    source: levelOf(c, 'source'),
    dealSize: levelOf(c, 'dealSize'),
    gap: levelOf(c, 'gap'),
  };
}

/** Counts trials by cell, so that ten million touches fit in a few thousand numbers. */
export class Tally {
  readonly #cells = new Map<string, Cell>();

  add(t: Conditions & { responded: boolean }): void {
    const attempt = cell(t.attempt) + 1;
    const size = dealSizeOf(t.dealValue);
    const gap = gapOf(t.sinceLastTouch);
    const key = `${t.reached ? 1 : 0}|${attempt}|${t.channel}|${t.source}|${size}|${gap}`;
    let c = this.#cells.get(key);
    if (c === undefined) {
      const levels = { channel: t.channel, source: t.source, dealSize: size, gap };
      c = { reached: t.reached, attempt, levels, trials: 0, responses: 0 };
      this.#cells.set(key, c);
    }
    c.trials += 1;
    if (t.responded) c.responses += 1;
  }

  /** A tally of both. */
  merge(other: Tally): Tally {
    const out = new Tally();
    for (const c of [...this.cells(), ...other.cells()]) out.addCounts(c);
    return out;
  }

  private addCounts(c: Cell): void {
    const key = `${c.reached ? 1 : 0}|${c.attempt}|${c.levels.channel}|${c.levels.source}|${c.levels.dealSize}|${c.levels.gap}`;
    const own = this.#cells.get(key);
    if (own === undefined) this.#cells.set(key, { ...c });
    else {
      own.trials += c.trials;
      own.responses += c.responses;
    }
  }

  cells(): Cell[] {
    return [...this.#cells.values()];
  }

  get trials(): number {
    return this.cells().reduce((n, c) => n + c.trials, 0);
  }

  get responses(): number {
    return this.cells().reduce((n, c) => n + c.responses, 0);
  }
}

/** Wins after conversations, counted by whether the prospect had been reached before. */
export interface WinCounts {
  neverReached: { conversations: number; won: number };
  reached: { conversations: number; won: number };
}

export function emptyWins(): WinCounts {
  return { neverReached: { conversations: 0, won: 0 }, reached: { conversations: 0, won: 0 } };
}

export function addWin(counts: WinCounts, w: WinTrial): void {
  const k = side(w.reached);
  counts[k].conversations += 1;
  if (w.won) counts[k].won += 1;
}

/** A stable pseudo-random number in [0, 1) from an id (FNV-1a): the same prospect, the same draw. */
export function unitHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 2 ** 32;
}
