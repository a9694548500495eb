// One event of a generic CSV row: the contract event in "event-data" (JSON), with the row's own
// columns (event, channel, outcome, at, due, ...) over it, and its references to contacts and
// commitments kept as external ids for the import to resolve.

import type { ContactRef, EventPart, MapContext } from './unit.js';
import { defined } from './unit.js';
import type { GenericField } from './generic.js';
import { RowError, parseAmount, parseChoice, parseTime } from '../csv/values.js';

/** Fields of an event that the import sets itself (ids are mapped, times are columns). */
const NOT_DATA = new Set([
  'id',
  'at',
  'contactId',
  'loggedAt',
  'sourceKey',
  'commitmentId',
  'replaces',
  'referredContactId',
]);

const CHANNEL_SHORTHANDS = new Set(['call', 'email', 'sms', 'social', 'meeting']);
const EVENT_TYPES = ['touch', 'response', 'commitment', 'prep', 'deal'] as const;

/** The contract event of a row: event-data first, the columns over it. */
export function eventOf(
  get: (f: GenericField) => string | undefined,
  ctx: MapContext,
  contact: ContactRef | undefined,
): EventPart {
  let data: Record<string, unknown> = {};
  const json = get('event-data');
  if (json !== undefined) {
    try {
      const parsed: unknown = JSON.parse(json);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Error('not an object');
      data = { ...(parsed as Record<string, unknown>) };
    } catch {
      throw new RowError('event-data: expected a JSON object (an event in the form of CONTRACT.md)');
    }
  }
  const typeText = get('event');
  let type = typeText?.toLowerCase();
  if (type !== undefined && CHANNEL_SHORTHANDS.has(type)) {
    data.channel = data.channel ?? type;
    type = 'touch';
  }
  const set = (key: string, value: unknown) => {
    if (value !== undefined) data[key] = value;
  };
  set('type', parseChoice('event', type, EVENT_TYPES));
  set('channel', get('channel')?.toLowerCase());
  set('outcome', get('outcome')?.toLowerCase());
  set('purpose', get('purpose')?.toLowerCase());
  set('sentiment', get('sentiment')?.toLowerCase());
  set('durationMin', parseAmount('duration', get('duration')));
  const until = get('until');
  set(
    'until',
    until === undefined || /^\d{4}-\d{2}-\d{2}$/.test(until)
      ? until
      : iso(parseTime('until', until, ctx.zone)),
  );
  set('kind', get('kind')?.toLowerCase());
  set('by', get('by')?.toLowerCase());
  const due = get('due');
  set(
    'due',
    due === undefined || /^\d{4}-\d{2}-\d{2}$/.test(due) ? due : iso(parseTime('due', due, ctx.zone)),
  );
  set('description', get('description'));
  set('result', get('result')?.toLowerCase());
  const at =
    parseTime('at', get('at'), ctx.zone) ??
    (typeof data.at === 'string' ? parseTime('event-data.at', data.at, ctx.zone) : undefined);
  if (at === undefined) throw new RowError('at: an event needs a time');
  const externalId = get('event-id') ?? (typeof data.id === 'string' ? data.id : undefined);
  const ref = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : undefined);
  const refs = defined({
    commitmentId: ref('commitmentId'),
    replaces: ref('replaces'),
    referredContactId: ref('referredContactId'),
  });
  const eventContact: ContactRef | undefined =
    contact ?? (typeof data.contactId === 'string' ? { externalId: data.contactId } : undefined);
  const own: Record<string, unknown> = {};
  for (const key in data) if (!NOT_DATA.has(key)) own[key] = data[key];
  return defined({
    externalId,
    sourceKey: get('source-key'),
    at,
    data: own,
    contact: eventContact,
    refs: Object.keys(refs).length === 0 ? undefined : refs,
    loggedAt: parseTime('logged-at', get('logged-at'), ctx.zone),
  });
}

function iso(t: number | undefined): string | undefined {
  return t === undefined ? undefined : new Date(t).toISOString();
}
