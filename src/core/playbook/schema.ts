// The playbook document: every number and message of PLAYBOOK.md as validated data.

import Type from 'typebox';
import type { Static } from 'typebox';

const Count = (description: string) => Type.Integer({ minimum: 0, description });
const Positive = (description: string) => Type.Integer({ minimum: 1, description });
const Days = (description: string) => Type.Number({ minimum: 0, description });
const Probability = Type.Number({ minimum: 0, maximum: 1, description: 'a probability from 0 to 1' });
const Clock = Type.String({
  pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
  description: 'a time of day like 08:00',
});

export const TEMPLATE_NAMES = [
  'follow-up',
  'speed-to-lead',
  'committed-call',
  'respond',
  'respond-objection',
  'respond-referral',
  'schedule-next-step',
  'empathy',
  'multi-thread',
  'break-up',
  'close-out',
  'disqualify',
  'check-in',
  'nurture',
  'first-touch',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/**
 * Templates a playbook may leave out (added after playbooks were written), each with the one used
 * in its place.
 */
export const OPTIONAL_TEMPLATES: Partial<Record<TemplateName, TemplateName>> = {
  'first-touch': 'follow-up',
};

export const Template = Type.Object({
  subject: Type.String({ minLength: 1 }),
  body: Type.String({ minLength: 1 }),
  voicemail: Type.String({ minLength: 1, description: 'a voicemail script of 20 to 35 words' }),
});

const ChannelPolicy = Type.Enum(['auto', 'email', 'call', 'reply'], {
  description: 'auto (the channel rule), email, call, or reply (the channel they used)',
});

export const PlaybookDocument = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$', description: 'a lowercase id like default' }),
    version: Positive('a version number'),
    name: Type.String({ minLength: 1 }),
    calendar: Type.Object({
      days: Type.Array(
        Type.Integer({ minimum: 1, maximum: 7, description: 'an ISO weekday, 1 (Mon) to 7 (Sun)' }),
        {
          minItems: 1,
        },
      ),
      start: Clock,
      end: Clock,
      holidays: Type.Array(
        Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'a date like 2026-12-25' }),
      ),
    }),
    customers: Type.Object({
      checkInDays: Type.Object({
        customer: Days('days between check-ins with a customer'),
        'ex-customer': Days('days between check-ins with an ex-customer'),
      }),
    }),
    closeOut: Type.Object({ nurtureAfterDays: Days('days from a close-out to the first nurture touch') }),
    responses: Type.Object({
      respondWithinBusinessMinutes: Count('business minutes to answer a response'),
      outOfOfficeWaitDays: Days('days to wait after an out-of-office reply without a return date'),
    }),
    commitments: Type.Object({
      missedAfterMinutes: Count('minutes after a committed call with no conversation before it is missed'),
      earlyToleranceMinutes: Count('minutes before a committed call that a conversation still keeps it'),
    }),
    speedToLead: Type.Object({
      withinMinutes: Count('minutes to call a new inbound lead'),
      sources: Type.Array(Type.Enum(['inbound', 'outbound', 'referral', 'event'])),
      newForDays: Type.Optional(
        Days(
          'a lead that arrived longer ago than this and was never touched (an imported backlog) is no longer new: it is followed up like any other (absent: always new)',
        ),
      ),
    }),
    scheduleNextStep: Type.Object({ withinBusinessDays: Count('business days to secure a next step') }),
    followUp: Type.Object({
      weeklyCap: Type.Object({
        touches: Positive('outbound touches per contact allowed in the rolling window'),
        days: Days('length of the rolling window in days'),
      }),
      breakUpWaitDays: Days('days to wait for an answer to a break-up'),
      hardMaximum: Positive('unanswered touches after which the next is the break-up'),
      empathyAfterMissedTouches: Positive('unanswered touches after a missed commitment before empathy'),
      multiThreadAfterTouches: Positive('unanswered touches to the primary contact before multi-threading'),
      minimumTouches: Type.Object({
        reached: Count('unanswered touches always made after a conversation'),
        neverReached: Count('unanswered touches always made to someone never reached'),
      }),
      spacingBusinessDays: Type.Array(Count('business days between touches'), { minItems: 1 }),
      switchToEmailAfterCalls: Positive('unanswered calls in a row before an email'),
    }),
    nurture: Type.Object({
      firstTouchDays: Days(
        'days from entering nurture (after a break-up, or not-now without a date) to the first touch',
      ),
      afterNotInterestedDays: Days('days from a not-interested answer to the first touch'),
      afterLostDealDays: Days('days from a lost deal to the first touch'),
      intervalDays: Days('days between nurture touches'),
    }),
    model: Type.Object({
      responseByAttempt: Type.Object({
        neverReached: Type.Array(Probability, { minItems: 1 }),
        reached: Type.Array(Probability, { minItems: 1 }),
      }),
      winGivenResponse: Type.Object({ neverReached: Probability, reached: Probability }),
      minutesPerTouch: Type.Object({
        call: Type.Number({ minimum: 0 }),
        email: Type.Number({ minimum: 0 }),
        sms: Type.Number({ minimum: 0 }),
        social: Type.Number({ minimum: 0 }),
      }),
      defaultDealValue: Type.Number({ minimum: 0 }),
      defaultHourlyValue: Type.Number({ minimum: 0 }),
      exploration: Type.Optional(
        Type.Number({
          minimum: 0,
          maximum: 0.5,
          description:
            'the share of prospects a calibrated model follows on to the hard maximum, so that late touches keep being observed (0 to 0.5)',
        }),
      ),
    }),
    // Absent in playbooks written before the email channel: the defaults of core/mail/schedule.ts.
    email: Type.Optional(
      Type.Object({
        dailyCap: Positive("emails one mailbox sends at most in a day (the rep's day)"),
        spacingSeconds: Count('seconds at least between two emails from one mailbox'),
      }),
    ),
    channels: Type.Object({
      respond: ChannelPolicy,
      'schedule-next-step': ChannelPolicy,
      'close-out': ChannelPolicy,
      disqualify: ChannelPolicy,
      'check-in': ChannelPolicy,
      nurture: ChannelPolicy,
    }),
    phrases: Type.Object({
      closeOut: Type.Object({
        deprioritized: Type.String({ minLength: 1 }),
        'end-of-life': Type.String({ minLength: 1 }),
        'no-fit': Type.String({ minLength: 1 }),
      }),
      disqualify: Type.Object({
        serious: Type.String({ minLength: 1 }),
        goalsClear: Type.String({ minLength: 1 }),
        priceOnly: Type.String({ minLength: 1 }),
        icpFit: Type.String({ minLength: 1 }),
      }),
    }),
    templates: Type.Object(
      Object.fromEntries(
        TEMPLATE_NAMES.map((name) => [
          name,
          OPTIONAL_TEMPLATES[name] === undefined ? Template : Type.Optional(Template),
        ]),
      ) as {
        [K in TemplateName]: typeof Template;
      },
    ),
  },
  { $id: 'urn:pursuit:schema:playbook:1', title: 'Pursuit playbook' },
);

export type PlaybookDoc = Static<typeof PlaybookDocument>;
export type ChannelPolicyName = Static<typeof ChannelPolicy>;
