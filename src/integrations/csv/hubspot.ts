// HubSpot's CRM exports (column headers are property labels): contacts, companies, deals, and
// activities (calls, emails, meetings). Record IDs are the external ids; a contact's company comes
// from "Associated Company IDs" (else its name); "Unsubscribed from all email" and every "Opted out
// of email: ..." column make a contact do-not-contact; lifecycle stage Customer (or Evangelist) and
// Closed Won deals make a customer.

import type { Activity, ActivityKind } from './activity.js';
import { activityUnit } from './activity.js';
import type { CsvRecord } from './parse.js';
import type { ImportUnit, MapContext, RowMapper, Source, Columns } from './unit.js';
import { cell, companyUnit, dealProspect, defined } from './unit.js';
import {
  RowError,
  firstId,
  joinName,
  parseAmount,
  parseDuration,
  parseEmail,
  parseFlag,
  parseTime,
  personKey,
} from './values.js';
import { isValidZone } from '../../core/calendar.js';

export type HubspotKind = 'contacts' | 'companies' | 'deals' | 'activities';

const ACTIVITY_COLUMNS = [
  'Activity type',
  'Activity date',
  'Call outcome',
  'Call direction',
  'Meeting outcome',
  'Meeting start time',
  'Email direction',
  'Engagement type',
];

export function hubspotKind(cols: Columns): HubspotKind | undefined {
  const hubspotish = cols.has(
    'Record ID',
    'Contact owner',
    'Company owner',
    'Deal owner',
    'Lifecycle Stage',
    'Associated Company IDs',
    'Associated Contact IDs',
    'Unsubscribed from all email',
    ...ACTIVITY_COLUMNS,
  );
  if (!hubspotish) return undefined;
  if (cols.has(...ACTIVITY_COLUMNS)) return 'activities';
  if (cols.has('Deal Stage', 'Deal Name', 'Deal owner')) return 'deals';
  if (cols.has('First Name', 'Last Name', 'Email', 'Contact owner')) return 'contacts';
  if (cols.has('Company name', 'Company owner', 'Company Domain Name')) return 'companies';
  return undefined;
}

function customer(stage: string | undefined): 'customer' | undefined {
  return stage !== undefined && /^(customer|evangelist)$/i.test(stage.trim()) ? 'customer' : undefined;
}

function source(value: string | undefined): Source | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase();
  if (/ai referral/.test(v)) return 'inbound';
  if (/referral/.test(v)) return 'referral';
  if (/offline|import|crm|sales/.test(v)) return 'outbound';
  if (/event/.test(v)) return 'event';
  return 'inbound';
}

function zoneOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const candidate = value.replace(/_slash_/gi, '/').replace(/ /g, '_');
  return isValidZone(candidate) ? candidate : undefined;
}

function contactsMapper(cols: Columns, ctx: MapContext): RowMapper['map'] {
  const c = {
    id: cols.find('Record ID', 'Contact ID', 'VID'),
    first: cols.find('First Name'),
    last: cols.find('Last Name'),
    email: cols.find('Email', 'Email Address'),
    phone: cols.find('Phone Number', 'Phone'),
    mobile: cols.find('Mobile Phone Number'),
    company: cols.find('Company Name', 'Associated Company', 'Company'),
    companyId: cols.find(
      'Associated Company IDs',
      'Associated Company ID',
      'Associated Company IDs (Primary)',
      'Primary Associated Company ID',
    ),
    owner: cols.find('Contact owner', 'HubSpot Owner', 'Owner'),
    stage: cols.find('Lifecycle Stage'),
    unsubscribed: cols.find('Unsubscribed from all email'),
    optOuts: cols.startingWith('Opted out of email'),
    doNotCall: cols.find('Do not call', 'Do Not Call'),
    zone: cols.find('Time Zone', 'IP Timezone'),
    created: cols.find('Create Date', 'Created Date'),
    source: cols.find('Original Source', 'Original Traffic Source'),
  };
  return ({ line, fields }) => {
    const email = parseEmail('Email', cell(fields, c.email));
    const name = joinName(cell(fields, c.first), cell(fields, c.last)) ?? email;
    if (name === undefined) throw new RowError('a contact needs a name or an email');
    const companyId = firstId(cell(fields, c.companyId));
    const company = cell(fields, c.company);
    if (companyId === undefined && company === undefined) {
      throw new RowError('no company: "Company Name" is empty (Pursuit follows up companies)');
    }
    const optedOut =
      parseFlag('Unsubscribed from all email', cell(fields, c.unsubscribed)) === true ||
      parseFlag('Do not call', cell(fields, c.doNotCall)) === true ||
      c.optOuts.some((i) => parseFlag(cols.names[i] as string, cell(fields, i)) === true);
    return {
      line,
      prospect: defined({
        externalId: companyId,
        name: company,
        passing: true,
        owner: cell(fields, c.owner),
        relationship: customer(cell(fields, c.stage)),
        createdAt: parseTime('Create Date', cell(fields, c.created), ctx.zone),
        source: source(cell(fields, c.source)),
      }),
      contacts: [
        defined({
          externalId: cell(fields, c.id),
          name,
          email,
          phone: cell(fields, c.phone) ?? cell(fields, c.mobile),
          timezone: zoneOf(cell(fields, c.zone)),
          doNotContact: optedOut ? true : undefined,
        }),
      ],
      events: [],
    };
  };
}

