// The rows of one chunk of an import resolved against what the chunk knows: each row's prospect
// (found by company id, contact id or email, then name; or created), its contacts (found or
// created, and merged), and the ids they have in the file's system and in others.

import { uuid7 } from '../../integrations/crm/ids.js';
import { mergeContact, mergeProspect, newContact, newProspect } from './merge.js';
import type { ContactPart, ContactRef, ImportUnit, ProspectPart } from '../../integrations/crm/unit.js';
import { RowError } from '../../integrations/csv/values.js';
import type { Contact, Prospect, User } from '../../core/records.js';
import { norm } from '../accounts/actors.js';
import type { Chunk } from './chunk.js';
import { resolveEvent } from './events.js';
import { KEEPABLE_ID } from './lookup.js';
import type { ImportTeam } from './team.js';
import { checkLimits } from './limits.js';

export class RowResolver {
  constructor(
    private readonly team: ImportTeam,
    readonly actor: User,
    readonly now: number,
    /** The file's system: the namespace of its ids ("hubspot", "pursuit", "csv", ...). */
    readonly system: string,
    readonly chunk: Chunk,
  ) {}

  get orgId(): string {
    return this.actor.orgId;
  }

  /** Resolves one row into the chunk; a RowError leaves the chunk to be undone. */
  resolve(unit: ImportUnit): void {
    checkLimits(unit);
    const chunk = this.chunk;
    const prospect = this.prospectFor(unit);
    chunk.add(chunk.seen, prospect.id);
    const own = unit.contacts.map((part) => this.contactFor(prospect, part));
    for (const e of unit.events) resolveEvent(this, prospect.id, e, own);
  }

  private prospectFor(unit: ImportUnit): Prospect {
    const chunk = this.chunk;
    const part = unit.prospect;
    const found = (id: string | undefined) => (id === undefined ? undefined : chunk.prospects.get(id));
    let p = found(part?.externalId === undefined ? undefined : chunk.extProspects.get(part.externalId));
    const refs: (ContactRef | undefined)[] = [...unit.contacts, ...unit.events.map((e) => e.contact)];
    for (const r of refs) {
      if (p !== undefined) break;
      const id = r?.externalId === undefined ? undefined : chunk.extContacts.get(r.externalId);
      p = found(id === undefined ? undefined : chunk.contactById.get(id)?.prospectId);
    }
    for (const r of refs) {
      if (p !== undefined) break;
      const id = r?.email === undefined ? undefined : chunk.byEmail.get(r.email);
      p = found(id === undefined ? undefined : chunk.contactById.get(id)?.prospectId);
    }
    // By name only when the file gives no company id (two companies may share a name), or gives one
    // held by a prospect the importer may not change: their own of that name is found by it then.
    const held = part?.externalId !== undefined && chunk.held.has(`prospect:${part.externalId}`);
    if (p === undefined && part?.name !== undefined && (part.externalId === undefined || held)) {
      const ids = chunk.byName.get(norm(part.name)) ?? [];
      if (ids.length > 1) {
        throw new RowError(
          `${ids.length} prospects are called "${part.name}": give the company's id, or a contact's email`,
        );
      }
      p = found(ids[0]);
    }
    // A prospect the importer may not change is not there for them (lookUp leaves it out).
    if (p === undefined || !this.team.mayChange(p.ownerId)) return this.createProspect(unit, part);
    this.link('prospect', part?.externalId, p.id);
    if (part === undefined) return p;
    this.links('prospect', part.links, p.id);
    const ownerId = part.passing === true ? undefined : this.team.owner(part.owner)?.id;
    const next = mergeProspect(p, part, {
      ownerId,
      productId: this.team.productId(part, this.chunk, this.now),
      now: this.now,
    });
    if (next === undefined) return p;
    chunk.set(chunk.prospects, p.id, next);
    if (!chunk.created.has(p.id)) chunk.add(chunk.dirty, p.id);
    return next;
  }

