// A simulated world: a sales team and the hidden truth of how its prospects behave. One definition
// gives the type and its validation; a world file lists only what differs from the world it
// `extends` (default: "default"), and a bad field is named in the error.

import Type from 'typebox';
import type { Static } from 'typebox';
import { PursuitError } from '../errors.js';
import { mergeDocuments } from '../playbook/load.js';
import { compileValidator, describeValue } from '../validation.js';

const Probability = Type.Number({ minimum: 0, maximum: 1, description: 'a probability from 0 to 1' });
const PerSource = (what: string) =>
  Type.Object(
    { inbound: Probability, outbound: Probability, referral: Probability, event: Probability },
    { additionalProperties: false, description: what },
  );
const Hazard = Type.Array(Probability, {
  minItems: 1,
  maxItems: 40,
  description: 'P(response to the k-th touch | can respond, no response yet), k = 1, 2, ...',
});

export const WorldSchema = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    description: Type.String(),
    days: Type.Integer({ minimum: 1, maximum: 1000, description: 'business days simulated' }),
    reps: Type.Integer({ minimum: 1, maximum: 10_000 }),
    hoursPerDay: Type.Number({
      exclusiveMinimum: 0,
      maximum: 10,
      description: "a rep's daily hours for follow-up and the conversations it earns",
    }),
    leadsPerRepPerDay: Type.Number({ minimum: 0, maximum: 500, description: 'mean new leads (Poisson)' }),
    sourceMix: PerSource('the share of new leads from each source; the shares sum to 1'),
    neverRespond: PerSource('the share of prospects from each source who never respond to anything'),
    hazard: Type.Object(
      { call: Hazard, email: Hazard },
      {
        additionalProperties: false,
        description: 'the truth for prospects who can respond; past the list, its last value',
      },
    ),
    dealValue: Type.Object(
      {
        median: Type.Number({ exclusiveMinimum: 0 }),
        spread: Type.Number({ minimum: 0, maximum: 3, description: 'sigma of the log' }),
        min: Type.Number({ exclusiveMinimum: 0 }),
        max: Type.Number({ exclusiveMinimum: 0 }),
      },
      { additionalProperties: false, description: 'log-normal, clipped to [min, max]' },
    ),
    winRate: Probability,
    conversationMinutes: Type.Number({
      minimum: 0,
      maximum: 6000,
      description: "the rep's minutes a response costs (the conversations up to the deal's result)",
    }),
    closeDays: Type.Integer({
      minimum: 0,
      maximum: 1000,
      description: "business days from a response to the deal's result",
    }),
    calibrateEveryDays: Type.Integer({
      minimum: 1,
      maximum: 1000,
      description: 'calendar days between calibrations of the calibrated engine',
    }),
  },
  { additionalProperties: false },
);

export type World = Static<typeof WorldSchema>;

const validator = compileValidator(WorldSchema);

function fail(path: string, message: string): never {
  throw new PursuitError('INVALID_INPUT', message, path === '' ? 'world' : `world.${path}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Validates a complete world: the schema, then what a schema cannot say. */
export function checkWorld(input: unknown): World {
  if (!isPlainObject(input)) fail('', `expected a JSON object (a world), got ${describeValue(input)}`);
  const problem = validator.problem(input);
  if (problem !== undefined) {
    // Unknown fields are the commonest mistake in a hand-written file: name the field itself.
    const unknown = unknownField(input, '');
    if (unknown !== undefined) fail(unknown, 'is not a field of a world (see pursuit simulate --help)');
    fail(problem.path, problem.message);
  }
  const world = input as World;
  const mix = Object.values(world.sourceMix).reduce((a, b) => a + b, 0);
  if (Math.abs(mix - 1) > 1e-6) fail('sourceMix', `expected shares that sum to 1, got ${mix.toFixed(4)}`);
  if (world.dealValue.min > world.dealValue.max) {
    fail(
      'dealValue.min',
      `expected at most dealValue.max (${world.dealValue.max}), got ${world.dealValue.min}`,
    );
  }
  if (world.hoursPerDay * 60 < 5) fail('hoursPerDay', 'expected time for at least one touch a day');
  return world;
}

function unknownField(value: Record<string, unknown>, path: string): string | undefined {
  let schema: unknown = WorldSchema;
  for (const part of path === '' ? [] : path.split('.')) {
    schema = (schema as { properties?: Record<string, unknown> }).properties?.[part];
  }
  const known = (schema as { properties?: Record<string, unknown> } | undefined)?.properties;
  if (known === undefined) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const here = path === '' ? key : `${path}.${key}`;
    if (!(key in known)) return here;
    if (isPlainObject(child)) {
      const deeper = unknownField(child, here);
      if (deeper !== undefined) return deeper;
    }
  }
  return undefined;
}

/**
 * A world from a parsed world file: the fields it lists, over the named world it `extends`
 * ("default" when it names none).
 */
export function worldFromDocument(input: unknown, named: Readonly<Record<string, World>>): World {
  if (!isPlainObject(input)) fail('', `expected a JSON object (a world), got ${describeValue(input)}`);
  const { extends: base = 'default', ...patch } = input;
  if (typeof base !== 'string' || named[base] === undefined) {
    fail(
      'extends',
      `expected one of ${Object.keys(named)
        .map((n) => `"${n}"`)
        .join(', ')}, got ${describeValue(base)}`,
    );
  }
  const merged = mergeDocuments(named[base], patch) as Record<string, unknown>;
  if (!('name' in patch)) merged.name = `${base} (changed)`;
  if (!('description' in patch)) {
    merged.description = `the ${base} world with ${Object.keys(patch).join(', ') || 'nothing'} changed`;
  }
  return checkWorld(merged);
}

/** The world with the command line's overrides (days, reps) applied and checked. */
export function withOverrides(world: World, overrides: { days?: number; reps?: number }): World {
  return checkWorld({
    ...world,
    ...(overrides.days === undefined ? {} : { days: overrides.days }),
    ...(overrides.reps === undefined ? {} : { reps: overrides.reps }),
  });
}
