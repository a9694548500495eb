// Pipedrive's exports, whose headers are "<Entity> - <Field>": persons, organizations, deals and
// activities (linked fields such as "Person - Email" may ride along). Pipedrive links records by
// name in exports, so a person's company is its organization's name. "Person - Marketing status"
// Unsubscribed (or No consent) makes a contact do-not-contact; a won deal or the Customer label
// makes a customer; a lost deal is a lost deal.

import type { Activity, ActivityKind } from './activity.js';
import { activityUnit, callOutcome } from './activity.js';
import type { ImportUnit, MapContext, RowMapper, Columns } from './unit.js';
import { cell, companyUnit, dealProspect, defined } from './unit.js';
import {
  RowError,
  joinName,
  parseAmount,
  parseEmail,
  parseFlag,
  parseTime,
  personKey,
} from '../csv/values.js';

export type PipedriveKind = 'persons' | 'organizations' | 'deals' | 'activities';

export function pipedriveKind(cols: Columns): PipedriveKind | undefined {
  const entities = new Set(
    cols.names.map((n) => /^(Person|Organization|Deal|Activity|Lead) - /i.exec(n)?.[1]?.toLowerCase()),
  );
  if (entities.has('activity')) return 'activities';
  if (entities.has('deal')) return 'deals';
  if (entities.has('person') || entities.has('lead')) return 'persons';
  if (entities.has('organization')) return 'organizations';
  return undefined;
}

function customerLabel(value: string | undefined): 'customer' | undefined {
  return value !== undefined && /\bcustomer\b/i.test(value) && !/former|ex-/i.test(value)
    ? 'customer'
    : undefined;
}

/** Pipedrive's own values, with the free-text fallbacks older accounts used. */
function done(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (/^done$/i.test(value)) return true;
  if (/^to ?do$|^not done$/i.test(value)) return false;
  return parseFlag('Activity - Done', value);
}

/** "01:30" in Pipedrive's duration is hours and minutes. */
function hoursMinutes(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(value);
  if (m === null) throw new RowError(`Activity - Duration: expected hh:mm, got "${value}"`);
  return Number(m[1]) * 60 + Number(m[2]);
}

function emailOf(cols: Columns, fields: string[], prefix: string): string | undefined {
  const columns = [cols.find(`${prefix} - Email`), ...cols.startingWith(`${prefix} - Email`)];
  for (const i of columns) {
    const value = cell(fields, i);
    if (value !== undefined) return parseEmail(cols.names[i] as string, value);
  }
  return undefined;
}

function phoneOf(cols: Columns, fields: string[]): string | undefined {
  for (const i of [cols.find('Person - Phone'), ...cols.startingWith('Person - Phone')]) {
    const value = cell(fields, i);
    if (value !== undefined) return value.split(/[;,]/)[0]?.trim();
  }
  return undefined;
}

function personsMapper(cols: Columns, ctx: MapContext): RowMapper['map'] {
  const c = {
    id: cols.find('Person - ID', 'Lead - ID'),
    name: cols.find('Person - Name', 'Lead - Title'),
    first: cols.find('Person - First name'),
    last: cols.find('Person - Last name'),
    org: cols.find('Person - Organization', 'Organization - Name', 'Lead - Organization'),
    orgId: cols.find('Organization - ID'),
    owner: cols.find('Person - Owner', 'Lead - Owner'),
    marketing: cols.find('Person - Marketing status'),
    label: cols.find('Person - Label', 'Person - Labels', 'Organization - Label', 'Organization - Labels'),
    created: cols.find('Person - Person created', 'Person - Add time', 'Lead - Lead created'),
  };
  return ({ line, fields }) => {
    const email = emailOf(cols, fields, 'Person');
    const name = cell(fields, c.name) ?? joinName(cell(fields, c.first), cell(fields, c.last)) ?? email;
    if (name === undefined) throw new RowError('a person needs a name or an email');
    const org = cell(fields, c.org);
    const orgId = cell(fields, c.orgId);
    if (org === undefined && orgId === undefined) {
      throw new RowError('no company: "Person - Organization" is empty (Pursuit follows up companies)');
    }
    const marketing = cell(fields, c.marketing) ?? '';
    return {
      line,
      prospect: defined({
        externalId: orgId,
        name: org,
        passing: true,
        owner: cell(fields, c.owner),
        relationship: customerLabel(cell(fields, c.label)),
        createdAt: parseTime('Person - Person created', cell(fields, c.created), ctx.zone),
      }),
      contacts: [
        defined({
          externalId: cell(fields, c.id),
          name,
          email,
          phone: phoneOf(cols, fields),
          doNotContact: /unsubscribed|no consent/i.test(marketing) ? true : undefined,
        }),
      ],
      events: [],
    };
  };
}

function organizationsMapper(cols: Columns, ctx: MapContext): RowMapper['map'] {
  const c = {
    id: cols.find('Organization - ID'),
    name: cols.find('Organization - Name'),
    owner: cols.find('Organization - Owner'),
    label: cols.find('Organization - Label', 'Organization - Labels'),
    created: cols.find('Organization - Organization created', 'Organization - Add time'),
  };
  return ({ line, fields }) => {
    const name = cell(fields, c.name);
    if (name === undefined)
      throw new RowError('an organization needs a name ("Organization - Name" is empty)');
    return companyUnit(line, {
      externalId: cell(fields, c.id),
      name,
      owner: cell(fields, c.owner),
      relationship: customerLabel(cell(fields, c.label)),
      createdAt: parseTime('Organization - Organization created', cell(fields, c.created), ctx.zone),
    });
  };
}

