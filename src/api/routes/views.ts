// What the API shows of stored records: no internal fields, times as ISO 8601.

import type { Prospect, StoredDecision, StoredEvent, User } from '../../core/records.js';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

export function publicUser(u: User) {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    managerId: u.managerId,
    timezone: u.timezone,
    phone: u.phone,
  };
}

export function prospectView(p: Prospect) {
  return {
    id: p.id,
    name: p.name,
    ownerId: p.ownerId,
    relationship: p.relationship,
    source: p.source,
    createdAt: iso(p.createdAt),
    dealValue: p.dealValue,
    icpFit: p.icpFit,
    qualification: { serious: p.serious, goalsClear: p.goalsClear, priceOnly: p.priceOnly },
    productFit: p.productFit,
    doNotContact: p.doNotContact,
    snoozedUntil: iso(p.snoozedUntil),
    updatedAt: iso(p.updatedAt),
  };
}

export { contractContact as contactView } from '../../app/decisions/scenario.js';

export function eventView(e: StoredEvent) {
  return { ...e.data, id: e.id, loggedBy: e.loggedBy, loggedAt: iso(e.loggedAt) };
}

/** The decision as the engine made it (CONTRACT.md), with when it was made. */
export function decisionView(d: StoredDecision | undefined) {
  if (d === undefined) return null;
  return { ...d.decision, decidedAt: iso(d.decidedAt) };
}
