// One action on many prospects at once, from the agenda's selection: snooze them all until a time,
// or log the same thing on each (calls that went to voicemail in a calling block, emails sent). All
// or nothing, in one transaction: a prospect that refuses names itself and nothing is written. The
// events logged together share one place in the logging order, so one undo takes them all back.

import { PursuitError } from '../../core/errors.js';
import type { Prospect, StoredDecision } from '../../core/records.js';
import { events } from '../../store/repositories/events.repository.js';
import { resolveProspect } from '../accounts/actors.js';
import { inTransaction } from '../context.js';
import type { AppContext } from '../context.js';
import { refreshDecisions } from '../decisions/decisions.js';
import type { User } from '../../core/records.js';
import type { LogInput } from './event-input.js';
import { logOn, snoozeOn, snoozeTime } from './logging.js';

/** At most this many prospects in one bulk action (a day's agenda fits many times over). */
export const BULK_LIMIT = 200;

export type BulkAction = { type: 'snooze'; until: string } | { type: 'log'; log: LogInput };

export interface BulkDone {
  prospect: Prospect;
  decision: StoredDecision | undefined;
}

export async function actOnMany(
  ctx: AppContext,
  actor: User,
  ids: readonly string[],
  action: BulkAction,
): Promise<BulkDone[]> {
  if (ids.length === 0) throw new PursuitError('INVALID_INPUT', 'choose at least one prospect', 'ids');
  if (ids.length > BULK_LIMIT)
    throw new PursuitError(
      'INVALID_INPUT',
      `at most ${BULK_LIMIT} prospects at once, not ${ids.length}`,
      'ids',
    );
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice !== undefined) throw new PursuitError('INVALID_INPUT', `"${twice}" is chosen twice`, 'ids');
  const now = ctx.now();
  return inTransaction(ctx, async (q) => {
    const chosen: Prospect[] = [];
    for (const [i, id] of ids.entries())
      chosen.push(
        await naming(
          () => resolveProspect(q, actor, id),
          (e) => new PursuitError(e.code, e.detail, `ids.${i}`),
        ),
      );
    if (action.type === 'snooze') {
      const at = snoozeTime(actor, action.until, now);
      const snoozed: Prospect[] = [];
      for (const prospect of chosen) snoozed.push(await snoozeOn(q, prospect, at, now));
      const ids = snoozed.map((p) => p.id);
      const decided = await refreshDecisions(q, actor.orgId, ids, now, ctx.defaultPlaybookText);
      return snoozed.map((prospect) => ({ prospect, decision: decided.get(prospect.id) }));
    }
    const logSeq = await events.nextLogSeq(q, actor.orgId);
    const done: BulkDone[] = [];
    for (const prospect of chosen) {
      const logged = await naming(
        () => logOn(q, ctx, actor, prospect, action.log, now, logSeq),
        (e) => new PursuitError(e.code, `${prospect.name}: ${e.detail}`, e.path),
      );
      done.push({ prospect, decision: logged.decision });
    }
    return done;
  });
}

/** Runs one prospect's part; what it refuses is said again by `rename`, so the rep knows which to fix. */
async function naming<T>(part: () => Promise<T>, rename: (e: PursuitError) => PursuitError): Promise<T> {
  try {
    return await part();
  } catch (error) {
    throw error instanceof PursuitError ? rename(error) : error;
  }
}
