// Request validation, with the same TypeBox schemas that OpenAPI documents: a JSON body is taken as
// it was sent (a string is never a number, 0 is never false), while query strings and path
// parameters, which are text by nature, are converted to the declared types (limit=20) first. A
// failure is the catalogue's INVALID_INPUT naming the field, with a message a person understands.

import type { FastifySchema, FastifySchemaCompiler } from 'fastify';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import type { TLocalizedValidationError } from 'typebox/error';
import { Value } from 'typebox/value';
import { PursuitError } from '../core/errors.js';

type Part = 'body' | 'querystring' | 'params' | 'headers';
const PLACE: Record<Part, string> = {
  body: 'the body',
  querystring: 'the query string',
  params: 'the address',
  headers: 'the headers',
};

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  integer: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  null: 'null',
  object: 'an object',
  array: 'a list',
};

/** What a value is, in words: "text", "a number", "null". */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number' && Number.isInteger(value)) return 'a whole number';
  return TYPE_WORDS[typeof value] ?? typeof value;
}

function at(value: unknown, segments: string[]): unknown {
  let v = value;
  for (const s of segments)
    v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[s] : undefined;
  return v;
}

/** What the rule that failed asks for: "must be a number", "must be at most 200 characters". */
function rule(errors: TLocalizedValidationError[], value: unknown): string {
  const first = errors[0] as TLocalizedValidationError;
  const params = first.params as Record<string, unknown>;
  // A union (a flag that may be null, one of some words) fails once per branch at the same place.
  const choices = errors.filter((e) => e.instancePath === first.instancePath && e.keyword !== 'anyOf');
  if (choices.every((e) => e.keyword === 'type' || e.keyword === 'const') && choices.length > 1) {
    const words = choices.map((e) => {
      const p = e.params as Record<string, unknown>;
      return e.keyword === 'const'
        ? JSON.stringify(p.allowedValue)
        : (TYPE_WORDS[String(p.type)] ?? String(p.type));
    });
    return `must be ${[...new Set(words)].join(' or ')}, not ${kindOf(value)}`;
  }
  switch (first.keyword) {
    case 'type':
      return `must be ${TYPE_WORDS[String(params.type)] ?? String(params.type)}, not ${kindOf(value)}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    case 'maxLength':
      return `must be at most ${String(params.limit)} characters long`;
    case 'minLength':
      return params.limit === 1
        ? 'must not be empty'
        : `must be at least ${String(params.limit)} characters long`;
    case 'maximum':
      return `must be at most ${String(params.limit)}`;
    case 'minimum':
      return `must be at least ${String(params.limit)}`;
    case 'maxItems':
      return `must have at most ${String(params.limit)} items`;
    case 'minItems':
      return `must have at least ${String(params.limit)} items`;
    case 'pattern':
      return `does not have the expected form (${String(params.pattern)})`;
    default:
      return first.message;
  }
}

/** The first failure of a value as the catalogue's error: the dotted path and what was wrong. */
export function invalidInput(part: Part, errors: TLocalizedValidationError[], value: unknown): PursuitError {
  const place = PLACE[part];
  // What names the part itself, when the failure is about all of it (or a field without a name).
  const whole = part === 'body' ? 'body' : part === 'querystring' ? 'query' : part;
  const own = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'boolean');
  const unknown = errors.find((e) => e.keyword === 'additionalProperties');
  const first = own[0] ?? unknown ?? errors[0];
  const segments = (first?.instancePath ?? '').split('/').filter((s) => s !== '');
  const params = (first?.params ?? {}) as Record<string, unknown>;
  if (first?.keyword === 'required') {
    const missing = String((params.requiredProperties as string[] | undefined)?.[0] ?? '');
    const path = [...segments, missing].join('.');
    return new PursuitError('INVALID_INPUT', `"${path}" is required in ${place}`, path || whole);
  }
  if (first?.keyword === 'additionalProperties') {
    const extra = String((params.additionalProperties as string[] | undefined)?.[0] ?? '');
    const path = [...segments, extra].join('.');
    return new PursuitError('INVALID_INPUT', `unknown field "${path}" in ${place}`, path || whole);
  }
  const path = segments.join('.');
  const found =
    first === undefined ? 'is not valid' : rule(own.length > 0 ? own : errors, at(value, segments));
  if (path === '') return new PursuitError('INVALID_INPUT', `${place} ${found}`, whole);
  return new PursuitError('INVALID_INPUT', `${path} in ${place} ${found}`, path);
}

/** Conversions kept for each schema: a poller asks with the same query string again and again. */
const CONVERSIONS_KEPT = 500;

/**
 * TypeBox's Convert then Default, for a text part: kept by the part's text when it comes out flat
 * (every value a string, number or boolean), and handed out as a copy. Both are pure, and read the
 * schema afresh each time: for a query of two fields, a fifth of a kept agenda page's time.
 */
function converter(schema: TSchema): (data: unknown) => unknown {
  const kept = new Map<string, Record<string, unknown>>();
  const convert = (data: unknown) => Value.Default(schema, Value.Convert(schema, data)) as unknown;
  return (data) => {
    if (data === null || typeof data !== 'object' || Array.isArray(data)) return convert(data);
    const key = JSON.stringify(data);
    const found = kept.get(key);
    if (found !== undefined) return { ...found };
    const value = convert(data);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const flat = Object.values(value).every((v) => ['string', 'number', 'boolean'].includes(typeof v));
    if (!flat || key.length > 2000) return value;
    if (kept.size >= CONVERSIONS_KEPT) kept.clear();
    kept.set(key, { ...(value as Record<string, unknown>) });
    return { ...(value as Record<string, unknown>) };
  };
}

/** Fastify's validator compiler: TypeBox's, converting text parts to their types but never a body. */
export const validatorCompiler: FastifySchemaCompiler<FastifySchema> = ({ schema, httpPart }) => {
  const part = (httpPart ?? 'body') as Part;
  const checker = Compile(schema as TSchema);
  const converts = part !== 'body';
  const convert = converts ? converter(schema as TSchema) : undefined;
  return (data: unknown) => {
    // An upload's stream (text/csv, JSON Lines) sent where a JSON body is expected.
    if (part === 'body' && data !== null && typeof data === 'object' && !Array.isArray(data)) {
      const proto = Object.getPrototypeOf(data) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        return {
          error: new PursuitError(
            'INVALID_INPUT',
            'this address takes a JSON body (application/json)',
            'content-type',
          ),
        };
      }
    }
    const value = convert === undefined ? data : convert(data);
    if (checker.Check(value)) return { value };
    return { error: invalidInput(part, [...checker.Errors(value)], value) };
  };
};
