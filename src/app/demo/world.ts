// The demo's world: the clock, the calendar, the generators shared by every story; it draws each
// prospect (a company with a unique domain, its contacts, its deal) and has its kind tell its story.

import type { Playbook } from '../../core/playbook/load.js';
import type { Contact, Prospect, User } from '../../core/records.js';
import type { Catalogue } from './organisation.js';
import { KINDS } from './plan.js';
import type { KindName } from './plan.js';
import { Story } from './story.js';
import type { Kind } from './story.js';
import { REGIONS, companyName, domainOf, emailOf, personName } from './words.js';
import type { Rng } from './words.js';

export class World {
  private readonly names = new Set<string>();

  constructor(
    readonly now: number,
    readonly rng: Rng,
    readonly ids: Rng,
    readonly playbook: Playbook,
    readonly orgId: string,
    readonly catalogue: Catalogue,
  ) {}

  /** A company name whose web domain no other prospect has (so no two names differ by "Inc." alone). */
  private uniqueCompany(): string {
    for (let attempt = 0; ; attempt += 1) {
      const drawn = companyName(this.rng);
      const name = attempt < 50 ? drawn : `${drawn} ${attempt}`;
      const domain = domainOf(name);
      if (!this.names.has(domain)) {
        this.names.add(domain);
        return name;
      }
    }
  }

  story(kind: KindName, owner: User): Story {
    const r = this.rng;
    const spec: Kind = KINDS[kind];
    const name = this.uniqueCompany();
    const domain = domainOf(name);
    const region = r.weighted(REGIONS.map((g) => [g, g.weight] as const));
    const zone = r.chance(0.08) ? null : region.zone;
    const size = Math.max(
      spec.contacts ?? 1,
      r.weighted([
        [1, 45],
        [2, 35],
        [3, 20],
      ] as const),
    );
    const prospect: Prospect = {
      id: this.ids.uuid(),
      orgId: this.orgId,
      ownerId: owner.id,
      name,
      relationship: 'prospect',
      source: r.choose({ inbound: 25, outbound: 45, referral: 15, event: 15 }),
      createdAt: this.now,
      dealValue: r.chance(0.15)
        ? null
        : r.weighted([
            [r.int(4, 16) * 500, 30],
            [r.int(8, 40) * 1000, 50],
            [r.int(8, 30) * 5000, 20],
          ] as const),
      icpFit: r.choose({ fit: 45, partial: 25, unknown: 30 }),
      serious: null,
      goalsClear: null,
      priceOnly: null,
      productId: r.chance(0.9) ? this.catalogue.main.id : null,
      productFit: 'unknown',
      doNotContact: false,
      snoozedUntil: null,
      updatedAt: this.now,
    };
    const people = new Set<string>();
    const contacts: Contact[] = [];
    while (contacts.length < size) {
      const person = personName(r);
      if (people.has(person)) continue;
      people.add(person);
      const position = contacts.length;
      const hasPhone = position === 0 ? spec.phone === true || r.chance(0.85) : r.chance(0.65);
      contacts.push({
        id: this.ids.uuid(),
        orgId: this.orgId,
        prospectId: prospect.id,
        position,
        name: person,
        role: position === 0 ? 'primary' : 'stakeholder',
        email: emailOf(person, domain),
        phone: hasPhone ? region.phone(r) : null,
        timezone: zone,
        // A third contact sometimes asked not to be contacted; the first two always may be.
        doNotContact: position === 2 && r.chance(0.25),
        createdAt: this.now,
        emailBouncedAt: null,
      });
    }
    const story = new Story(this, prospect, contacts, zone ?? owner.timezone);
    spec.tell(story);
    story.finish();
    return story;
  }
}
