// Salesforce's activity exports (calls, emails, meetings, tasks): each row one event of a contact or a
// company, its kind and direction told from its type column (else from the columns that are filled).

import type { Activity, ActivityKind } from './activity.js';
import { activityUnit } from './activity.js';
import type { MapContext, RowMapper, Columns } from './unit.js';
import { cell } from './unit.js';
import { RowError, parseDuration, parseEmail, parseFlag, parseTime, personKey } from '../csv/values.js';

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

export function activitiesMapper(cols: Columns, ctx: MapContext): RowMapper['map'] {
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
