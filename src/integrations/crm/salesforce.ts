// Salesforce exports, both report exports (field labels: "Contact ID", "Email Opt Out") and Data
// Loader / Data Export files (API names: "Id", "HasOptedOutOfEmail", "DoNotCall"): contacts, leads,
// accounts, opportunities, and activities (tasks and calendar events). HasOptedOutOfEmail and
// DoNotCall make a contact do-not-contact; an account of type "Customer - ..." and a Closed Won
// opportunity make a customer, a Closed Lost one is a lost deal, and so is a lead whose status is
// "Closed - Not Converted" (nurtured, not chased).

import type { ImportUnit, MapContext, RowMapper, Source, Columns } from './unit.js';
import { cell, closedLeadEvent, closedWithoutSale, companyUnit, dealProspect, defined } from './unit.js';
import { RowError, joinName, parseAmount, parseEmail, parseFlag, parseTime } from '../csv/values.js';
import { activitiesMapper } from './salesforce-activities.js';

export type SalesforceKind = 'contacts' | 'leads' | 'accounts' | 'opportunities' | 'activities';

export function salesforceKind(cols: Columns): SalesforceKind | undefined {
  if (cols.has('Opportunity ID', 'StageName', 'Opportunity Name', 'Opportunity Owner'))
    return 'opportunities';
  if (
    cols.has('Activity ID', 'Task ID', 'Event ID', 'WhoId', 'TaskSubtype', 'Task Subtype', 'Call Result') ||
    cols.has('CallDisposition', 'ActivityDate', 'Activity Date', 'StartDateTime', 'Assigned')
  )
    return 'activities';
  if (
    cols.has('Lead ID', 'Lead Owner', 'Lead Status') ||
    (cols.has('Company') && cols.has('LeadSource', 'Status'))
  )
    return 'leads';
  if (
    cols.has('Contact ID', 'Contact Owner', 'HasOptedOutOfEmail', 'DoNotCall', 'AccountId', 'Email Opt Out')
  )
    return 'contacts';
  if (cols.has('Account ID', 'Account Owner') || (cols.has('Account Name') && cols.has('Type')))
    return 'accounts';
  return undefined;
}

function leadSource(value: string | undefined): Source | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase();
  if (/referral|word of mouth|partner/.test(v)) return 'referral';
  if (/trade show|seminar|conference|event|webinar/.test(v)) return 'event';
  if (/web|inquiry|advertisement|inbound|chat|organic/.test(v)) return 'inbound';
  return 'outbound';
}

function accountRelationship(type: string | undefined): 'customer' | 'ex-customer' | undefined {
  if (type === undefined) return undefined;
  if (/former|ex-?customer|churned/i.test(type)) return 'ex-customer';
  return /customer/i.test(type) ? 'customer' : undefined;
}

function person(cols: Columns) {
  return {
    first: cols.find('First Name', 'FirstName'),
    last: cols.find('Last Name', 'LastName'),
    full: cols.find('Full Name', 'Name'),
    email: cols.find('Email'),
    phone: cols.find('Phone', 'Business Phone'),
    mobile: cols.find('Mobile', 'MobilePhone', 'Mobile Phone'),
    optOut: cols.find('HasOptedOutOfEmail', 'Email Opt Out'),
    doNotCall: cols.find('DoNotCall', 'Do Not Call'),
    created: cols.find('Created Date', 'CreatedDate'),
    source: cols.find('Lead Source', 'LeadSource'),
  };
}

function contactPart(c: ReturnType<typeof person>, fields: string[], id: string | undefined) {
  const email = parseEmail('Email', cell(fields, c.email));
  const name = joinName(cell(fields, c.first), cell(fields, c.last)) ?? cell(fields, c.full) ?? email;
  if (name === undefined) throw new RowError('a contact needs a name or an email');
  const protectedPerson =
    parseFlag('HasOptedOutOfEmail', cell(fields, c.optOut)) === true ||
    parseFlag('DoNotCall', cell(fields, c.doNotCall)) === true;
  return defined({
    externalId: id,
    name,
    email,
    phone: cell(fields, c.phone) ?? cell(fields, c.mobile),
    doNotContact: protectedPerson ? true : undefined,
  });
}

function contactsMapper(cols: Columns, ctx: MapContext): RowMapper['map'] {
  const c = {
    ...person(cols),
    id: cols.find('Contact ID', 'Id', 'ContactId'),
    account: cols.find('Account Name', 'Account.Name', 'Company / Account', 'Account'),
    accountId: cols.find('Account ID', 'AccountId'),
    owner: cols.find('Contact Owner', 'Owner Name', 'Owner.Name', 'Owner', 'OwnerId'),
  };
  return ({ line, fields }) => {
    const contact = contactPart(c, fields, cell(fields, c.id));
    const accountId = cell(fields, c.accountId);
    const account = cell(fields, c.account);
    if (accountId === undefined && account === undefined) {
      throw new RowError('no company: "Account Name" is empty (Pursuit follows up companies)');
    }
    return {
      line,
      prospect: defined({
        externalId: accountId,
        name: account,
        passing: true,
        owner: cell(fields, c.owner),
        createdAt: parseTime('Created Date', cell(fields, c.created), ctx.zone),
        source: leadSource(cell(fields, c.source)),
      }),
      contacts: [contact],
      events: [],
    };
  };
}

