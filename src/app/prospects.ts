// Prospects and contacts: add, edit, show, list. Every change re-decides the prospect in the same
// transaction, so its current decision is never stale.

import { randomUUID } from 'node:crypto';
import type { Decision } from '../core/decision.js';
import { PursuitError } from '../core/errors.js';
import { isConversation } from '../core/history.js';
import { responseCurve } from '../core/model/curve.js';
import type { ResponseCurve } from '../core/model/curve.js';
import type { StoppingModel } from '../core/model/stopping-model.js';
import type { HistoryEvent } from '../core/scenario/state.js';
import type { Contact, Prospect, StoredDecision, StoredEvent, User } from '../store/records.js';
import { users } from '../store/repositories/people.repository.js';
import { contacts, prospects } from '../store/repositories/prospects.repository.js';
import { decisions, events } from '../store/repositories/history.repository.js';
import type { AppContext } from './context.js';
import { resolveName, resolveProspect, visibleOwners } from './actors.js';
import { activeEngine, refreshDecisions } from './decisions.js';
import { amount, email, flag, oneOf, text, when, zone } from './inputs.js';
import { inTransaction } from './workspace.js';
import type { Q } from './workspace.js';

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
  if (input.name !== undefined) next.name = text('name', input.name) as string;
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

/** A new contact of the prospect, at `position` in its list (the first is the primary). */
function blankContact(prospect: Prospect, position: number, now: number): Contact {
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
  };
}

function applyContact(c: Contact, input: ContactInput): Contact {
  const next = { ...c };
  if (input.name !== undefined) next.name = text('contact', input.name) as string;
  if (input.email !== undefined) next.email = email('email', input.email) ?? null;
  if (input.phone !== undefined) next.phone = text('phone', input.phone) ?? null;
  if (input.timezone !== undefined) next.timezone = zone('timezone', input.timezone) ?? null;
  next.role = oneOf('role', input.role, ['primary', 'stakeholder'] as const) ?? c.role;
  if (input.doNotContact !== undefined) next.doNotContact = input.doNotContact;
  return next;
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
  const blank: Prospect = {
    id: randomUUID(),
    orgId: actor.orgId,
    ownerId: owner.id,
    name: '',
    relationship: 'prospect',
    source: 'outbound',
    createdAt: when('created', input.createdAt, now, owner.timezone) ?? now,
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
  const prospect = applyProspect(blank, { ...input, name: input.name ?? '' });
  await prospects.insert(q, prospect);
  const contact = applyContact(blankContact(prospect, 0, now), input.contact);
  await contacts.insert(q, contact);
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
    await refreshDecisions(q, actor.orgId, [prospect.id], now, ctx.defaultPlaybookText);
    return next;
  });
}

export interface ProspectView {
  prospect: Prospect;
  owner: User | undefined;
  contacts: Contact[];
  events: StoredEvent[];
  decision: StoredDecision | undefined;
  /** The response curve behind a decision that weighed the next touch (rule 9). */
  curve: ResponseCurve | undefined;
}

/** The model's curve for this prospect's conditions, when its decision carries model numbers. */
function curveOf(
  model: StoppingModel,
  prospect: Prospect,
  history: StoredEvent[],
  stored: StoredDecision | undefined,
): ResponseCurve | undefined {
  const decision = stored?.decision as unknown as Decision | undefined;
  if (decision?.model === undefined) return undefined;
  const events = history.map((e) => e.data as unknown as HistoryEvent);
  const touches = history.filter((e) => e.type === 'touch');
  const last = touches.at(-1);
  const due = decision.due === undefined ? undefined : Date.parse(decision.due);
  return responseCurve(
    model,
    {
      reached: events.some(isConversation),
      channel: decision.channel ?? 'call',
      source: prospect.source,
      dealValue: decision.model.dealValue,
      sinceLastTouch: last === undefined || due === undefined ? undefined : Math.max(0, due - last.at),
    },
    decision.model,
  );
}

export async function showProspect(ctx: AppContext, actor: User, typed: string): Promise<ProspectView> {
  const now = ctx.now();
  return inTransaction(ctx, async (q) => {
    // resolveProspect only finds prospects the actor may see.
    const prospect = await resolveProspect(q, actor, typed);
    let decision = await decisions.findByProspect(q, prospect.id);
    if (decision === undefined || (decision.recheckAt !== null && decision.recheckAt <= now)) {
      decision = (await refreshDecisions(q, actor.orgId, [prospect.id], now, ctx.defaultPlaybookText)).get(
        prospect.id,
      );
    }
    const history = await events.listByProspect(q, prospect.id);
    const { model } = await activeEngine(q, actor.orgId, ctx.defaultPlaybookText);
    return {
      prospect,
      owner: await users.findById(q, prospect.ownerId),
      contacts: await contacts.listByProspect(q, prospect.id),
      events: history,
      decision,
      curve: curveOf(model, prospect, history, decision),
    };
  });
}

export interface ProspectRow {
  prospect: Prospect;
  decision: StoredDecision | undefined;
}

export async function listProspects(
  ctx: AppContext,
  actor: User,
  filter: { search?: string; owner?: string; limit?: number; offset?: number },
): Promise<ProspectRow[]> {
  const now = ctx.now();
  return inTransaction(ctx, async (q) => {
    let owners = await visibleOwners(q, actor);
    if (filter.owner !== undefined) {
      const owner = resolveName(await users.list(q, actor.orgId), filter.owner, 'user', 'owner');
      if (owners !== undefined && !owners.includes(owner.id))
        throw new PursuitError('FORBIDDEN', 'not your team', 'owner');
      owners = [owner.id];
    }
    const list = await prospects.list(q, {
      orgId: actor.orgId,
      ...(owners === undefined ? {} : { ownerIds: owners }),
      ...(filter.search === undefined ? {} : { nameLike: `%${filter.search}%` }),
      ...(filter.limit === undefined ? {} : { limit: filter.limit, offset: filter.offset ?? 0 }),
    });
    const ids = list.map((p) => p.id);
    const byId = new Map((await decisions.findByProspects(q, ids)).map((d) => [d.prospectId, d]));
    // Only what is shown is brought up to date (time may have changed it), not the whole organisation.
    const stale = ids.filter((id) => {
      const d = byId.get(id);
      return d !== undefined && d.recheckAt !== null && d.recheckAt <= now;
    });
    for (const [id, d] of await refreshDecisions(q, actor.orgId, stale, now, ctx.defaultPlaybookText))
      byId.set(id, d);
    return list.map((prospect) => ({ prospect, decision: byId.get(prospect.id) }));
  });
}
