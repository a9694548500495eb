// The lookups of one chunk of an import: a few batch queries find every stored record its rows can
// mean (by external id, Pursuit id, contact email, company name, event source key), and fill the
// chunk with them before any row is resolved.

import type { ContactPart, ContactRef, EventPart, ImportUnit } from '../../integrations/crm/unit.js';
import { contacts, prospects } from '../../store/repositories/prospects.repository.js';
import { events } from '../../store/repositories/events.repository.js';
import { externalIds } from '../../store/repositories/external-ids.repository.js';
import { norm } from '../accounts/actors.js';
import type { Chunk } from './chunk.js';
import type { Q } from '../context.js';

/** Ids of Pursuit's own files that can be kept as they are. */
export const KEEPABLE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/** The key an event of the file is found by again: its own, or its id in the file's system. */
export function sourceKeyOf(e: EventPart, system: string): string | undefined {
  return e.sourceKey ?? (e.externalId === undefined ? undefined : `${system}:${e.externalId}`);
}

/** What the rows of a chunk refer to. */
interface Wanted {
  prospectExt: Set<string>;
  contactExt: Set<string>;
  emails: Set<string>;
  names: Set<string>;
  eventKeys: Set<string>;
  eventIds: Set<string>;
}

function wanted(units: ImportUnit[], system: string): Wanted {
  const native = system === 'pursuit';
  const prospectExt = new Set<string>();
  const contactExt = new Set<string>();
  const emails = new Set<string>();
  const names = new Set<string>();
  const eventKeys = new Set<string>();
  const eventIds = new Set<string>();
  const refContact = (r: ContactRef | ContactPart | undefined) => {
    if (r?.externalId !== undefined) contactExt.add(r.externalId);
    if (r?.email !== undefined) emails.add(r.email);
  };
  for (const u of units) {
    if (u.prospect?.externalId !== undefined) prospectExt.add(u.prospect.externalId);
    if (u.prospect?.name !== undefined) names.add(u.prospect.name);
    u.contacts.forEach(refContact);
    for (const e of u.events) {
      refContact(e.contact);
      if (e.refs?.referredContactId !== undefined) contactExt.add(e.refs.referredContactId);
      const key = sourceKeyOf(e, system);
      if (key !== undefined) eventKeys.add(key);
      for (const ref of [e.refs?.commitmentId, e.refs?.replaces]) {
        if (ref === undefined) continue;
        eventKeys.add(`${system}:${ref}`);
        eventIds.add(ref);
      }
      if (native && e.externalId !== undefined) eventIds.add(e.externalId);
    }
  }
  return { prospectExt, contactExt, emails, names, eventKeys, eventIds };
}

/**
 * Fills the chunk with what is stored of the records its rows refer to, as far as the importer may
 * change them (`mayChange`, by the prospect's owner). Records of prospects they may not change do
 * not exist for this import, as they do not in the API: a row that names one (by its ids, a contact's
 * email or its name) is matched as if it were not there, and the file's ids that those records hold
 * are noted as held (`chunk.held`), so that the importer's own records are found by them again.
 */
export async function lookUp(
  q: Q,
  orgId: string,
  system: string,
  units: ImportUnit[],
  chunk: Chunk,
  mayChange: (ownerId: string) => boolean,
): Promise<void> {
  const native = system === 'pursuit';
  const { prospectExt, contactExt, emails, names, eventKeys, eventIds } = wanted(units, system);
  for (const [ext, id] of await externalIds.findMany(q, orgId, system, 'prospect', [...prospectExt]))
    chunk.extProspects.set(ext, id);
  for (const [ext, id] of await externalIds.findMany(q, orgId, system, 'contact', [...contactExt]))
    chunk.extContacts.set(ext, id);
  const candidates = new Set(chunk.extProspects.values());
  if (native) {
    // Pursuit's own ids: the records themselves when they are this organisation's; taken otherwise.
    for (const p of await prospects.findByIds(
      q,
      [...prospectExt].filter((id) => KEEPABLE_ID.test(id)),
    )) {
      chunk.takenIds.add(p.id);
      if (p.orgId === orgId && !chunk.extProspects.has(p.id)) {
        chunk.extProspects.set(p.id, p.id);
        candidates.add(p.id);
      }
    }
    for (const c of await contacts.findByIds(
      q,
      [...contactExt].filter((id) => KEEPABLE_ID.test(id)),
    )) {
      chunk.takenIds.add(c.id);
      if (c.orgId === orgId && !chunk.extContacts.has(c.id)) chunk.extContacts.set(c.id, c.id);
    }
    for (const [id, owner] of await events.ownersOf(
      q,
      [...eventIds].filter((i) => KEEPABLE_ID.test(i)),
    )) {
      chunk.takenIds.add(id);
      chunk.eventIds.set(id, owner);
    }
  }
  const prospectOfContact = new Map<string, string>();
  for (const c of await contacts.findByIds(q, [...new Set(chunk.extContacts.values())])) {
    if (c.orgId !== orgId) continue;
    candidates.add(c.prospectId);
    prospectOfContact.set(c.id, c.prospectId);
  }
  for (const c of await contacts.findByEmails(q, orgId, [...emails])) candidates.add(c.prospectId);
  for (const p of await prospects.findByNames(q, orgId, [...names])) {
    if (!mayChange(p.ownerId)) continue;
    candidates.add(p.id);
    chunk.byName.set(norm(p.name), [...(chunk.byName.get(norm(p.name)) ?? []), p.id]);
  }
  const found = await events.idsBySourceKey(q, orgId, [...eventKeys]);
  for (const e of found.values()) candidates.add(e.prospectId);
  const hidden = new Set<string>();
  for (const p of await prospects.findByIds(q, [...candidates])) {
    if (p.orgId !== orgId) continue;
    if (mayChange(p.ownerId)) chunk.prospects.set(p.id, p);
    else hidden.add(p.id);
  }
  hideHeld(chunk, hidden, prospectOfContact);
  for (const c of await contacts.listByProspects(q, [...chunk.prospects.keys()])) {
    chunk.contactById.set(c.id, c);
    chunk.contactsOf.set(c.prospectId, [...(chunk.contactsOf.get(c.prospectId) ?? []), c]);
    if (c.email !== null && !chunk.byEmail.has(c.email)) chunk.byEmail.set(c.email, c.id);
  }
  for (const [key, e] of found) {
    if (hidden.has(e.prospectId)) chunk.held.add(`event:${key}`);
    else chunk.eventKeys.set(key, e);
  }
  chunk.keep();
}

/** Forgets the file's ids that point into prospects the importer may not change, noting them as held. */
function hideHeld(chunk: Chunk, hidden: Set<string>, prospectOfContact: Map<string, string>): void {
  for (const [ext, id] of chunk.extProspects) {
    if (!hidden.has(id)) continue;
    chunk.extProspects.delete(ext);
    chunk.held.add(`prospect:${ext}`);
  }
  for (const [ext, id] of chunk.extContacts) {
    const prospectId = prospectOfContact.get(id);
    if (prospectId === undefined || !hidden.has(prospectId)) continue;
    chunk.extContacts.delete(ext);
    chunk.held.add(`contact:${ext}`);
  }
}