function dealsMapper(cols: Columns, ctx: MapContext): RowMapper['map'] {
  const c = {
    id: cols.find('Deal - ID'),
    status: cols.find('Deal - Status'),
    value: cols.find('Deal - Value'),
    org: cols.find('Deal - Organization', 'Organization - Name'),
    orgId: cols.find('Organization - ID'),
    person: cols.find('Deal - Contact person', 'Person - Name'),
    personId: cols.find('Person - ID'),
    owner: cols.find('Deal - Owner'),
    won: cols.find('Deal - Won time', 'Deal - Deal closed on', 'Deal - Close date'),
    lost: cols.find('Deal - Lost time', 'Deal - Deal closed on', 'Deal - Close date'),
  };
  return ({ line, fields }) => {
    const status = cell(fields, c.status)?.toLowerCase();
    const result = status === 'won' ? 'won' : status === 'lost' ? 'lost' : undefined;
    if (status === 'deleted') return { line, contacts: [], events: [], ignored: 'a deleted deal' };
    const org = cell(fields, c.org);
    const orgId = cell(fields, c.orgId);
    const personId = cell(fields, c.personId);
    const email = emailOf(cols, fields, 'Person');
    const person = cell(fields, c.person);
    if (org === undefined && orgId === undefined && personId === undefined && email === undefined) {
      throw new RowError('no company: the deal has no organization or person');
    }
    const amount = parseAmount('Deal - Value', cell(fields, c.value));
    const unit: ImportUnit = {
      line,
      ...(org === undefined && orgId === undefined
        ? {}
        : {
            prospect: dealProspect({
              externalId: orgId,
              name: org,
              owner: cell(fields, c.owner),
              result,
              amount,
            }),
          }),
      contacts: [],
      events: [],
    };
    if (result !== undefined) {
      const column = result === 'won' ? c.won : c.lost;
      const closed = parseTime(cols.names[column] ?? 'Deal - Close date', cell(fields, column), ctx.zone);
      const id = cell(fields, c.id);
      const who = defined({ externalId: personId, email, name: person });
      unit.events.push(
        defined({
          sourceKey: id === undefined ? undefined : `pipedrive:deal-${id}`,
          at: Math.min(closed ?? ctx.now, ctx.now),
          data: { type: 'deal', result },
          contact: Object.keys(who).length === 0 ? undefined : who,
        }),
      );
    }
    return unit;
  };
}

function kindOf(type: string | undefined): ActivityKind {
  const t = (type ?? '').toLowerCase();
  if (/call/.test(t)) return 'call';
  if (/meeting|lunch|demo|visit/.test(t)) return 'meeting';
  if (/e-?mail/.test(t)) return 'email';
  if (/sms|text|whats/.test(t)) return 'sms';
  if (/linkedin|social/.test(t)) return 'social';
  return 'other';
}

function activitiesMapper(cols: Columns, ctx: MapContext): RowMapper['map'] {
  const c = {
    id: cols.find('Activity - ID'),
    type: cols.find('Activity - Type'),
    subject: cols.find('Activity - Subject'),
    date: cols.find('Activity - Due date'),
    time: cols.find('Activity - Due time'),
    doneAt: cols.find('Activity - Marked as done time'),
    done: cols.find('Activity - Done'),
    duration: cols.find('Activity - Duration'),
    note: cols.find('Activity - Note'),
    person: cols.find('Activity - Contact person', 'Person - Name'),
    personId: cols.find('Person - ID'),
    org: cols.find('Activity - Organization', 'Organization - Name'),
    orgId: cols.find('Organization - ID'),
  };
  return ({ line, fields }) => {
    const date = cell(fields, c.date);
    const time = cell(fields, c.time);
    const due = parseTime(
      'Activity - Due date',
      date === undefined ? undefined : time === undefined ? date : `${date} ${time}`,
      ctx.zone,
    );
    const doneAt = parseTime('Activity - Marked as done time', cell(fields, c.doneAt), ctx.zone);
    const at = due ?? doneAt;
    if (at === undefined) throw new RowError('Activity - Due date: is empty');
    const kind = kindOf(cell(fields, c.type));
    const subject = cell(fields, c.subject);
    const note = cell(fields, c.note);
    const text = `${subject ?? ''} ${note ?? ''}`;
    const activity: Activity = {
      kind,
      at,
      done: done(cell(fields, c.done)),
      inbound: /\b(inbound|incoming|they called|reply|replied)\b/i.test(text),
      outcome: kind === 'call' ? (callOutcome(text) ?? undefined) : undefined,
      noShow: /no.?show/i.test(text),
      cancelled: /cancel/i.test(subject ?? ''),
      bounced: /bounce/i.test(text),
      durationMin: hoursMinutes(cell(fields, c.duration)),
      subject,
    };
    return activityUnit(line, activity, ctx.now, {
      company: { externalId: cell(fields, c.orgId), name: cell(fields, c.org) },
      contact: {
        externalId: cell(fields, c.personId),
        email: emailOf(cols, fields, 'Person'),
        ...(personKey(cell(fields, c.person)) ?? {}),
      },
      eventId: cell(fields, c.id),
      unlinked: 'the activity has no contact person or organization',
    });
  };
}

export function pipedriveMapper(kind: PipedriveKind, cols: Columns, ctx: MapContext): RowMapper {
  const map = {
    persons: personsMapper,
    organizations: organizationsMapper,
    deals: dealsMapper,
    activities: activitiesMapper,
  }[kind](cols, ctx);
  return { format: 'pipedrive', kind, system: 'pipedrive', map };
}
