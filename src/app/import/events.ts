// The events of an import's rows: each checked as the contract checks a logged one (dated before
// now, with a contact where its type needs one, its references to contacts and commitments known),
// then added to the chunk unless the same event was imported before (by source key or content).

import { eventProblem } from '../../integrations/crm/contract-event.js';
import { contentKey } from './merge.js';
import type { EventPart } from '../../integrations/crm/unit.js';
import { RowError } from '../../integrations/csv/values.js';
import type { Contact, StoredEvent } from '../../core/records.js';
import { sourceKeyOf } from './lookup.js';
import type { RowResolver } from './resolve.js';

/** Adds one event of a row to the chunk (or counts it as a duplicate). */
export function resolveEvent(resolver: RowResolver, prospectId: string, e: EventPart, own: Contact[]): void {
  const { chunk, system, orgId, now } = resolver;
  const type = e.data.type;
  if (typeof type !== 'string') throw new RowError('event: the type is missing');
  if (e.at > now) throw new RowError('at: dated after now (import what happened)');
  const contact = eventContact(resolver, prospectId, e, own, type);
  const data = eventData(resolver, prospectId, e, type, contact);
  // A key held by an event of a prospect the importer may not change is not theirs to take: the
  // event is known by its content on their prospect instead.
  const fileKey = sourceKeyOf(e, system);
  const held = fileKey !== undefined && chunk.held.has(`event:${fileKey}`);
  const key = fileKey === undefined || held ? contentKey(prospectId, data) : fileKey;
  const native = e.externalId === undefined ? undefined : chunk.eventIds.get(e.externalId);
  if (
    chunk.eventKeys.has(key) ||
    (system === 'pursuit' && native?.orgId === orgId && native.prospectId === prospectId)
  ) {
    chunk.count(1);
    return;
  }
  const id = resolver.newId(e.externalId);
  data.id = id;
  // An event that keeps its Pursuit id is found by it; a source key is for ids of other systems.
  const sourceKey = e.sourceKey === undefined && id === e.externalId ? null : key;
  chunk.set(chunk.eventKeys, key, { id, prospectId, type });
  // (So that the rows after it in this chunk may refer to it by its id in the file.)
  if (held) chunk.set(chunk.eventKeys, fileKey, { id, prospectId, type });
  if (e.externalId !== undefined) chunk.set(chunk.eventIds, e.externalId, { orgId, prospectId, type });
  chunk.push(chunk.newEvents, {
    id,
    orgId,
    prospectId,
    type: type as StoredEvent['type'],
    at: e.at,
    contactId: contact?.id ?? null,
    data,
    loggedBy: resolver.actor.id,
    loggedAt: Math.min(e.loggedAt ?? now, now),
    logSeq: null,
    sourceKey,
  });
}

/** The contact the event names, else the row's own; for a type that needs one, else the prospect's primary. */
function eventContact(
  resolver: RowResolver,
  prospectId: string,
  e: EventPart,
  own: Contact[],
  type: string,
): Contact | undefined {
  const needsContact = type === 'touch' || type === 'response' || type === 'commitment';
  const list = resolver.chunk.contactsOf.get(prospectId) ?? [];
  let contact = e.contact === undefined ? undefined : (resolver.findContact(prospectId, e.contact) ?? own[0]);
  if (contact === undefined && e.contact !== undefined && needsContact) {
    const r = e.contact;
    throw new RowError(
      `unknown contact ${r.externalId ?? r.email ?? r.name ?? ''}: import the contacts first (or in the same run)`,
    );
  }
  if (contact === undefined && needsContact) {
    contact = own[0] ?? list.find((c) => c.role === 'primary') ?? list[0];
    if (contact === undefined)
      throw new RowError(`the prospect has no contact for this ${type}: import its contacts first`);
  }
  return contact;
}

/** The event as stored: the contract's fields, references resolved to ids, checked (its id still pending). */
function eventData(
  resolver: RowResolver,
  prospectId: string,
  e: EventPart,
  type: string,
  contact: Contact | undefined,
): Record<string, unknown> {
  // The contract's order: id, type, at, contactId, then the fields of the type.
  const data: Record<string, unknown> = { id: '', type, at: new Date(e.at).toISOString() };
  if (contact !== undefined) data.contactId = contact.id;
  for (const key in e.data) if (key !== 'type') data[key] = e.data[key];
  if (e.refs?.referredContactId !== undefined) {
    const referred = resolver.findContact(prospectId, { externalId: e.refs.referredContactId });
    if (referred === undefined)
      throw new RowError(`referredContactId: unknown contact "${e.refs.referredContactId}"`);
    data.referredContactId = referred.id;
  }
  if (e.refs?.commitmentId !== undefined)
    data.commitmentId = commitmentRef(resolver, prospectId, e.refs.commitmentId, 'commitmentId');
  if (e.refs?.replaces !== undefined)
    data.replaces = commitmentRef(resolver, prospectId, e.refs.replaces, 'replaces');
  data.id = 'pending';
  // `at` was written from a number just above, so it is a real time.
  const problem = eventProblem(data, { atChecked: true });
  if (problem !== undefined) throw new RowError(problem);
  return data;
}

/** The id of a commitment of this prospect that an event refers to (by its id in the file). */
function commitmentRef(resolver: RowResolver, prospectId: string, ref: string, field: string): string {
  const { chunk, system } = resolver;
  const byKey = chunk.eventKeys.get(`${system}:${ref}`);
  if (byKey?.type === 'commitment' && byKey.prospectId === prospectId) return byKey.id;
  const byId = chunk.eventIds.get(ref);
  if (
    system === 'pursuit' &&
    byId?.type === 'commitment' &&
    byId.orgId === resolver.orgId &&
    byId.prospectId === prospectId
  )
    return ref;
  throw new RowError(`${field}: no commitment "${ref}" of this prospect was imported`);
}
