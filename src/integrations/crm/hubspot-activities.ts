// HubSpot's activity exports (calls, emails, meetings, tasks): each row one event of a contact or a
// company, its kind and direction told from its type column (else from the columns that are filled).

import type { Activity, ActivityKind } from './activity.js';
import { activityUnit } from './activity.js';
import type { MapContext, RowMapper, Columns } from './unit.js';
import { cell } from './unit.js';
import { RowError, firstId, parseDuration, parseEmail, parseTime, personKey } from '../csv/values.js';

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

export function activitiesMapper(cols: Columns, ctx: MapContext): RowMapper['map'] {
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