function companiesMapper(cols: Columns, ctx: MapContext): RowMapper['map'] {
  const c = {
    id: cols.find('Record ID', 'Company ID'),
    name: cols.find('Company name', 'Name'),
    owner: cols.find('Company owner', 'HubSpot Owner', 'Owner'),
    stage: cols.find('Lifecycle Stage'),
    created: cols.find('Create Date', 'Created Date'),
    source: cols.find('Original Source', 'Original Traffic Source'),
  };
  return ({ line, fields }) => {
    const id = cell(fields, c.id);
    const name = cell(fields, c.name);
    if (name === undefined) throw new RowError('a company needs a name ("Company name" is empty)');
    return companyUnit(line, {
      externalId: id,
      name,
      owner: cell(fields, c.owner),
      relationship: customer(cell(fields, c.stage)),
      createdAt: parseTime('Create Date', cell(fields, c.created), ctx.zone),
      source: source(cell(fields, c.source)),
    });
  };
}

function dealsMapper(cols: Columns, ctx: MapContext): RowMapper['map'] {
  const c = {
    id: cols.find('Record ID', 'Deal ID'),
    stage: cols.find('Deal Stage', 'Stage'),
    amount: cols.find('Amount'),
    close: cols.find('Close Date'),
    owner: cols.find('Deal owner'),
    companyId: cols.find(
      'Associated Company IDs',
      'Associated Company ID',
      'Associated Company IDs (Primary)',
    ),
    company: cols.find('Associated Company', 'Company Name'),
    contactId: cols.find('Associated Contact IDs', 'Associated Contact ID'),
    contact: cols.find('Associated Contact'),
  };
  return ({ line, fields }) => {
    const stage =
      cell(fields, c.stage)
        ?.toLowerCase()
        .replace(/[\s_-]+/g, '') ?? '';
    const result = stage.includes('closedwon') ? 'won' : stage.includes('closedlost') ? 'lost' : undefined;
    const amount = parseAmount('Amount', cell(fields, c.amount));
    const contactId = firstId(cell(fields, c.contactId));
    const person = personKey(cell(fields, c.contact));
    const unit: ImportUnit = {
      line,
      prospect: dealProspect({
        externalId: firstId(cell(fields, c.companyId)),
        name: cell(fields, c.company),
        owner: cell(fields, c.owner),
        result,
        amount,
      }),
      contacts: [],
      events: [],
    };
    if (
      unit.prospect?.externalId === undefined &&
      unit.prospect?.name === undefined &&
      contactId === undefined
    ) {
      throw new RowError('the deal is associated with no company or contact');
    }
    if (result !== undefined) {
      const close = parseTime('Close Date', cell(fields, c.close), ctx.zone) ?? ctx.now;
      const id = cell(fields, c.id);
      unit.events.push(
        defined({
          sourceKey: id === undefined ? undefined : `hubspot:deal-${id}`,
          at: Math.min(close, ctx.now),
          data: { type: 'deal', result },
          contact:
            contactId !== undefined || person !== undefined
              ? { externalId: contactId, ...person }
              : undefined,
        }),
      );
    }
    return unit;
  };
}

