// Prospects and contacts: add and edit (reading.ts shows and lists them). Every change re-decides
// the prospect in the same transaction, so its current decision is never stale.

import { randomUUID } from 'node:crypto';
import { PursuitError } from '../../core/errors.js';
import type { Contact, Prospect, User } from '../../core/records.js';
import { users } from '../../store/repositories/people.repository.js';
import { contacts, prospects } from '../../store/repositories/prospects.repository.js';
import type { AppContext } from '../context.js';
import { resolveName, resolveProspect, visibleOwners } from '../accounts/actors.js';
import { refreshDecisions } from '../decisions/decisions.js';
import { recordOptOuts } from '../decisions/opt-outs.js';
import { amount, email, flag, oneOf, text, when, zone } from '../inputs.js';
import { LIMITS, withinLimit } from '../limits.js';
import { inTransaction } from '../context.js';
import type { Q } from '../context.js';

export interface ContactInput {
  name?: string;
  email?: string;
  phone?: string;
  timezone?: string;
  role?: string;
  doNotContact?: boolean;
}

export interface ProspectInput {
  name?: string;
  owner?: string;
  relationship?: string;
  source?: string;
  dealValue?: string | number;
  icpFit?: string;
  serious?: string | boolean;
  goalsClear?: string | boolean;
  priceOnly?: string | boolean;
  productFit?: string;
  doNotContact?: boolean;
  createdAt?: string;
  contact?: ContactInput;
}

async function ownerFor(q: Q, actor: User, typed: string | undefined): Promise<User> {
  if (typed === undefined) return actor;
  const team = await users.list(q, actor.orgId);
  const owner = resolveName(team, typed, 'user', 'owner');
  const visible = await visibleOwners(q, actor);
  if (visible !== undefined && !visible.includes(owner.id)) {
    throw new PursuitError('FORBIDDEN', `you cannot give prospects to ${owner.name}`, 'owner');
  }
  return owner;
}

function applyProspect(p: Prospect, input: ProspectInput): Prospect {
  const next = { ...p };
  if (input.name !== undefined)
    next.name = text('name', withinLimit('name', input.name, LIMITS.prospectName)) as string;
  next.relationship =
    oneOf('relationship', input.relationship, ['prospect', 'customer', 'ex-customer'] as const) ??
    p.relationship;
  next.source =
    oneOf('source', input.source, ['inbound', 'outbound', 'referral', 'event'] as const) ?? p.source;
  if (input.dealValue !== undefined) next.dealValue = amount('deal-value', input.dealValue) ?? null;
  next.icpFit = oneOf('icp-fit', input.icpFit, ['fit', 'partial', 'poor', 'unknown'] as const) ?? p.icpFit;
  const serious = flag('serious', input.serious);
  if (serious !== undefined) next.serious = serious;
  const goalsClear = flag('goals-clear', input.goalsClear);
  if (goalsClear !== undefined) next.goalsClear = goalsClear;
  const priceOnly = flag('price-only', input.priceOnly);
  if (priceOnly !== undefined) next.priceOnly = priceOnly;
  next.productFit =
    oneOf('product-fit', input.productFit, ['fit', 'no-fit', 'unknown'] as const) ?? p.productFit;
  if (input.doNotContact !== undefined) next.doNotContact = input.doNotContact;
  return next;
}

/** A new prospect of an owner, with nothing known of it yet (no name: the caller gives one). */
export function blankProspect(orgId: string, ownerId: string, createdAt: number, now: number): Prospect {
  return {
    id: randomUUID(),
    orgId,
    ownerId,
    name: '',
    relationship: 'prospect',
    source: 'outbound',
    createdAt,
    dealValue: null,
    icpFit: 'unknown',
    serious: null,
    goalsClear: null,
    priceOnly: null,
    productId: null,
    productFit: 'unknown',
    doNotContact: false,
    snoozedUntil: null,
    updatedAt: now,
  };
}

/** A new contact of the prospect, at `position` in its list (the first is the primary). */
export function blankContact(prospect: Prospect, position: number, now: number): Contact {
  return {
    id: randomUUID(),
    orgId: prospect.orgId,
    prospectId: prospect.id,
    position,
    name: '',
    role: position === 0 ? 'primary' : 'stakeholder',
    email: null,
    phone: null,
    timezone: null,
    doNotContact: false,
    createdAt: now,
    emailBouncedAt: null,
  };
}

