// One set of field limits for every way in: the API's schemas declare them (maxLength, and so the
// OpenAPI document), the use cases check them for the command line, and an import checks each row's
// fields against them, rejecting the row and naming the field.

import { PursuitError } from '../core/errors.js';

export const LIMITS = {
  /** A prospect's (company's) name. */
  prospectName: 200,
  /** A user named as an owner: an email or a name. */
  owner: 320,
  contactName: 200,
  email: 320,
  phone: 50,
  timezone: 64,
  /** An event's short text: an objective, a commitment's description. */
  eventText: 500,
  /** An event's long text: an agenda, the prospect's own words, objections. */
  eventLongText: 2000,
  /** A note on a prospect: free text, a page or two. */
  noteBody: 10_000,
} as const;

/** The limits of an event's text fields, by the contract's field name. */
export const EVENT_TEXT_LIMITS: Record<string, number> = {
  objective: LIMITS.eventText,
  description: LIMITS.eventText,
  agenda: LIMITS.eventLongText,
  powns: LIMITS.eventLongText,
  objections: LIMITS.eventLongText,
};

/** What is wrong with a text over its limit ("must be at most 200 characters long, not 1000000"). */
export function overLimit(value: unknown, max: number): string | undefined {
  if (typeof value === 'string') {
    return value.length > max ? `must be at most ${max} characters long, not ${value.length}` : undefined;
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = overLimit(item, max);
      if (problem !== undefined) return problem;
    }
  }
  return undefined;
}

/** Throws INVALID_INPUT naming the field when a text is over its limit. */
export function withinLimit(field: string, value: string | undefined, max: number): string | undefined {
  const problem = overLimit(value, max);
  if (problem !== undefined) throw new PursuitError('INVALID_INPUT', problem, field);
  return value;
}
