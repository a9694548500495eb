// The do-not-contact list as the engine and the outbox see it: a contact whose address or number is
// on the list is do-not-contact, whatever record it sits on. The engine is told through the field
// it already knows (`doNotContact`), so core stays pure and unaware of the list.

import { randomUUID } from 'node:crypto';
import { contactKeys, keyString } from '../../core/suppression.js';
import type { SuppressionKey } from '../../core/suppression.js';
import type { Contact, Suppression, SuppressionSource } from '../../core/records.js';
import { suppressions } from '../../store/repositories/suppressions.repository.js';
import type { Q } from '../context.js';

type Reach = Pick<Contact, 'email' | 'phone' | 'timezone'>;

/** The entries in force that reach these contacts, by key. */
async function inForceFor(q: Q, orgId: string, list: Reach[]): Promise<Map<string, Suppression>> {
  // Most organisations have no entry: then there is nothing to work out.
  if (list.length === 0 || !(await suppressions.anyInForce(q, orgId))) return new Map();
  const keys = list.flatMap(contactKeys);
  if (keys.length === 0) return new Map();
  const found = await suppressions.inForce(q, orgId, keys);
  return new Map(found.map((s) => [keyString(s), s]));
}

/** The contacts with `doNotContact` set where the list says so (the others as they are). */
export async function withSuppressions(q: Q, orgId: string, list: Contact[]): Promise<Contact[]> {
  const entries = await inForceFor(q, orgId, list);
  if (entries.size === 0) return list;
  return list.map((c) =>
    !c.doNotContact && contactKeys(c).some((k) => entries.has(keyString(k)))
      ? { ...c, doNotContact: true }
      : c,
  );
}

/** The entry that keeps a contact (or an address) from being contacted, if any. */
export async function suppressionOf(q: Q, orgId: string, contact: Reach): Promise<Suppression | undefined> {
  const entries = await inForceFor(q, orgId, [contact]);
  return contactKeys(contact)
    .map((k) => entries.get(keyString(k)))
    .find((s) => s !== undefined);
}

/** Says why a contact is on the list, in a sentence for the rep. */
export function suppressionReason(s: Suppression): string {
  const day = new Date(s.createdAt).toISOString().slice(0, 10);
  const how: Record<SuppressionSource, string> = {
    logged: 'an opt-out was logged',
    marked: 'they were marked do-not-contact',
    'unsubscribe-link': 'they unsubscribed',
    reply: 'they asked by email not to be contacted',
    import: 'an import said they opted out',
    manual: 'they were added to it',
  };
  return `${s.value} is on the do-not-contact list (${how[s.source]}, ${day})`;
}

/** How an opt-out came about: the contact it was made on, and who, when and why. */
export interface OptOut {
  /** The contact (an admin's entry names no record: null ids). */
  contact: Reach & { id: string | null; prospectId: string | null };
  source: SuppressionSource;
  at: number;
  by: string | null;
  eventId?: string | null;
}

/** The list's entries for these opt-outs (one per address or number). */
export function entriesFor(orgId: string, optOuts: OptOut[]): Suppression[] {
  const seen = new Set<string>();
  const out: Suppression[] = [];
  for (const o of optOuts) {
    for (const key of contactKeys(o.contact)) {
      if (seen.has(keyString(key))) continue;
      seen.add(keyString(key));
      out.push({
        id: randomUUID(),
        orgId,
        kind: key.kind,
        value: key.value,
        source: o.source,
        contactId: o.contact.id,
        prospectId: o.contact.prospectId,
        eventId: o.eventId ?? null,
        createdBy: o.by,
        createdAt: o.at,
        removedAt: null,
        removedBy: null,
        removalReason: null,
      });
    }
  }
  return out;
}

/** The prospects with a contact these keys reach. */
export async function prospectsReached(q: Q, orgId: string, keys: SuppressionKey[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const wanted = new Set(keys.map(keyString));
  const reached = await suppressions.contactsReached(q, orgId, keys);
  const ids = reached.filter((c) => contactKeys(c).some((k) => wanted.has(keyString(k))));
  return [...new Set(ids.map((c) => c.prospectId))];
}
