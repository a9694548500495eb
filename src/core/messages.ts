// Message drafts: a playbook template filled from the prospect's data (names, the commitment, what
// they told us). A draft by call carries a voicemail script beside the written message.

import type { MessageDraft, ReachChannel } from './decision.js';
import type { TemplateName } from './playbook/schema.js';
import { firstWord, renderSlots, slotsOf, wordCount } from './playbook/template.js';
import type { CompiledTemplate } from './playbook/load.js';
import type { Slots, TemplateValues } from './playbook/template.js';
import type { Ctx } from './rules/context.js';
import { localDay, zonedText } from './rules/words.js';
import type { Commitment, ContactInfo } from './scenario/state.js';

export interface MessageExtras {
  commitment?: Commitment;
  reason?: string;
  referred?: ContactInfo;
  others?: ContactInfo[];
  until?: number;
}

/** "Tuesday, March 17": a date without its time. */
const longDay = zonedText({ weekday: 'long', month: 'long', day: 'numeric' }, localDay);
/** "Tuesday, March 17 at 12:00 PM EDT": a date and time. */
const longTime = zonedText(
  {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  },
  (_zone, instant) => instant,
);

function listNames(contacts: ContactInfo[]): string {
  const names = contacts.map((c) => c.name);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** What they told us: the first problem, opportunity, want or need logged in a conversation. */
function topic(ctx: Ctx): string | undefined {
  for (let i = ctx.h.conversations.length - 1; i >= 0; i -= 1) {
    const c = ctx.h.conversations[i];
    if (c?.type === 'touch' && c.meeting !== undefined && c.meeting.powns.length > 0)
      return c.meeting.powns[0];
  }
  return undefined;
}

function objection(ctx: Ctx): string | undefined {
  for (let i = ctx.h.conversations.length - 1; i >= 0; i -= 1) {
    const c = ctx.h.conversations[i];
    if (c?.type === 'touch' && c.meeting !== undefined && c.meeting.objections.length > 0) {
      return c.meeting.objections[0];
    }
  }
  return undefined;
}

function values(ctx: Ctx, contact: ContactInfo, extras: MessageExtras): TemplateValues {
  const { rep, prospect } = ctx.state;
  const commitment = extras.commitment;
  return {
    'contact.firstName': firstWord(contact.name),
    'contact.name': contact.name,
    'prospect.name': prospect.name,
    'rep.name': rep.name,
    'rep.firstName': firstWord(rep.name),
    'rep.company': rep.company,
    'rep.phone': rep.phone,
    'rep.email': rep.email,
    'commitment.description': commitment?.description,
    // A reply-by date has no time of day worth saying.
    'commitment.when':
      commitment?.due === undefined
        ? undefined
        : (commitment.kind === 'reply-by' ? longDay : longTime)(contact.timezone, commitment.due),
    topic: topic(ctx),
    objection: objection(ctx),
    'referred.firstName': firstWord(extras.referred?.name),
    'referred.name': extras.referred?.name,
    others: extras.others === undefined ? undefined : listNames(extras.others),
    reason: extras.reason,
    until: extras.until === undefined ? undefined : longDay(contact.timezone, extras.until),
  };
}

const MAX_VOICEMAIL_WORDS = 35;

/** A voicemail too long to speak in 14 seconds is said without the slots that can run long. */
function voicemail(template: CompiledTemplate, vars: TemplateValues, slots: Slots): string {
  const text = template.voicemail;
  const script = renderSlots(text, slots);
  if (wordCount(script) <= MAX_VOICEMAIL_WORDS) return script;
  const shorter = slotsOf(
    {
      ...vars,
      objection: undefined,
      others: undefined,
      topic: undefined,
      'commitment.description': undefined,
      'referred.name': undefined,
      'prospect.name': undefined,
    },
    template.slots,
  );
  return renderSlots(text, shorter);
}

/** A draft for `action` from the playbook template `name` (the action's own, or a variant of it). */
export function draftMessage(
  ctx: Ctx,
  action: string,
  name: TemplateName,
  contact: ContactInfo,
  channel: ReachChannel,
  extras: MessageExtras = {},
): MessageDraft {
  const template = ctx.playbook.templates[name];
  const vars = values(ctx, contact, extras);
  const slots = slotsOf(vars, template.slots);
  const subject = renderSlots(template.subject, slots);
  const body = renderSlots(template.body, slots);
  const draft: MessageDraft =
    name === action
      ? { template: action, subject, body }
      : { template: action, variant: name, subject, body };
  if (channel === 'call') draft.voicemail = voicemail(template, vars, slots);
  if (channel === 'sms') {
    // A text message has no subject, and ends with who sent it rather than an email's sign-off.
    draft.subject = '';
    draft.body = textMessage(body, ctx.state.rep.name, ctx.state.rep.company);
  }
  return draft;
}

/** The sign-offs an email's last paragraph starts with ("Best,\nPriya Raman"). */
const SIGN_OFF =
  /^(best|best regards|all the best|kind regards|warm regards|regards|thanks|many thanks|thank you|cheers|sincerely)[,.!]?\s*(\n|$)/i;

/**
 * An email's body as a text message: its sign-off paragraph dropped (a P.S. after it stays), and the
 * sender's first name and company at the end instead, so a text from an unknown number says who it is.
 */
export function textMessage(body: string, repName: string | undefined, company: string | undefined): string {
  const paragraphs = body.split(/\n{2,}/);
  const signOff = paragraphs.findIndex((p, i) => i > 0 && SIGN_OFF.test(p.trim()));
  const kept = paragraphs.filter((_, i) => i !== signOff).map((p) => p.trim());
  const who = [firstWord(repName), company].filter((w) => w !== undefined && w !== '').join(', ');
  return who === '' ? kept.join('\n\n') : `${kept.join('\n\n')}\n\n– ${who}`;
}
