// The do-not-contact list: entries in, records out; and the contacts an entry's key may reach.

import { sql } from 'kysely';
import type { Kysely, Selectable } from 'kysely';
import type { Database, SuppressionsTable } from '../schema.js';
import type { Suppression } from '../../core/records.js';
import type { SuppressionKey } from '../../core/suppression.js';
import { chunks, insertRows } from './rows.js';

type Q = Kysely<Database>;

function toSuppression(r: Selectable<SuppressionsTable>): Suppression {
  return {
    id: r.id,
    orgId: r.org_id,
    kind: r.kind,
    value: r.value,
    source: r.source,
    contactId: r.contact_id,
    prospectId: r.prospect_id,
    eventId: r.event_id,
    createdBy: r.created_by,
    createdAt: Number(r.created_at),
    removedAt: r.removed_at === null ? null : Number(r.removed_at),
    removedBy: r.removed_by,
    removalReason: r.removal_reason,
  };
}

function row(s: Suppression): SuppressionsTable {
  return {
    id: s.id,
    org_id: s.orgId,
    kind: s.kind,
    value: s.value,
    source: s.source,
    contact_id: s.contactId,
    prospect_id: s.prospectId,
    event_id: s.eventId,
    created_by: s.createdBy,
    created_at: s.createdAt,
    removed_at: s.removedAt,
    removed_by: s.removedBy,
    removal_reason: s.removalReason,
  };
}

/** A contact as far as the list needs it. */
export interface ContactReach {
  id: string;
  prospectId: string;
  email: string | null;
  phone: string | null;
  timezone: string | null;
}

const reach = (
  r: Pick<Selectable<Database['contacts']>, 'id' | 'prospect_id' | 'email' | 'phone' | 'timezone'>,
): ContactReach => ({
  id: r.id,
  prospectId: r.prospect_id,
  email: r.email,
  phone: r.phone,
  timezone: r.timezone,
});

// A phone number's digits in SQL (both dialects): the usual separators taken out.
const DIGITS = sql<string>`replace(replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '.', ''), '(', ''), ')', ''), '/', ''), '+', '')`;

export const suppressions = {
  /** Adds entries; one already in force for the same key is left as it is. Returns how many were new. */
  async insertMany(q: Q, list: Suppression[]): Promise<number> {
    let added = 0;
    for (const part of chunks(list, 200)) {
      const rows = part.map(row);
      const columns = Object.keys(rows[0] as SuppressionsTable) as (keyof SuppressionsTable)[];
      added += await insertRows(
        q,
        'suppressions',
        columns,
        rows.map((r) => columns.map((c) => r[c])),
        'skip',
      );
    }
    return added;
  },
  /** Whether the organisation has any entry in force (most have none: nothing to look up). */
  async anyInForce(q: Q, orgId: string): Promise<boolean> {
    const r = await q
      .selectFrom('suppressions')
      .select('id')
      .where('org_id', '=', orgId)
      .where('removed_at', 'is', null)
      .limit(1)
      .executeTakeFirst();
    return r !== undefined;
  },
  /** The entries in force for these keys. */
  async inForce(q: Q, orgId: string, keys: SuppressionKey[]): Promise<Suppression[]> {
    const out: Suppression[] = [];
    for (const kind of ['email', 'phone'] as const) {
      const values = [...new Set(keys.filter((k) => k.kind === kind).map((k) => k.value))];
      for (const part of chunks(values)) {
        const rows = await q
          .selectFrom('suppressions')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('kind', '=', kind)
          .where('value', 'in', part)
          .where('removed_at', 'is', null)
          .execute();
        out.push(...rows.map(toSuppression));
      }
    }
    return out;
  },
  async findById(q: Q, id: string): Promise<Suppression | undefined> {
    const r = await q.selectFrom('suppressions').selectAll().where('id', '=', id).executeTakeFirst();
    return r === undefined ? undefined : toSuppression(r);
  },
  /** A page of the list, newest first; `like` filters the address or number. */
  async list(
    q: Q,
    f: { orgId: string; removed: boolean; like?: string; limit: number; offset: number },
  ): Promise<Suppression[]> {
    let query = q.selectFrom('suppressions').selectAll().where('org_id', '=', f.orgId);
    if (!f.removed) query = query.where('removed_at', 'is', null);
    if (f.like !== undefined) query = query.where(sql<boolean>`value like ${f.like} escape '\\'`);
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(f.limit)
      .offset(f.offset)
      .execute();
    return rows.map(toSuppression);
  },
  /** The entries in force that an event made. */
  async byEvent(q: Q, eventId: string): Promise<Suppression[]> {
    const rows = await q
      .selectFrom('suppressions')
      .selectAll()
      .where('event_id', '=', eventId)
      .where('removed_at', 'is', null)
      .execute();
    return rows.map(toSuppression);
  },
  /** Lifts an entry in force; false when it was not in force. */
  async lift(q: Q, id: string, by: string | null, reason: string, at: number): Promise<boolean> {
    const r = await q
      .updateTable('suppressions')
      .set({ removed_at: at, removed_by: by, removal_reason: reason })
      .where('id', '=', id)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  /**
   * The organisation's contacts that these keys may reach: the same address, or a number whose
   * digits end the same (the caller compares the whole key).
   */
  async contactsReached(q: Q, orgId: string, keys: SuppressionKey[]): Promise<ContactReach[]> {
    const out: ContactReach[] = [];
    const pick = ['id', 'prospect_id', 'email', 'phone', 'timezone'] as const;
    const emails = [...new Set(keys.filter((k) => k.kind === 'email').map((k) => k.value))];
    for (const part of chunks(emails)) {
      const rows = await q
        .selectFrom('contacts')
        .select(pick)
        .where('org_id', '=', orgId)
        .where('email', 'in', part)
        .execute();
      out.push(...rows.map(reach));
    }
    const tails = [...new Set(keys.filter((k) => k.kind === 'phone').map((k) => k.value.slice(-7)))];
    for (const part of chunks(tails, 50)) {
      const rows = await q
        .selectFrom('contacts')
        .select(pick)
        .where('org_id', '=', orgId)
        .where('phone', 'is not', null)
        .where((eb) => eb.or(part.map((t) => eb(DIGITS, 'like', `%${t}`))))
        .execute();
      out.push(...rows.map(reach));
    }
    return out;
  },
};
