// Rule 9: follow up, or stop. The silence stretch decides between break-up wait, hard maximum,
// empathy, multi-thread, minimum persistence and the cost-benefit model; then the channel rule,
// the spacing, and the weekly cap give how and when.

import { DAY } from '../calendar.js';
import type { Decision } from '../decision.js';
import { findLast } from '../history.js';
import type { ContactInfo, Touch } from '../scenario/state.js';
import { reach, wait } from './build.js';
import type { Reach } from './build.js';
import { contactById, isContactable } from './context.js';
import type { Ctx } from './context.js';
import { diagnose } from './diagnosis.js';
import { evaluateTouch } from './numbers.js';
import { nurture } from './nurture.js';
import { multiThreadNoticeSent, primaryContact, ruleChannel, targetContact } from './targeting.js';
import { day, money, percent, plural } from './words.js';

type Choice = Pick<Reach, 'action' | 'rule' | 'template' | 'extras'> & { contact: ContactInfo; why: string };

/** When the next touch is due by the spacing rule (the first touch of an empty stretch: now). */
function spacingDue(ctx: Ctx, contact: ContactInfo): number {
  const { stretch } = ctx.h;
  const calendar = ctx.playbook.calendar;
  const last = stretch.at(-1);
  if (last === undefined) return calendar.moveIntoWindow(contact.timezone, ctx.now);
  const spacing = ctx.playbook.doc.followUp.spacingBusinessDays;
  const gap = spacing[Math.min(stretch.length, spacing.length) - 1] as number;
  return calendar.addBusinessDays(contact.timezone, last.at, gap);
}

/** The first time at or after `at` when one more touch keeps the contact within the weekly cap. */
function capAllows(ctx: Ctx, contact: ContactInfo, at: number): number {
  const { touches, days } = ctx.playbook.doc.followUp.weeklyCap;
  // The touch `touches` back among those to this contact: the cap holds until `days` after it.
  let seen = 0;
  for (let i = ctx.h.touches.length - 1; i >= 0; i -= 1) {
    const t = ctx.h.touches[i] as Touch;
    if (t.contactId === contact.id && (seen += 1) === touches) return Math.max(at, t.at + days * DAY);
  }
  return at;
}

function missedCommitmentFor(ctx: Ctx) {
  const f = ctx.playbook.doc.followUp;
  if (ctx.h.stretch.some((t) => t.purpose === 'empathy')) return undefined;
  return ctx.h.commitments.find(
    (c) =>
      c.status === 'missed' &&
      ctx.h.stretch.filter((t) => t.at >= c.due).length >= f.empathyAfterMissedTouches,
  );
}

function choose(ctx: Ctx, target: ContactInfo, unanswered: number): Choice | 'model' {
  const f = ctx.playbook.doc.followUp;
  if (unanswered >= f.hardMaximum) {
    return {
      action: 'break-up',
      rule: 'hard-maximum',
      template: 'break-up',
      contact: target,
      why: `${plural(unanswered, 'touch', 'touches')} unanswered, the playbook's maximum: send the break-up message, politely asking whether to take them off your list`,
    };
  }
  const missed = missedCommitmentFor(ctx);
  if (missed !== undefined) {
    const committed = contactById(ctx, missed.event.contactId);
    const contact = isContactable(ctx, committed) ? committed : target;
    return {
      action: 'empathy',
      rule: 'empathy',
      template: 'empathy',
      extras: { commitment: missed.event },
      contact,
      why: `${committed?.name ?? 'They'} missed the ${missed.event.kind} committed for ${day(contact.timezone, missed.due)} and has not answered since: send an empathy message, no guilt, so they find it easy to come back`,
    };
  }
  const primary = primaryContact(ctx);
  if (isContactable(ctx, primary) && !multiThreadNoticeSent(ctx)) {
    const toPrimary = ctx.h.stretch.filter((t) => t.contactId === primary.id).length;
    const others = ctx.contactable.filter(
      (c) => c !== primary && !ctx.h.stretch.some((t) => t.contactId === c.id),
    );
    if (toPrimary >= f.multiThreadAfterTouches && others.length > 0) {
      return {
        action: 'multi-thread',
        rule: 'multi-thread',
        template: 'multi-thread',
        extras: { others },
        contact: primary,
        why: `${plural(toPrimary, 'touch', 'touches')} to ${primary.name} unanswered: let them know you will also reach ${others.map((c) => c.name).join(', ')}`,
      };
    }
  }
  const minimum = ctx.h.reached ? f.minimumTouches.reached : f.minimumTouches.neverReached;
  if (unanswered < minimum) {
    const so = ctx.h.reached
      ? `most sales need ${minimum} follow-ups after a conversation`
      : `reaching someone takes about ${minimum} attempts`;
    // Nobody has heard from us or from them yet: an introduction, not a "following up".
    const first = ctx.h.touches.length === 0 && ctx.h.responses.length === 0;
    return {
      action: 'follow-up',
      rule: 'minimum-persistence',
      template: first ? 'first-touch' : 'follow-up',
      contact: target,
      why:
        unanswered === 0
          ? `No touch yet${ctx.h.reached ? ' since you last spoke' : ''}, and ${so}: start now`
          : `${plural(unanswered, 'touch', 'touches')} unanswered${ctx.h.reached ? ' since you last spoke' : ''}, and ${so}: follow up`,
    };
  }
  return 'model';
}

