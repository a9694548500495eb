// Today reads the agenda a page at a time: the first actions of a list (all due, overdue, later
// today, or what tomorrow adds) up to as many as the rep has asked to see.

import { api } from '../../api.js';
import type { Agenda, AgendaItem, AgendaShow } from '../../types.js';

/**
 * Actions shown at first, and added by each "Show more" (or by scrolling to the end): more than a
 * laptop's screen holds in the compact list, and a small answer (bench:api).
 */
export const PAGE = 25;
/** The most the API sends in one answer. */
const MOST = 500;

export interface List {
  /** The answer the list was read from: its counts speak of the whole day. */
  day: Agenda;
  items: AgendaItem[];
  /** How many actions the list holds, read or not. */
  total: number;
}

/** Reads the first `upTo` actions of a list (in answers of at most 500). */
export async function readList(show: AgendaShow, upTo: number, date?: 'tomorrow'): Promise<List> {
  const items: AgendaItem[] = [];
  const seen = new Set<string>();
  for (;;) {
    const limit = Math.min(MOST, upTo - items.length);
    const query = `show=${show}&offset=${items.length}&limit=${limit}${date === undefined ? '' : `&date=${date}`}`;
    const day = await api<Agenda>('GET', `/api/agenda?${query}`);
    // The clock may turn a minute between two answers and move an action from one to the next.
    for (const item of day.items) {
      if (seen.has(item.prospect.id)) continue;
      seen.add(item.prospect.id);
      items.push(item);
    }
    const total = day.page?.total ?? day.items.length;
    if (day.items.length < limit || items.length >= upTo || items.length >= total)
      return { day, items, total };
  }
}
