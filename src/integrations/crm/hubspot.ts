// HubSpot's CRM exports (column headers are property labels): contacts, companies, deals, and
// activities (calls, emails, meetings). Record IDs are the external ids; a contact's company comes
// from "Associated Company IDs" (else its name); "Unsubscribed from all email" and every "Opted out
// of email: ..." column make a contact do-not-contact; lifecycle stage Customer (or Evangelist) and
// Closed Won deals make a customer.

import type { CsvRecord } from '../csv/parse.js';
import type { ImportUnit, MapContext, RowMapper, Source, Columns } from './unit.js';
import { cell, closedLeadEvent, closedWithoutSale, companyUnit, dealProspect, defined } from './unit.js';
import {
  RowError,
  firstId,
  joinName,
  parseAmount,
  parseEmail,
  parseFlag,
  parseTime,
  personKey,
} from '../csv/values.js';
import { isValidZone } from '../../core/calendar.js';
import { activitiesMapper } from './hubspot-activities.js';

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
    status: cols.find('Lead Status'),
    changed: cols.find('Last Modified Date'),
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
      // Lead status "Unqualified": closed by the team without a sale, so nurtured rather than chased.
      events: closedWithoutSale(cell(fields, c.status))
        ? [
            closedLeadEvent(
              cell(fields, c.id),
              parseTime('Last Modified Date', cell(fields, c.changed), ctx.zone),
              ctx.now,
            ),
          ]
        : [],
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

export function hubspotMapper(kind: HubspotKind, cols: Columns, ctx: MapContext): RowMapper {
  const map: (record: CsvRecord) => ImportUnit = {
    contacts: contactsMapper,
    companies: companiesMapper,
    deals: dealsMapper,
    activities: activitiesMapper,
  }[kind](cols, ctx);
  return { format: 'hubspot', kind, system: 'hubspot', map };
}
