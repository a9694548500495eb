// The validator compiler: text parts (a query string) are converted to their declared types and given
// their defaults, the same the first time and when the same text comes again (the conversion is kept),
// each caller getting its own object; a body is never converted.

import { expect, it } from 'vitest';
import Type from 'typebox';
import type { FastifySchema } from 'fastify';
import { PursuitError } from '../core/errors.js';
import { validatorCompiler } from './validation.js';

const Query = Type.Object(
  {
    show: Type.Optional(Type.Enum(['all', 'overdue'])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    unread: Type.Optional(Type.Boolean()),
    order: Type.String({ default: 'due' }),
  },
  { additionalProperties: false },
);

type Result = { value?: Record<string, unknown>; error?: PursuitError };

function compiled(httpPart: string): (data: unknown) => Result {
  const validate = validatorCompiler({
    schema: Query as unknown as FastifySchema,
    method: 'GET',
    url: '/x',
    httpPart,
  });
  return (data) => validate(data) as Result;
}

it('converts a query string the same each time it comes, and hands each caller its own object', () => {
  const check = compiled('querystring');
  const first = check({ show: 'all', limit: '25', unread: 'true' });
  expect(first.value).toEqual({ show: 'all', limit: 25, unread: true, order: 'due' });
  (first.value as Record<string, unknown>).limit = 1;
  for (let i = 0; i < 3; i += 1) {
    const again = check({ show: 'all', limit: '25', unread: 'true' });
    expect(again.value).toEqual({ show: 'all', limit: 25, unread: true, order: 'due' });
    expect(again.value).not.toBe(first.value);
  }
  // Another text, another conversion; many of them, and the first is still right.
  for (let n = 1; n <= 1200; n += 1)
    expect(check({ limit: String(n % 500 || 500) }).value?.limit).toBe(n % 500 || 500);
  expect(check({ show: 'all', limit: '25', unread: 'true' }).value?.limit).toBe(25);
});

it('refuses a wrong query the same each time, naming the field', () => {
  const check = compiled('querystring');
  for (const [query, field] of [
    [{ limit: 'ten' }, 'limit'],
    [{ limit: '0' }, 'limit'],
    [{ show: 'soon' }, 'show'],
    [{ other: '1' }, 'other'],
  ] as const)
    for (let i = 0; i < 2; i += 1) {
      const { error } = check(query);
      expect(error).toBeInstanceOf(PursuitError);
      expect(error?.path).toBe(field);
    }
});

it('never converts a body', () => {
  const check = compiled('body');
  expect(check({ limit: '25', order: 'due' }).error?.path).toBe('limit');
  expect(check({ limit: 25, order: 'due' }).value).toEqual({ limit: 25, order: 'due' });
});