function leadsMapper(cols: Columns, ctx: MapContext): RowMapper['map'] {
  const c = {
    ...person(cols),
    id: cols.find('Lead ID', 'Id'),
    company: cols.find('Company', 'Company / Account'),
    owner: cols.find('Lead Owner', 'Owner Name', 'Owner', 'OwnerId'),
    status: cols.find('Lead Status', 'Status'),
    changed: cols.find('Last Modified Date', 'LastModifiedDate'),
  };
  return ({ line, fields }) => {
    const company = cell(fields, c.company);
    if (company === undefined) throw new RowError('no company: "Company" is empty');
    const id = cell(fields, c.id);
    // "Closed - Not Converted": closed by the team without a sale, so nurtured rather than chased.
    const closed = closedWithoutSale(cell(fields, c.status));
    return {
      line,
      prospect: defined({
        name: company,
        passing: true,
        owner: cell(fields, c.owner),
        createdAt: parseTime('Created Date', cell(fields, c.created), ctx.zone),
        source: leadSource(cell(fields, c.source)),
      }),
      // A lead is a person at a company, with no account: the lead's id names the contact.
      contacts: [contactPart(c, fields, id)],
      events: closed
        ? [closedLeadEvent(id, parseTime('Last Modified Date', cell(fields, c.changed), ctx.zone), ctx.now)]
        : [],
    };
  };
}

function accountsMapper(cols: Columns, ctx: MapContext): RowMapper['map'] {
  const c = {
    id: cols.find('Account ID', 'Id'),
    name: cols.find('Account Name', 'Name'),
    owner: cols.find('Account Owner', 'Owner Name', 'Owner', 'OwnerId'),
    type: cols.find('Type', 'Account Type'),
    created: cols.find('Created Date', 'CreatedDate'),
    source: cols.find('Account Source', 'AccountSource'),
  };
  return ({ line, fields }) => {
    const name = cell(fields, c.name);
    if (name === undefined) throw new RowError('an account needs a name ("Account Name" is empty)');
    return companyUnit(line, {
      externalId: cell(fields, c.id),
      name,
      owner: cell(fields, c.owner),
      relationship: accountRelationship(cell(fields, c.type)),
      createdAt: parseTime('Created Date', cell(fields, c.created), ctx.zone),
      source: leadSource(cell(fields, c.source)),
    });
  };
}

function opportunitiesMapper(cols: Columns, ctx: MapContext): RowMapper['map'] {
  const c = {
    id: cols.find('Opportunity ID', 'Id'),
    account: cols.find('Account Name', 'Account.Name', 'Account'),
    accountId: cols.find('Account ID', 'AccountId'),
    stage: cols.find('Stage', 'StageName'),
    won: cols.find('Won', 'IsWon'),
    closed: cols.find('Closed', 'IsClosed'),
    amount: cols.find('Amount'),
    close: cols.find('Close Date', 'CloseDate'),
    owner: cols.find('Opportunity Owner', 'Owner Name', 'Owner', 'OwnerId'),
  };
  return ({ line, fields }) => {
    const stage = cell(fields, c.stage) ?? '';
    const won = /closed won/i.test(stage) || parseFlag('IsWon', cell(fields, c.won)) === true;
    const lost =
      !won && (/closed lost/i.test(stage) || parseFlag('IsClosed', cell(fields, c.closed)) === true);
    const accountId = cell(fields, c.accountId);
    const account = cell(fields, c.account);
    if (accountId === undefined && account === undefined) {
      throw new RowError('no company: the opportunity has no account');
    }
    const amount = parseAmount('Amount', cell(fields, c.amount));
    const unit: ImportUnit = {
      line,
      prospect: dealProspect({
        externalId: accountId,
        name: account,
        owner: cell(fields, c.owner),
        result: won ? 'won' : lost ? 'lost' : undefined,
        amount,
      }),
      contacts: [],
      events: [],
    };
    if (won || lost) {
      const close = parseTime('Close Date', cell(fields, c.close), ctx.zone) ?? ctx.now;
      unit.events.push(
        defined({
          externalId: cell(fields, c.id),
          at: Math.min(close, ctx.now),
          data: { type: 'deal', result: won ? 'won' : 'lost' },
        }),
      );
    }
    return unit;
  };
}

export function salesforceMapper(kind: SalesforceKind, cols: Columns, ctx: MapContext): RowMapper {
  const map = {
    contacts: contactsMapper,
    leads: leadsMapper,
    accounts: accountsMapper,
    opportunities: opportunitiesMapper,
    activities: activitiesMapper,
  }[kind](cols, ctx);
  return { format: 'salesforce', kind, system: 'salesforce', map };
}
