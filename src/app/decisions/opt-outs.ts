// Putting people on the do-not-contact list and lifting them off it, in the caller's transaction:
// every record that reaches the same address or number is decided again at once, so no agenda
// proposes someone who objected (and a lifted entry gives them back their next step).

import type { Suppression } from '../../core/records.js';
import { suppressions } from '../../store/repositories/suppressions.repository.js';
import type { AppContext, Q } from '../context.js';
import { refreshDecisions } from './decisions.js';
import { entriesFor, prospectsReached } from './suppressions.js';
import type { OptOut } from './suppressions.js';

/** Prospects the caller decides itself (a set, or a map by id). */
type Decided = { has(id: string): boolean };

/**
 * Adds the opt-outs' addresses and numbers to the list (an entry already in force stays as it was)
 * and re-decides the other prospects they reach; `decided` are those the caller decides itself.
 * Returns how many entries were new.
 */
export async function recordOptOuts(
  q: Q,
  ctx: AppContext,
  orgId: string,
  optOuts: OptOut[],
  now: number,
  decided: Decided = new Set(),
): Promise<number> {
  const entries = entriesFor(orgId, optOuts);
  if (entries.length === 0) return 0;
  const added = await suppressions.insertMany(q, entries);
  if (added > 0) await redecide(q, ctx, orgId, entries, now, decided);
  return added;
}

/** Lifts entries in force (who and why are kept) and re-decides the prospects they reached. */
export async function liftEntries(
  q: Q,
  ctx: AppContext,
  orgId: string,
  entries: Suppression[],
  lift: { by: string | null; reason: string },
  now: number,
): Promise<Suppression[]> {
  const lifted: Suppression[] = [];
  for (const e of entries) {
    if (await suppressions.lift(q, e.id, lift.by, lift.reason, now))
      lifted.push({ ...e, removedAt: now, removedBy: lift.by, removalReason: lift.reason });
  }
  await redecide(q, ctx, orgId, lifted, now, new Set());
  return lifted;
}

async function redecide(
  q: Q,
  ctx: AppContext,
  orgId: string,
  entries: Suppression[],
  now: number,
  decided: Decided,
): Promise<void> {
  const reached = (await prospectsReached(q, orgId, entries)).filter((id) => !decided.has(id));
  await refreshDecisions(q, orgId, reached, now, ctx.defaultPlaybookText);
}
