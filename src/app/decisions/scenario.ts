// Builds the decision contract's scenario (CONTRACT.md) from stored records, so stored prospects
// are decided exactly as `pursuit decide` decides a file.

import type { Contact, Organisation, Product, Prospect, User } from '../../core/records.js';
import { isoInstant as iso } from '../../core/scenario/time.js';

export interface ScenarioParts {
  now: number;
  org: Organisation;
  owner: User;
  prospect: Prospect;
  product: Product | undefined;
  contacts: Contact[];
  /** The history in the contract's form (as stored in each event's data), in order. */
  events: Record<string, unknown>[];
}

/** A stored contact in the contract's form (CONTRACT.md), as export and the API show it too. */
/** A contact as the contract has them; an address that bounced for good is no address to write to. */
export function contractContact(c: Contact) {
  return {
    id: c.id,
    name: c.name,
    role: c.role,
    email: c.emailBouncedAt === null ? c.email : null,
    phone: c.phone,
    timezone: c.timezone,
    doNotContact: c.doNotContact,
  };
}

export function scenarioFromStore(p: ScenarioParts): Record<string, unknown> {
  const { prospect, owner } = p;
  return {
    version: 1,
    now: iso(p.now),
    rep: {
      id: owner.id,
      name: owner.name,
      email: owner.email,
      phone: owner.phone,
      company: p.org.name,
      timezone: owner.timezone,
      hourlyValue: owner.hourlyValue,
    },
    prospect: {
      id: prospect.id,
      name: prospect.name,
      relationship: prospect.relationship,
      source: prospect.source,
      createdAt: iso(prospect.createdAt),
      dealValue: prospect.dealValue,
      icpFit: prospect.icpFit,
      qualification: {
        serious: prospect.serious,
        goalsClear: prospect.goalsClear,
        priceOnly: prospect.priceOnly,
      },
      product: { status: p.product?.status ?? 'active', fit: prospect.productFit },
      doNotContact: prospect.doNotContact,
    },
    contacts: p.contacts.map(contractContact),
    events: p.events,
  };
}