function activityKind(type: string | undefined, cols: Columns, fields: string[]): [ActivityKind, boolean] {
  const t = (type ?? '').toLowerCase().replace(/_/g, ' ');
  if (t !== '') {
    if (/incoming e-?mail|email reply|inbound e-?mail/.test(t)) return ['email', true];
    if (/e-?mail/.test(t)) return ['email', false];
    if (/call/.test(t)) return ['call', false];
    if (/meeting/.test(t)) return ['meeting', false];
    if (/sms|whats ?app|text/.test(t)) return ['sms', false];
    if (/linkedin|social/.test(t)) return ['social', false];
    return ['other', false];
  }
  // No type column: the columns that are filled say what it is.
  const filled = (...names: string[]) => cell(fields, cols.find(...names)) !== undefined;
  if (filled('Call outcome', 'Call direction', 'Call duration')) return ['call', false];
  if (filled('Meeting outcome', 'Meeting start time')) return ['meeting', false];
  if (filled('Email direction', 'Email subject', 'Email status')) return ['email', false];
  return ['other', false];
}

function activitiesMapper(cols: Columns, ctx: MapContext): RowMapper['map'] {
  const c = {
    id: cols.find('Record ID', 'Activity ID', 'Engagement ID'),
    type: cols.find('Activity type', 'Engagement type'),
    at: cols.find('Activity date', 'Meeting start time', 'Timestamp', 'Create date'),
    callOutcome: cols.find('Call outcome', 'Call disposition'),
    callDirection: cols.find('Call direction'),
    callDuration: cols.find('Call duration', 'Call duration (HH:mm:ss)'),
    emailDirection: cols.find('Email direction'),
    emailStatus: cols.find('Email status', 'Email send status'),
    meetingOutcome: cols.find('Meeting outcome'),
    meetingEnd: cols.find('Meeting end time'),
    subject: cols.find('Call title', 'Email subject', 'Meeting name', 'Activity title', 'Subject'),
    contactId: cols.find('Associated Contact IDs', 'Associated Contact ID', 'Contact ID'),
    contact: cols.find('Associated Contact', 'Associated Contacts'),
    email: cols.find('Associated Email', 'Contact email'),
    companyId: cols.find('Associated Company IDs', 'Associated Company ID'),
    company: cols.find('Associated Company', 'Associated Companies'),
  };
  return ({ line, fields }) => {
    const at = parseTime('Activity date', cell(fields, c.at), ctx.zone);
    if (at === undefined) throw new RowError('Activity date: is empty');
    const [kind, typeSaysInbound] = activityKind(cell(fields, c.type), cols, fields);
    let inbound = typeSaysInbound;
    const emailDirection = cell(fields, c.emailDirection)?.toLowerCase() ?? '';
    if (kind === 'email' && /incoming|inbound|reply/.test(emailDirection)) inbound = true;
    if (kind === 'call' && /inbound|incoming/i.test(cell(fields, c.callDirection) ?? '')) inbound = true;
    const meetingOutcome = cell(fields, c.meetingOutcome)?.toLowerCase() ?? '';
    const end = parseTime('Meeting end time', cell(fields, c.meetingEnd), ctx.zone);
    const durationText = cell(fields, c.callDuration);
    const activity: Activity = {
      kind,
      at,
      inbound,
      outcome: cell(fields, c.callOutcome),
      bounced: /bounce|fail/i.test(cell(fields, c.emailStatus) ?? ''),
      noShow: /no.?show/.test(meetingOutcome),
      cancelled: /cancel/.test(meetingOutcome),
      done: /completed/.test(meetingOutcome) ? true : undefined,
      subject: cell(fields, c.subject),
      durationMin:
        kind === 'meeting' && end !== undefined && end > at
          ? Math.round((end - at) / 60_000)
          : parseDuration('Call duration', durationText, durationText?.includes(':') ? 's' : 'ms'),
    };
    const person = personKey(cell(fields, c.contact));
    return activityUnit(line, activity, ctx.now, {
      company: { externalId: firstId(cell(fields, c.companyId)), name: cell(fields, c.company) },
      contact: {
        externalId: firstId(cell(fields, c.contactId)),
        email: parseEmail('Associated Email', cell(fields, c.email)) ?? person?.email,
        name: person?.name,
      },
      eventId: cell(fields, c.id),
      unlinked: 'the activity is associated with no contact or company',
    });
  };
}

export function hubspotMapper(kind: HubspotKind, cols: Columns, ctx: MapContext): RowMapper {
  const map: (record: CsvRecord) => ImportUnit = {
    contacts: contactsMapper,
    companies: companiesMapper,
    deals: dealsMapper,
    activities: activitiesMapper,
  }[kind](cols, ctx);
  return { format: 'hubspot', kind, system: 'hubspot', map };
}
