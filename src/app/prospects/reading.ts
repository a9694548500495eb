// A prospect as its page shows it (timeline, contacts, the current decision and the response curve
// behind it), and the list of prospects the acting user may see, each decision brought up to date.

import { relationshipAfter } from '../../core/decide.js';
import type { Decision } from '../../core/decision.js';
import { PursuitError } from '../../core/errors.js';
import { isConversation } from '../../core/history.js';
import { responseCurve } from '../../core/model/curve.js';
import type { ResponseCurve } from '../../core/model/curve.js';
import type { StoppingModel } from '../../core/model/stopping-model.js';
import type { Deal, HistoryEvent, Relationship } from '../../core/scenario/state.js';
import type { Contact, Prospect, StoredDecision, StoredEvent, User } from '../../core/records.js';
import { users } from '../../store/repositories/people.repository.js';
import { contacts, prospects } from '../../store/repositories/prospects.repository.js';
import { decisions } from '../../store/repositories/decisions.repository.js';
import { events } from '../../store/repositories/events.repository.js';
import { readMostly } from '../context.js';
import { pageBounds, plain } from '../inputs.js';
import type { AppContext } from '../context.js';
import { resolveName, resolveProspect, visibleOwners } from '../accounts/actors.js';
import { activeEngine, refreshDecisions } from '../decisions/decisions.js';

export interface ProspectDetails {
  prospect: Prospect;
  owner: User | undefined;
  contacts: Contact[];
  events: StoredEvent[];
  /** The relationship as decisions see it: a won deal makes a prospect a customer. */
  standing: Relationship;
  decision: StoredDecision | undefined;
  /** The response curve behind a decision that weighed the next touch (rule 9). */
  curve: ResponseCurve | undefined;
}

/** The model's curve for this prospect's conditions, when its decision carries model numbers. */
function curveOf(
  model: StoppingModel,
  prospect: Prospect,
  history: StoredEvent[],
  stored: StoredDecision | undefined,
): ResponseCurve | undefined {
  const decision = stored?.decision as unknown as Decision | undefined;
  if (decision?.model === undefined) return undefined;
  const events = history.map((e) => e.data as unknown as HistoryEvent);
  const touches = history.filter((e) => e.type === 'touch');
  const last = touches.at(-1);
  const due = decision.due === undefined ? undefined : Date.parse(decision.due);
  return responseCurve(
    model,
    {
      reached: events.some(isConversation),
      channel: decision.channel ?? 'call',
      source: prospect.source,
      dealValue: decision.model.dealValue,
      sinceLastTouch: last === undefined || due === undefined ? undefined : Math.max(0, due - last.at),
    },
    decision.model,
  );
}

export async function showProspect(ctx: AppContext, actor: User, typed: string): Promise<ProspectDetails> {
  const now = ctx.now();
  return readMostly(ctx, async (q) => {
    // resolveProspect only finds prospects the actor may see.
    const prospect = await resolveProspect(q, actor, typed);
    let decision = await decisions.findByProspect(q, prospect.id);
    if (decision === undefined || (decision.recheckAt !== null && decision.recheckAt <= now)) {
      decision = (await refreshDecisions(q, actor.orgId, [prospect.id], now, ctx.defaultPlaybookText)).get(
        prospect.id,
      );
    }
    const history = await events.listByProspect(q, prospect.id);
    const { model } = await activeEngine(q, actor.orgId, ctx.defaultPlaybookText);
    return {
      prospect,
      owner: await users.findById(q, prospect.ownerId),
      contacts: await contacts.listByProspect(q, prospect.id),
      events: history,
      standing: relationshipAfter(
        prospect.relationship,
        history.flatMap((e) => (e.type === 'deal' ? [e.data as unknown as Deal] : [])),
      ),
      decision,
      curve: curveOf(model, prospect, history, decision),
    };
  });
}

export interface ProspectRow {
  prospect: Prospect;
  decision: StoredDecision | undefined;
}

export async function listProspects(
  ctx: AppContext,
  actor: User,
  filter: { search?: string; owner?: string; limit?: number; offset?: number },
): Promise<ProspectRow[]> {
  const now = ctx.now();
  if (filter.search !== undefined) plain('search', filter.search);
  // Without a limit, every prospect (the offset goes with a limit).
  if (filter.limit !== undefined)
    pageBounds(filter.offset ?? 0, filter.limit, Number.POSITIVE_INFINITY, 'prospects');
  return readMostly(ctx, async (q) => {
    let owners = await visibleOwners(q, actor);
    if (filter.owner !== undefined) {
      const owner = resolveName(await users.list(q, actor.orgId), filter.owner, 'user', 'owner');
      if (owners !== undefined && !owners.includes(owner.id))
        throw new PursuitError('FORBIDDEN', 'not your team', 'owner');
      owners = [owner.id];
    }
    const list = await prospects.list(q, {
      orgId: actor.orgId,
      ...(owners === undefined ? {} : { ownerIds: owners }),
      ...(filter.search === undefined ? {} : { matching: filter.search }),
      ...(filter.limit === undefined ? {} : { limit: filter.limit, offset: filter.offset ?? 0 }),
    });
    const ids = list.map((p) => p.id);
    const byId = new Map((await decisions.findByProspects(q, ids)).map((d) => [d.prospectId, d]));
    // Only what is shown is brought up to date (time may have changed it), not the whole organisation.
    const stale = ids.filter((id) => {
      const d = byId.get(id);
      return d !== undefined && d.recheckAt !== null && d.recheckAt <= now;
    });
    for (const [id, d] of await refreshDecisions(q, actor.orgId, stale, now, ctx.defaultPlaybookText))
      byId.set(id, d);
    return list.map((prospect) => ({ prospect, decision: byId.get(prospect.id) }));
  });
}