export function followUp(ctx: Ctx): Decision {
  const f = ctx.playbook.doc.followUp;
  const { stretch } = ctx.h;
  const diagnosis = ctx.h.reached ? diagnose(ctx) : undefined;

  const breakUp = findLast(stretch, (t) => t.purpose === 'break-up');
  if (breakUp !== undefined) {
    const until = breakUp.at + f.breakUpWaitDays * DAY;
    if (ctx.now >= until) {
      return nurture(ctx, {
        seq: breakUp.seq,
        firstDue: until + ctx.playbook.doc.nurture.firstTouchDays * DAY,
        why: `No answer ${plural(f.breakUpWaitDays, 'day')} after the break-up message`,
        diagnosis,
      });
    }
    return wait(
      ctx,
      'break-up-wait',
      until,
      `The break-up message went out ${day(ctx.state.rep.timezone, breakUp.at)}: give them ${plural(f.breakUpWaitDays, 'day')} to answer before moving them to nurture.`,
      diagnosis,
    );
  }

  const target = targetContact(ctx);
  if (target === undefined) throw new Error('follow-up needs a contactable contact (rule 1 runs first)');
  const unanswered = stretch.length;
  let choice = choose(ctx, target, unanswered);
  let evaluation = evaluateTouch(ctx, ruleChannel(ctx, choice === 'model' ? target : choice.contact));
  if (choice === 'model') {
    const m = evaluation.numbers;
    const sums = `expected value ${money(m.expectedValue)} (${percent(m.pResponse)} response x ${percent(m.pWin)} win x ${money(m.dealValue)}) against ${money(m.touchCost)} of your time`;
    choice = evaluation.worthIt
      ? {
          action: 'follow-up',
          rule: 'cost-benefit',
          template: 'follow-up',
          contact: target,
          why: `Touch ${m.attempt} is still worth it: ${sums}`,
        }
      : ctx.model.explores?.(ctx.state.prospect.id) === true
        ? {
            action: 'follow-up',
            rule: 'exploration',
            template: 'follow-up',
            contact: target,
            why: `Touch ${m.attempt} would not pay on its own (${sums}), but this prospect is one of the few the team follows to the hard maximum, so the model keeps learning what late touches bring: follow up`,
          }
        : {
            action: 'break-up',
            rule: 'cost-benefit',
            template: 'break-up',
            contact: target,
            why: `Touch ${m.attempt} is no longer worth your time: ${sums}; send the break-up message`,
          };
  }
  const channel = ruleChannel(ctx, choice.contact);
  if (choice.contact !== target) evaluation = evaluateTouch(ctx, channel);
  const due = spacingDue(ctx, choice.contact);
  const allowed = capAllows(ctx, choice.contact, Math.max(due, ctx.now));
  if (allowed > Math.max(due, ctx.now)) {
    const zone = choice.contact.timezone;
    const resume = ctx.playbook.calendar.moveIntoWindow(zone, allowed);
    return wait(
      ctx,
      'weekly-cap',
      resume,
      `${choice.contact.name} already had ${plural(f.weeklyCap.touches, 'touch', 'touches')} in ${plural(f.weeklyCap.days, 'day')}; don't become a stalker: next touch ${day(zone, resume)}.`,
      diagnosis,
    );
  }
  return reach(ctx, {
    action: choice.action,
    rule: choice.rule,
    reason: `${choice.why}.`,
    contact: choice.contact,
    channel,
    due,
    template: choice.template,
    extras: choice.extras,
    model: evaluation.numbers,
    diagnosis,
  });
}
