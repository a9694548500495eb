// Test support for fuzzing: malformed values of every kind (wrong types, huge numbers and strings,
// deep nesting, control and lone-surrogate characters), a well-formed example of a JSON schema to
// mutate, and the check every refusal must pass: the catalogue's {code, message, path}.

import fc from 'fast-check';
import { ERROR_CODES } from '../../src/core/errors.js';

/** Values of the wrong type, or at the edges of the right one. */
export const NASTY: unknown[] = [
  true,
  false,
  0,
  1,
  -1,
  1.5,
  1e308,
  -1e308,
  2 ** 53 + 1,
  '',
  ' ',
  'false',
  'true',
  '0',
  '1',
  'null',
  '\u0000',
  '\ud800',
  '\u202eevil',
  '<script>alert(1)</script>',
  "'; drop table prospects; --",
  '%_%',
  '../../etc/passwd',
  'x'.repeat(201),
  'x'.repeat(100_001),
  null,
  [],
  [1, 2],
  {},
  { a: 1 },
  { __proto__: { polluted: true } },
];

/** A value nested `depth` levels deep, as arrays or objects. */
export function nested(depth: number, asObject: boolean): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i += 1) v = asObject ? { a: v } : [v];
  return v;
}

export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.double() },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: 50, max: 400 }), fc.boolean()).map(([d, o]) => nested(d, o)),
  },
);

type Json = Record<string, unknown>;

/** A smallest well-formed value of a JSON schema (as OpenAPI writes it): required fields, short text. */
export function example(schema: Json | undefined): unknown {
  if (schema === undefined) return {};
  const any = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (any !== undefined) return example(any[0]);
  const all = schema.allOf as Json[] | undefined;
  if (all !== undefined) return Object.assign({}, ...all.map((s) => example(s) as object));
  if (schema.enum !== undefined) return (schema.enum as unknown[])[0];
  if (schema.const !== undefined) return schema.const;
  switch (schema.type) {
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, Json>;
      const out: Json = {};
      for (const key of (schema.required ?? []) as string[]) out[key] = example(props[key]);
      return out;
    }
    case 'array':
      return [];
    case 'string':
      return 'a'.repeat(Math.max(1, Number(schema.minLength ?? 1)));
    case 'number':
    case 'integer':
      return Number(schema.minimum ?? 1);
    case 'boolean':
      return true;
    default:
      return null;
  }
}

/** The field names an object schema declares (to mutate one of them). */
export function fieldsOf(schema: Json | undefined): string[] {
  if (schema === undefined) return [];
  const all = (schema.allOf ?? schema.anyOf ?? []) as Json[];
  return [...Object.keys((schema.properties ?? {}) as object), ...all.flatMap((s) => fieldsOf(s))];
}

const CODES = new Set(Object.keys(ERROR_CODES));

/**
 * What is wrong with an answer: a 5xx, a refusal that is not the catalogue's JSON body, or one that
 * refuses the input without naming the field. undefined when the answer is fine.
 */
export function answerProblem(status: number, type: string | undefined, body: string): string | undefined {
  if (status >= 500) return `answered ${status}`;
  if (status < 400) return undefined;
  if (!String(type ?? '').startsWith('application/json')) return `answered ${status} as ${String(type)}`;
  let parsed: Json;
  try {
    parsed = JSON.parse(body) as Json;
  } catch {
    return `answered ${status} with a body that is not JSON`;
  }
  if (!CODES.has(String(parsed.code))) return `answered ${status} with code ${String(parsed.code)}`;
  if (typeof parsed.message !== 'string' || parsed.message === '')
    return `answered ${status} with no message`;
  if (typeof parsed.path !== 'string' || parsed.path === '') {
    return `answered ${status} ${String(parsed.code)} naming no field: ${parsed.message}`;
  }
  return undefined;
}
