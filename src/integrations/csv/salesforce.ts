// Salesforce exports, both report exports (field labels: "Contact ID", "Email Opt Out") and Data
// Loader / Data Export files (API names: "Id", "HasOptedOutOfEmail", "DoNotCall"): contacts, leads,
// accounts, opportunities, and activities (tasks and calendar events). HasOptedOutOfEmail and
// DoNotCall make a contact do-not-contact; an account of type "Customer - ..." and a Closed Won
// opportunity make a customer, a Closed Lost one is a lost deal.

import type { Activity, ActivityKind } from './activity.js';
import { activityUnit } from './activity.js';
import type { ImportUnit, MapContext, RowMapper, Source, Columns } from './unit.js';
import { cell, companyUnit, dealProspect, defined } from './unit.js';
import {
  RowError,
  joinName,
  parseAmount,
  parseDuration,
  parseEmail,
  parseFlag,
  parseTime,
  personKey,
} from './values.js';

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
  };
  return ({ line, fields }) => {
    const company = cell(fields, c.company);
    if (company === undefined) throw new RowError('no company: "Company" is empty');
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
      contacts: [contactPart(c, fields, cell(fields, c.id))],
      events: [],
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

function kindOf(type: string, subtype: string, subject: string): ActivityKind {
  const t = `${subtype} ${type}`.toLowerCase();
  if (/e-?mail/.test(t)) return 'email';
  if (/call/.test(t)) return 'call';
  if (/meeting|demo|event/.test(t)) return 'meeting';
  if (/linkedin/.test(t)) return 'social';
  if (/sms|text/.test(t)) return 'sms';
  // Salesforce logs emails as tasks called "Email: <subject>", and calls as "Call" or "Call: ...".
  if (/^e-?mail\b/i.test(subject)) return 'email';
  if (/^call\b/i.test(subject)) return 'call';
  if (/^meeting\b/i.test(subject)) return 'meeting';
  return 'other';
}

function activitiesMapper(cols: Columns, ctx: MapContext): RowMapper['map'] {
  const c = {
    id: cols.find('Activity ID', 'Task ID', 'Event ID', 'Id'),
    subject: cols.find('Subject'),
    type: cols.find('Type', 'Task Type', 'Activity Type', 'Event Type'),
    subtype: cols.find('TaskSubtype', 'Task Subtype', 'EventSubtype', 'Task/Event'),
    status: cols.find('Status'),
    closed: cols.find('IsClosed', 'Closed'),
    completed: cols.find('Completed Date/Time', 'CompletedDateTime'),
    start: cols.find('Start', 'StartDateTime', 'Start Date/Time'),
    date: cols.find('Activity Date', 'ActivityDate', 'Date', 'Due Date'),
    created: cols.find('Created Date', 'CreatedDate'),
    result: cols.find('Call Result', 'CallDisposition'),
    duration: cols.find('Call Duration', 'CallDurationInSeconds', 'Duration'),
    callType: cols.find('Call Type', 'CallType'),
    description: cols.find('Comments', 'Description', 'Full Comments'),
    contactId: cols.find('Contact ID', 'WhoId', 'Name ID', 'Lead ID'),
    contact: cols.find('Contact', 'Name', 'Lead', 'Contact Name', 'Assigned To Name'),
    email: cols.find('Email', 'Contact Email'),
    accountId: cols.find('Account ID', 'AccountId', 'WhatId'),
    account: cols.find('Company / Account', 'Account Name', 'Account'),
  };
  return ({ line, fields }) => {
    const start = parseTime('Start', cell(fields, c.start), ctx.zone);
    const at =
      parseTime('Completed Date/Time', cell(fields, c.completed), ctx.zone) ??
      start ??
      parseTime('Activity Date', cell(fields, c.date), ctx.zone) ??
      parseTime('Created Date', cell(fields, c.created), ctx.zone);
    if (at === undefined) throw new RowError('Activity Date: is empty');
    const subject = cell(fields, c.subject) ?? '';
    const kind =
      start !== undefined && cell(fields, c.type) === undefined
        ? 'meeting'
        : kindOf(cell(fields, c.type) ?? '', cell(fields, c.subtype) ?? '', subject);
    const status = cell(fields, c.status);
    const closed = parseFlag('IsClosed', cell(fields, c.closed));
    const done = status !== undefined ? /completed|done|closed/i.test(status) : closed;
    const durationText = cell(fields, c.duration);
    const activity: Activity = {
      kind,
      at,
      inbound: /inbound/i.test(cell(fields, c.callType) ?? ''),
      done,
      outcome:
        cell(fields, c.result) ??
        (kind === 'call' ? `${subject} ${cell(fields, c.description) ?? ''}` : undefined),
      bounced: /bounce/i.test(subject),
      cancelled: /cancel/i.test(status ?? ''),
      subject: subject === '' ? undefined : subject,
      durationMin: parseDuration('Call Duration', durationText, 's'),
    };
    const who = personKey(cell(fields, c.contact));
    return activityUnit(line, activity, ctx.now, {
      company: { externalId: cell(fields, c.accountId), name: cell(fields, c.account) },
      contact: {
        externalId: cell(fields, c.contactId),
        email: parseEmail('Email', cell(fields, c.email)) ?? who?.email,
        name: who?.name,
      },
      eventId: cell(fields, c.id),
      unlinked: 'the activity is related to no contact, lead or account',
    });
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
