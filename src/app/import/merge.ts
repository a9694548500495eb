// What an imported row does to a stored prospect or contact: fill a new one, or change only what the
// row says, with two rules that protect people and relationships: an import never takes
// do-not-contact away, and never turns a customer (or ex-customer) back into a prospect. And the
// content key that deduplicates an event that has no CRM id.

import { createHash } from 'node:crypto';
import type { Contact, Prospect } from '../../core/records.js';
import type { ContactPart, ProspectPart } from '../../integrations/crm/unit.js';

export function newProspect(
  part: ProspectPart,
  base: { id: string; orgId: string; ownerId: string; productId: string | null; now: number },
): Prospect {
  return {
    id: base.id,
    orgId: base.orgId,
    ownerId: base.ownerId,
    name: part.name ?? '',
    relationship: part.relationship ?? 'prospect',
    source: part.source ?? 'outbound',
    createdAt: Math.min(part.createdAt ?? base.now, base.now),
    dealValue: part.dealValue ?? null,
    icpFit: part.icpFit ?? 'unknown',
    serious: part.serious ?? null,
    goalsClear: part.goalsClear ?? null,
    priceOnly: part.priceOnly ?? null,
    productId: base.productId,
    productFit: part.productFit ?? 'unknown',
    doNotContact: part.doNotContact === true,
    snoozedUntil: part.snoozedUntil ?? null,
    updatedAt: base.now,
  };
}

/** The prospect changed by the row, or undefined when the row changes nothing. */
export function mergeProspect(
  p: Prospect,
  part: ProspectPart,
  resolved: { ownerId: string | undefined; productId: string | null | undefined; now: number },
): Prospect | undefined {
  // Copied only on the first real change: most rows of a re-import change nothing.
  let next: Prospect | undefined;
  const set = <K extends keyof Prospect>(key: K, value: Prospect[K] | undefined) => {
    if (value === undefined || p[key] === value) return;
    next ??= { ...p };
    next[key] = value;
  };
  if (part.passing !== true) {
    set('name', part.name);
    set('ownerId', resolved.ownerId);
    set('source', part.source);
  }
  if (!(part.relationship === 'prospect' && p.relationship !== 'prospect'))
    set('relationship', part.relationship);
  set('dealValue', part.dealValue);
  set('icpFit', part.icpFit);
  set('serious', part.serious);
  set('goalsClear', part.goalsClear);
  set('priceOnly', part.priceOnly);
  set('productFit', part.productFit);
  set('productId', resolved.productId);
  if (part.doNotContact === true) set('doNotContact', true);
  set('snoozedUntil', part.snoozedUntil);
  if (next === undefined) return undefined;
  next.updatedAt = resolved.now;
  return next;
}

export function newContact(
  part: ContactPart,
  base: { id: string; orgId: string; prospectId: string; position: number; now: number },
): Contact {
  return {
    id: base.id,
    orgId: base.orgId,
    prospectId: base.prospectId,
    position: base.position,
    name: part.name ?? part.email ?? '',
    role: part.role ?? (base.position === 0 ? 'primary' : 'stakeholder'),
    email: part.email ?? null,
    phone: part.phone ?? null,
    timezone: part.timezone ?? null,
    doNotContact: part.doNotContact === true,
    createdAt: base.now,
    emailBouncedAt: null,
  };
}

export function mergeContact(c: Contact, part: ContactPart): Contact | undefined {
  let next: Contact | undefined;
  const set = <K extends keyof Contact>(key: K, value: Contact[K] | undefined) => {
    if (value === undefined || c[key] === value) return;
    next ??= { ...c };
    next[key] = value;
  };
  set('name', part.name);
  set('email', part.email);
  set('phone', part.phone);
  set('timezone', part.timezone);
  set('role', part.role);
  if (part.doNotContact === true) set('doNotContact', true);
  // A new address has not bounced.
  if (next !== undefined && next.email !== c.email) next.emailBouncedAt = null;
  return next;
}

function stable(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
}

/**
 * The source key of an event with no CRM id: a hash of what it says, so the same row imported again
 * is found. A commitment's own time is the time of the import, so it is left out of the hash.
 */
export function contentKey(prospectId: string, event: Record<string, unknown>): string {
  const { id: _id, ...content } = event;
  if (content.type === 'commitment') delete content.at;
  const hash = createHash('sha256')
    .update(`${prospectId}\n${stable(content)}`)
    .digest('hex')
    .slice(0, 40);
  return `hash:${hash}`;
}
