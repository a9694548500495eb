// The calendar invite for a committed call or meeting (`pursuit ics`): both calendars, the rep's
// and the contact's. A rescheduled call keeps the first commitment's UID, so calendars move it.

import { PursuitError } from '../../core/errors.js';
import { renderInvite } from '../../integrations/ics.js';
import type { StoredEvent, User } from '../../core/records.js';
import { organisations, users } from '../../store/repositories/people.repository.js';
import { contacts, prospects } from '../../store/repositories/prospects.repository.js';
import { events } from '../../store/repositories/events.repository.js';
import type { AppContext } from '../context.js';
import { canSee, resolveProspect } from '../accounts/actors.js';
import { inTransaction } from '../context.js';

const MINUTES = { call: 30, meeting: 60 } as const;

export interface InviteFile {
  filename: string;
  text: string;
  commitment: StoredEvent;
}

/** `typed`: a commitment's id, or a prospect (its latest call or meeting commitment). */
export async function inviteFor(ctx: AppContext, actor: User, typed: string): Promise<InviteFile> {
  const now = ctx.now();
  return inTransaction(ctx, async (q) => {
    const byId = await events.findById(q, typed);
    const prospect =
      byId === undefined
        ? await resolveProspect(q, actor, typed)
        : await prospects.findById(q, byId.prospectId);
    if (prospect === undefined || !(await canSee(q, actor, prospect))) {
      throw new PursuitError('NOT_FOUND', `no commitment or prospect "${typed}"`, 'commitment');
    }
    const history = await events.listByProspect(q, prospect.id);
    const replacedBy = new Map(
      history.filter((e) => typeof e.data.replaces === 'string').map((e) => [String(e.data.replaces), e]),
    );
    let commitment =
      byId ??
      history
        .filter((e) => e.type === 'commitment' && ['call', 'meeting'].includes(String(e.data.kind)))
        .at(-1);
    if (commitment === undefined || commitment.type !== 'commitment') {
      throw new PursuitError(
        'NOT_FOUND',
        `${prospect.name} has no committed call or meeting to invite to`,
        'commitment',
      );
    }
    // The latest version of this commitment (rescheduled or cancelled), and the first, for the UID.
    while (replacedBy.has(commitment.id)) commitment = replacedBy.get(commitment.id) as StoredEvent;
    const chain = [commitment];
    const byEventId = new Map(history.map((e) => [e.id, e]));
    while (typeof chain[0]?.data.replaces === 'string' && byEventId.has(String(chain[0].data.replaces))) {
      chain.unshift(byEventId.get(String(chain[0].data.replaces)) as StoredEvent);
    }
    const cancelled = commitment.data.kind === 'cancelled';
    const live = cancelled ? (chain.at(-2) ?? commitment) : commitment;
    const kind = live.data.kind === 'meeting' ? 'meeting' : 'call';
    if (typeof live.data.due !== 'string')
      throw new PursuitError('INVALID_INPUT', 'the commitment has no time', 'commitment');

    const owner = await users.findById(q, prospect.ownerId);
    const org = await organisations.findById(q, prospect.orgId);
    const contact = (await contacts.listByProspect(q, prospect.id)).find((c) => c.id === live.contactId);
    if (owner === undefined || org === undefined || contact === undefined)
      throw new Error('commitment without people');
    if (contact.email === null) {
      throw new PursuitError(
        'INVALID_INPUT',
        `${contact.name} has no email to send the invite to: add one`,
        'email',
      );
    }
    const prep = history
      .filter((e) => e.type === 'prep' && chain.some((c) => c.id === e.data.commitmentId))
      .at(-1);
    const agenda = Array.isArray(prep?.data.agenda) ? (prep.data.agenda as string[]) : [];
    const what =
      typeof live.data.description === 'string' ? live.data.description : `${kind} with ${org.name}`;
    const text = renderInvite({
      uid: `${chain[0]?.id ?? live.id}@pursuit`,
      stamp: now,
      start: Date.parse(live.data.due),
      minutes: MINUTES[kind],
      summary: `${prospect.name} / ${org.name}: ${what}`,
      description: [
        what,
        ...(agenda.length > 0 ? ['', 'Agenda:', ...agenda.map((a) => `- ${a}`)] : []),
        '',
        `${owner.name}${owner.phone === null ? '' : `, ${owner.phone}`}`,
      ].join('\n'),
      ...(kind === 'call' && contact.phone !== null ? { location: `Phone: ${contact.phone}` } : {}),
      organizer: { name: owner.name, email: owner.email },
      attendees: [{ name: contact.name, email: contact.email }],
      sequence: chain.length - 1,
      cancelled,
    });
    const slug = prospect.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    return {
      filename: `${slug || 'call'}-${String(live.data.due).slice(0, 10)}.ics`,
      text,
      commitment: live,
    };
  });
}