  private createProspect(unit: ImportUnit, part: ProspectPart | undefined): Prospect {
    const chunk = this.chunk;
    if (part?.name === undefined) {
      if (part?.externalId !== undefined) {
        throw new RowError(
          `unknown company ${part.externalId} with no name: import the companies first (or in the same run)`,
        );
      }
      const ref = unit.events.find((e) => e.contact !== undefined)?.contact ?? unit.contacts[0];
      const who = ref?.externalId ?? ref?.email ?? ref?.name ?? '';
      throw new RowError(
        `unknown contact ${who}: import the contacts first (or in the same run)`.replace('  ', ' '),
      );
    }
    const p = newProspect(part, {
      id: this.newId(part.externalId),
      orgId: this.orgId,
      ownerId: this.team.owner(part.owner)?.id ?? this.actor.id,
      productId: this.team.productId(part, this.chunk, this.now) ?? null,
      now: this.now,
    });
    chunk.set(chunk.prospects, p.id, p);
    chunk.add(chunk.created, p.id);
    chunk.set(chunk.byName, norm(p.name), [...(chunk.byName.get(norm(p.name)) ?? []), p.id]);
    this.link('prospect', part.externalId, p.id);
    this.links('prospect', part.links, p.id);
    return p;
  }

  findContact(prospectId: string, ref: ContactRef): Contact | undefined {
    const chunk = this.chunk;
    const list = chunk.contactsOf.get(prospectId) ?? [];
    if (ref.externalId !== undefined) {
      const id = chunk.extContacts.get(ref.externalId);
      const c = id === undefined ? undefined : chunk.contactById.get(id);
      if (c !== undefined && c.prospectId === prospectId) return c;
      if (c !== undefined) throw new RowError(`contact ${ref.externalId} is with another prospect`);
    }
    if (ref.email !== undefined) {
      const c = list.find((x) => x.email === ref.email);
      if (c !== undefined) return c;
    }
    if (ref.name !== undefined) {
      const name = norm(ref.name);
      const c = list.find((x) => norm(x.name) === name && (ref.email === undefined || x.email === null));
      if (c !== undefined) return c;
    }
    return undefined;
  }

  private contactFor(prospect: Prospect, part: ContactPart): Contact {
    const chunk = this.chunk;
    const current = this.findContact(prospect.id, part);
    if (current === undefined) {
      if (part.name === undefined && part.email === undefined)
        throw new RowError('a contact needs a name or an email');
      const c = newContact(part, {
        id: this.newId(part.externalId),
        orgId: this.orgId,
        prospectId: prospect.id,
        position: (chunk.contactsOf.get(prospect.id) ?? []).length,
        now: this.now,
      });
      chunk.putContact(c);
      chunk.add(chunk.newContacts, c.id);
      chunk.add(chunk.contactsChanged, prospect.id);
      this.link('contact', part.externalId, c.id);
      this.links('contact', part.links, c.id);
      return c;
    }
    this.link('contact', part.externalId, current.id);
    this.links('contact', part.links, current.id);
    const next = mergeContact(current, part);
    if (next === undefined) return current;
    chunk.putContact(next);
    if (!chunk.newContacts.has(next.id)) chunk.add(chunk.dirtyContacts, next.id);
    chunk.add(chunk.contactsChanged, prospect.id);
    return next;
  }

  private link(kind: 'prospect' | 'contact', externalId: string | undefined, entityId: string): void {
    if (externalId === undefined) return;
    const map = kind === 'prospect' ? this.chunk.extProspects : this.chunk.extContacts;
    if (map.has(externalId)) return;
    this.chunk.set(map, externalId, entityId);
    if (externalId !== entityId)
      this.chunk.push(this.chunk.newExtIds, { system: this.system, kind, externalId, entityId });
  }

  /** Ids the record has in other systems ("hubspot:9001", from Pursuit's own exports). */
  private links(kind: 'prospect' | 'contact', list: string[] | undefined, entityId: string): void {
    for (const l of list ?? []) {
      const colon = l.indexOf(':');
      const system = l.slice(0, colon);
      const externalId = l.slice(colon + 1);
      if (system === this.system) this.link(kind, externalId, entityId);
      else this.chunk.push(this.chunk.newExtIds, { system, kind, externalId, entityId });
    }
  }

  /** A Pursuit id kept in a fresh database, so an export imports as the very same records. */
  newId(externalId: string | undefined): string {
    if (
      this.system === 'pursuit' &&
      externalId !== undefined &&
      KEEPABLE_ID.test(externalId) &&
      !this.chunk.takenIds.has(externalId)
    ) {
      this.chunk.add(this.chunk.takenIds, externalId);
      return externalId;
    }
    return uuid7();
  }
}
