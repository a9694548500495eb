// The settings the structured editor shows, in a sales manager's words. Only the words live here:
// what each setting may hold comes from the playbook schema (core/playbook/limits.ts).

export interface FieldCopy {
  path: readonly string[];
  label: string;
  help: string;
  unit?: string;
}

export interface Section {
  title: string;
  fields: readonly FieldCopy[];
}

export const SECTIONS: readonly Section[] = [
  {
    title: 'Follow-up cadence',
    fields: [
      {
        path: ['followUp', 'spacingBusinessDays'],
        label: 'Gaps between follow-ups',
        help: 'Business days to wait after each unanswered touch, in order, separated by commas; the last gap repeats.',
        unit: 'business days',
      },
      {
        path: ['followUp', 'hardMaximum'],
        label: 'Touches before the break-up',
        help: 'After this many unanswered touches, the next one is the polite break-up message.',
        unit: 'touches',
      },
      {
        path: ['followUp', 'breakUpWaitDays'],
        label: 'Wait after the break-up',
        help: 'Days to wait for an answer to the break-up before moving to nurture.',
        unit: 'days',
      },
      {
        path: ['followUp', 'minimumTouches', 'reached'],
        label: 'Minimum touches after a conversation',
        help: 'Unanswered touches always made to someone you have spoken with.',
        unit: 'touches',
      },
      {
        path: ['followUp', 'minimumTouches', 'neverReached'],
        label: 'Minimum touches to someone never reached',
        help: 'Unanswered touches always made before giving up on someone who never answered.',
        unit: 'touches',
      },
      {
        path: ['followUp', 'weeklyCap', 'touches'],
        label: 'Most touches in a week',
        help: 'Outbound touches one contact may get in the rolling window below.',
        unit: 'touches',
      },
      {
        path: ['followUp', 'switchToEmailAfterCalls'],
        label: 'Calls before switching to email',
        help: 'Unanswered calls in a row before the next touch is an email.',
        unit: 'calls',
      },
    ],
  },
  {
    title: 'Speed to lead',
    fields: [
      {
        path: ['speedToLead', 'withinMinutes'],
        label: 'Call a new lead within',
        help: 'Minutes within which a new inbound lead should be called.',
        unit: 'minutes',
      },
      {
        path: ['speedToLead', 'newForDays'],
        label: 'A lead stays new for',
        help: 'An untouched lead older than this is followed up like any other. Leave empty for always.',
        unit: 'days',
      },
    ],
  },
  {
    title: 'Working hours',
    fields: [
      {
        path: ['calendar', 'start'],
        label: 'Day starts at',
        help: "Earliest time to contact someone, in the contact's time zone (else the rep's).",
      },
      {
        path: ['calendar', 'end'],
        label: 'Day ends at',
        help: 'Latest time to contact someone; must be after the start.',
      },
    ],
  },
  {
    title: 'Nurture and customers',
    fields: [
      {
        path: ['nurture', 'firstTouchDays'],
        label: 'First nurture touch after',
        help: 'Days from entering nurture (after a break-up, or "not now") to the first touch.',
        unit: 'days',
      },
      {
        path: ['nurture', 'intervalDays'],
        label: 'Nurture touch every',
        help: 'Days between nurture touches.',
        unit: 'days',
      },
      {
        path: ['customers', 'checkInDays', 'customer'],
        label: 'Check in with customers every',
        help: 'Customers are never dropped: days between check-ins.',
        unit: 'days',
      },
    ],
  },
  {
    title: 'Channels',
    fields: [
      {
        path: ['channels', 'nurture'],
        label: 'Nurture touches go by',
        help: 'auto picks a call unless calls went unanswered; reply uses the channel they answered on.',
      },
      {
        path: ['channels', 'check-in'],
        label: 'Customer check-ins go by',
        help: 'auto picks a call unless calls went unanswered; reply uses the channel they answered on.',
      },
    ],
  },
];

/** A server message with each setting it names by dotted path (`followUp.hardMaximum`) in words. */
export function inWords(message: string): string {
  return message.replace(/\b[a-zA-Z]+(?:\.[a-zA-Z-]+)+\b/g, (path) => {
    for (const s of SECTIONS) for (const f of s.fields) if (f.path.join('.') === path) return `“${f.label}”`;
    return path;
  });
}
