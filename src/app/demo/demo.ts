// `pursuit demo`: a believable organisation in an empty database, so a newcomer sees every kind of
// decision at once. Northwind Analytics has an admin, a manager and four reps in different time
// zones; its prospects have histories, relative to now, that land in every rule of the catalogue.
// Everything comes from a seeded PRNG (same seed, same names, ids and decisions), is written in one
// transaction with the repositories, and is decided by the engine itself (refreshDecisions).
//
// This module is the use case's entry; the parts: organisation.ts (the team and products),
// plan.ts (which story each prospect tells), world.ts and story.ts (a prospect and its history),
// rhythm.ts (the engine's rhythm), kinds-*.ts (the stories), words.ts.

import { DAY } from '../../core/calendar.js';
import { PursuitError } from '../../core/errors.js';
import { RULES } from '../../core/rules/catalogue.js';
import type { RuleId } from '../../core/rules/catalogue.js';
import type { Organisation, User } from '../../core/records.js';
import { organisations } from '../../store/repositories/people.repository.js';
import { contacts as contactsRepo, prospects } from '../../store/repositories/prospects.repository.js';
import { events as eventsRepo } from '../../store/repositories/events.repository.js';
import type { AppContext } from '../context.js';
import { activeEngine, refreshDecisions } from '../decisions/decisions.js';
import { insertOrganisation } from './organisation.js';
import { plan } from './plan.js';
import { World } from './world.js';
import { Rng, derivedSeed } from './words.js';
import { inTransaction } from '../context.js';
import type { Q } from '../context.js';

export { DEMO_ORGANISATION, DEMO_PASSWORD, demoLogins } from './organisation.js';
export type { DemoLogin } from './organisation.js';

export const DEMO_DEFAULT_SEED = 42;
export const DEMO_DEFAULT_PROSPECTS = 300;
export const DEMO_MAX_PROSPECTS = 10_000;

export interface DemoOptions {
  /** Same seed, same demo (names, ids, histories, decisions). */
  seed?: number;
  /** How many prospects (default 300); every rule needs about 45. */
  prospects?: number;
}

export interface DemoSummary {
  organisation: Organisation;
  users: User[];
  prospects: number;
  contacts: number;
  events: number;
  /** Stored decisions by rule id, every rule of the catalogue listed (0 when none). */
  decisionsByRule: Record<RuleId, number>;
}

function wholeNumber(field: string, value: number | undefined, fallback: number, min: number, max: number) {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new PursuitError(
      'INVALID_INPUT',
      `expected a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`,
      field,
    );
  }
  return value;
}

/** Creates the demo organisation in an empty database, in one transaction, and decides every prospect. */
export async function createDemo(ctx: AppContext, options: DemoOptions = {}): Promise<DemoSummary> {
  const seed = wholeNumber('seed', options.seed, DEMO_DEFAULT_SEED, 0, 0xffffffff);
  const count = wholeNumber('prospects', options.prospects, DEMO_DEFAULT_PROSPECTS, 1, DEMO_MAX_PROSPECTS);
  const now = ctx.now();
  return inTransaction(ctx, async (q) => {
    if ((await organisations.list(q)).length > 0) {
      throw new PursuitError(
        'CONFLICT',
        'this database already has an organisation; the demo needs an empty one (set PURSUIT_DB or DATABASE_URL to a new database)',
      );
    }
    const ids = new Rng(derivedSeed(seed, 1));
    const rng = new Rng(derivedSeed(seed, 2));
    const founded = now - 420 * DAY;
    const { org, team, catalogue } = await insertOrganisation(q, ids, founded, ctx.defaultPlaybookText);

    const engine = await activeEngine(q, org.id, ctx.defaultPlaybookText);
    const world = new World(now, rng, ids, engine.playbook, org.id, catalogue);
    const reps = team.filter((u) => u.role === 'rep');
    let contactCount = 0;
    let eventCount = 0;
    const prospectIds: string[] = [];
    for (const item of plan(count, reps, rng)) {
      const story = world.story(item.kind, item.owner);
      await prospects.insert(q, story.prospect);
      for (const c of story.contacts) await contactsRepo.insert(q, c);
      for (const e of story.events) await eventsRepo.insert(q, e);
      prospectIds.push(story.prospect.id);
      contactCount += story.contacts.length;
      eventCount += story.events.length;
    }
    const decisionsByRule = await decideAll(q, org.id, prospectIds, now, ctx.defaultPlaybookText);
    return {
      organisation: org,
      users: team,
      prospects: prospectIds.length,
      contacts: contactCount,
      events: eventCount,
      decisionsByRule,
    };
  });
}

/** Decides every prospect of the demo, in batches; the stored decisions counted by rule. */
async function decideAll(
  q: Q,
  orgId: string,
  prospectIds: string[],
  now: number,
  playbookText: string,
): Promise<Record<RuleId, number>> {
  const decisionsByRule = Object.fromEntries(Object.keys(RULES).map((r) => [r, 0])) as Record<RuleId, number>;
  const BATCH = 100;
  for (let i = 0; i < prospectIds.length; i += BATCH) {
    const decided = await refreshDecisions(q, orgId, prospectIds.slice(i, i + BATCH), now, playbookText);
    for (const d of decided.values()) decisionsByRule[d.rule as RuleId] += 1;
  }
  return decisionsByRule;
}
