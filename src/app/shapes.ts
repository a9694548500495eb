// What every answer's shape is built from (the API's answers and the command line's --json): instants
// as ISO 8601 in UTC, objects that declare every field they carry, and the error body. Each feature's
// views.ts defines its answers with these, as TypeBox schemas: one definition gives the answer's type,
// the OpenAPI response schema, and the check the tests run on every answer.

import Type from 'typebox';
import type { TObject, TProperties, TSchema } from 'typebox';
import { ERROR_CODES } from '../core/errors.js';
import { Timestamp } from '../core/scenario/schema.js';

/** An instant, as the contract writes one: ISO 8601 with an offset (Pursuit writes UTC, `Z`). */
export const Instant = Timestamp;

/** An instant kept as epoch milliseconds, as ISO 8601. */
export function iso(t: number): string;
export function iso(t: number | null): string | null;
export function iso(t: number | null): string | null {
  return t === null ? null : new Date(t).toISOString();
}

export function Nullable<T extends TSchema>(schema: T, description?: string) {
  return Type.Union([schema, Type.Null()], description === undefined ? {} : { description });
}

/** An object whose fields are all declared: an answer that grows a field must say so here first. */
export function Shape<P extends TProperties>(properties: P, description?: string): TObject<P> {
  return Type.Object(properties, {
    additionalProperties: false,
    ...(description === undefined ? {} : { description }),
  });
}

/** How every failure answers (CONTRACT.md's error body). */
export const ErrorAnswer = Shape(
  {
    code: Type.Enum(Object.keys(ERROR_CODES), { description: 'a stable code from the error catalogue' }),
    message: Type.String(),
    path: Type.Optional(Type.String({ description: 'the field that was wrong, dotted (contact.email)' })),
  },
  'An error: its code, what was wrong, and the field',
);

/** Counts keyed by a name (ignored rows by reason, answers by sentiment). */
export const Counts = Type.Record(Type.String(), Type.Number());
