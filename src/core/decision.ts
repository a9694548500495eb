// The decision of CONTRACT.md: one definition for its type and its published JSON Schema.

import Type from 'typebox';
import type { Static } from 'typebox';

export const ACTIONS = [
  'follow-up',
  'respond',
  'schedule-next-step',
  'prepare',
  'wait',
  'empathy',
  'multi-thread',
  'break-up',
  'nurture',
  'close-out',
  'disqualify',
  'check-in',
  'stop',
] as const;
export type Action = (typeof ACTIONS)[number];

export const REACH_CHANNELS = ['call', 'email', 'sms', 'social'] as const;
export type ReachChannel = (typeof REACH_CHANNELS)[number];

export const Message = Type.Object({
  template: Type.String({ description: 'the action the draft is for' }),
  variant: Type.Optional(
    Type.String({ description: "the playbook template used, when it is a variant of the action's" }),
  ),
  subject: Type.String(),
  body: Type.String(),
  voicemail: Type.Optional(
    Type.String({ description: 'a voicemail script of 20 to 35 words, when by call' }),
  ),
});

export const ModelNumbers = Type.Object({
  attempt: Type.Integer({ minimum: 1, description: 'the number of the next touch in the silence stretch' }),
  pResponse: Type.Number({ description: 'probability that the next touch gets a response' }),
  pWin: Type.Number({ description: 'probability of a win given a response' }),
  dealValue: Type.Number(),
  expectedValue: Type.Number({ description: 'pResponse x pWin x dealValue' }),
  minutes: Type.Number({ description: 'minutes the touch takes' }),
  hourlyValue: Type.Number({ description: "value of an hour of the rep's time" }),
  touchCost: Type.Number({ description: 'minutes x hourlyValue / 60' }),
});

export const Decision = Type.Object(
  {
    prospectId: Type.String(),
    action: Type.Enum([...ACTIONS]),
    contactId: Type.Optional(Type.String()),
    channel: Type.Optional(Type.Enum([...REACH_CHANNELS])),
    due: Type.Optional(Type.String({ description: 'UTC time, ISO 8601 with Z' })),
    rule: Type.String({ description: 'the stable id of the rule that fired' }),
    reason: Type.String(),
    activeList: Type.Boolean(),
    message: Type.Optional(Message),
    model: Type.Optional(ModelNumbers),
    diagnosis: Type.Optional(Type.Array(Type.String())),
    playbookVersion: Type.String(),
    modelVersion: Type.String(),
  },
  { $id: 'urn:pursuit:schema:decision:1', title: 'Pursuit decision (contract version 1)' },
);

export type Decision = Static<typeof Decision>;
export type MessageDraft = Static<typeof Message>;
export type ModelNumbersT = Static<typeof ModelNumbers>;
