// The writing of one chunk of an import: products, prospects, contacts, external ids and events in
// multi-row inserts (events already stored under the same content left out), and what became of
// each prospect the chunk touched (created, updated or unchanged), for the report.

import type { Contact, Prospect, StoredEvent } from '../../core/records.js';
import type { OptOut } from '../decisions/suppressions.js';
import { products } from '../../store/repositories/people.repository.js';
import { contacts, prospects } from '../../store/repositories/prospects.repository.js';
import { events } from '../../store/repositories/events.repository.js';
import { externalIds } from '../../store/repositories/external-ids.repository.js';
import type { Chunk } from './chunk.js';
import type { ImportReport } from './report.js';
import type { Q } from '../context.js';

export const CREATED = 0;
export const UPDATED = 1;
export const UNCHANGED = 2;
export type Status = typeof CREATED | typeof UPDATED | typeof UNCHANGED;

/**
 * The opt-outs the chunk carries, for the do-not-contact list: contacts its opt-out column marks,
 * and unsubscribe responses in its history.
 */
function optOutsOf(chunk: Chunk, written: StoredEvent[], by: string, now: number): OptOut[] {
  const marked = [...chunk.newContacts, ...chunk.dirtyContacts]
    .map((id) => chunk.contactById.get(id) as Contact)
    .filter((c) => c.doNotContact)
    .map((contact) => ({ contact, source: 'import' as const, at: now, by }));
  const unsubscribed = written.flatMap((e) => {
    const contact = e.contactId === null ? undefined : chunk.contactById.get(e.contactId);
    if (e.type !== 'response' || e.data.sentiment !== 'unsubscribe' || contact === undefined) return [];
    return [{ contact, source: 'import' as const, at: e.at, by, eventId: e.id }];
  });
  return [...unsubscribed, ...marked];
}

/**
 * Writes the chunk, counts what it wrote in the report, and notes each touched prospect's status.
 * Returns the opt-outs it carried.
 */
export async function writeChunk(
  q: Q,
  actor: { orgId: string; id: string; now: number },
  chunk: Chunk,
  report: ImportReport,
  touched: Map<string, Status>,
): Promise<OptOut[]> {
  const { orgId } = actor;
  // Events deduplicated by content: the stored ones are known only now.
  const hashed = chunk.newEvents.filter((e) => e.sourceKey?.startsWith('hash:'));
  let fresh = chunk.newEvents;
  if (hashed.length > 0) {
    const stored = await events.idsBySourceKey(
      q,
      orgId,
      hashed.map((e) => e.sourceKey as string),
    );
    if (stored.size > 0) {
      fresh = chunk.newEvents.filter((e) => !stored.has(e.sourceKey as string));
      chunk.duplicates += chunk.newEvents.length - fresh.length;
    }
  }
  for (const p of chunk.newProducts) {
    await products.insert(q, p);
    report.productsCreated.push(p.name);
  }
  const created = [...chunk.created].map((id) => chunk.prospects.get(id) as Prospect);
  await prospects.insertMany(q, created);
  await prospects.updateMany(
    q,
    [...chunk.dirty].map((id) => chunk.prospects.get(id) as Prospect),
  );
  await contacts.insertMany(
    q,
    [...chunk.newContacts].map((id) => chunk.contactById.get(id) as Contact),
  );
  await contacts.updateMany(
    q,
    [...chunk.dirtyContacts].map((id) => chunk.contactById.get(id) as Contact),
  );
  await externalIds.insertMany(
    q,
    chunk.newExtIds.map((x) => ({ orgId, ...x })),
  );
  const added = await events.insertMany(q, fresh);
  report.events.added += added;
  report.events.duplicates += chunk.duplicates + (fresh.length - added);
  report.contacts.created += chunk.newContacts.size;
  report.contacts.updated += chunk.dirtyContacts.size;
  const withEvents = new Set(fresh.map((e) => e.prospectId));
  for (const id of chunk.seen) {
    const status: Status = chunk.created.has(id)
      ? CREATED
      : chunk.dirty.has(id) || chunk.contactsChanged.has(id) || withEvents.has(id)
        ? UPDATED
        : UNCHANGED;
    const prev = touched.get(id);
    touched.set(id, prev === undefined ? status : (Math.min(prev, status) as Status));
  }
  return optOutsOf(chunk, fresh, actor.id, actor.now);
}