function applyContact(c: Contact, input: ContactInput): Contact {
  const next = { ...c };
  if (input.name !== undefined)
    next.name = text('contact', withinLimit('contact', input.name, LIMITS.contactName)) as string;
  if (input.email !== undefined)
    next.email = email('email', withinLimit('email', input.email, LIMITS.email)) ?? null;
  // A new address has not bounced.
  if (next.email !== c.email) next.emailBouncedAt = null;
  if (input.phone !== undefined)
    next.phone = text('phone', withinLimit('phone', input.phone, LIMITS.phone)) ?? null;
  if (input.timezone !== undefined) next.timezone = zone('timezone', input.timezone) ?? null;
  next.role = oneOf('role', input.role, ['primary', 'stakeholder'] as const) ?? c.role;
  if (input.doNotContact !== undefined) next.doNotContact = input.doNotContact;
  return next;
}

/** A contact newly marked do-not-contact puts the person on the list (its address and number). */
async function listIfMarked(
  q: Q,
  ctx: AppContext,
  actor: User,
  before: Contact | undefined,
  c: Contact,
  now: number,
) {
  if (!c.doNotContact || before?.doNotContact === true) return;
  await recordOptOuts(
    q,
    ctx,
    actor.orgId,
    [{ contact: c, source: 'marked', at: now, by: actor.id }],
    now,
    new Set([c.prospectId]),
  );
}

export async function addProspect(ctx: AppContext, actor: User, input: ProspectInput): Promise<Prospect> {
  const now = ctx.now();
  return inTransaction(ctx, (q) => insertProspect(q, ctx, actor, input, now));
}

/** Adds a prospect and its first contact, and decides it, inside the caller's transaction. */
export async function insertProspect(
  q: Q,
  ctx: AppContext,
  actor: User,
  input: ProspectInput,
  now: number,
): Promise<Prospect> {
  const owner = await ownerFor(q, actor, input.owner);
  if (input.contact?.name === undefined) {
    throw new PursuitError('INVALID_INPUT', "a prospect needs a contact: give the contact's name", 'contact');
  }
  const blank = blankProspect(
    actor.orgId,
    owner.id,
    when('created', input.createdAt, now, owner.timezone) ?? now,
    now,
  );
  const prospect = applyProspect(blank, { ...input, name: input.name ?? '' });
  await prospects.insert(q, prospect);
  const contact = applyContact(blankContact(prospect, 0, now), input.contact);
  await contacts.insert(q, contact);
  await listIfMarked(q, ctx, actor, undefined, contact, now);
  await refreshDecisions(q, actor.orgId, [prospect.id], now, ctx.defaultPlaybookText);
  return prospect;
}

export async function editProspect(
  ctx: AppContext,
  actor: User,
  typed: string,
  input: ProspectInput,
): Promise<Prospect> {
  const now = ctx.now();
  return inTransaction(ctx, async (q) => {
    const current = await resolveProspect(q, actor, typed);
    const next = applyProspect(current, input);
    if (input.owner !== undefined) next.ownerId = (await ownerFor(q, actor, input.owner)).id;
    next.updatedAt = now;
    await prospects.update(q, next);
    await refreshDecisions(q, actor.orgId, [next.id], now, ctx.defaultPlaybookText);
    return next;
  });
}

export async function addContact(
  ctx: AppContext,
  actor: User,
  typedProspect: string,
  input: ContactInput,
): Promise<Contact> {
  const now = ctx.now();
  return inTransaction(ctx, async (q) => {
    const prospect = await resolveProspect(q, actor, typedProspect);
    const existing = await contacts.listByProspect(q, prospect.id);
    if (input.name === undefined) throw new PursuitError('INVALID_INPUT', 'a contact needs a name', 'name');
    const contact = applyContact(blankContact(prospect, existing.length, now), input);
    await contacts.insert(q, contact);
    await listIfMarked(q, ctx, actor, undefined, contact, now);
    await refreshDecisions(q, actor.orgId, [prospect.id], now, ctx.defaultPlaybookText);
    return contact;
  });
}

export async function editContact(
  ctx: AppContext,
  actor: User,
  typedProspect: string,
  typedContact: string,
  input: ContactInput,
): Promise<Contact> {
  const now = ctx.now();
  return inTransaction(ctx, async (q) => {
    const prospect = await resolveProspect(q, actor, typedProspect);
    const current = resolveName(
      await contacts.listByProspect(q, prospect.id),
      typedContact,
      'contact',
      'contact',
    );
    const next = applyContact(current, input);
    await contacts.update(q, next);
    await listIfMarked(q, ctx, actor, current, next, now);
    await refreshDecisions(q, actor.orgId, [prospect.id], now, ctx.defaultPlaybookText);
    return next;
  });
}
