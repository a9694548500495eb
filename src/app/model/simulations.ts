// Saved policy simulations: `pursuit simulate --save` keeps the report with the organisation, and
// the team dashboard shows the latest.

import { randomUUID } from 'node:crypto';
import type { StoredSimulation, User } from '../../core/records.js';
import { simulations } from '../../store/repositories/models.repository.js';
import type { AppContext } from '../context.js';
import { inTransaction } from '../context.js';

export async function saveSimulation(
  ctx: AppContext,
  actor: User,
  world: string,
  report: unknown,
): Promise<StoredSimulation> {
  const saved: StoredSimulation = {
    id: randomUUID(),
    orgId: actor.orgId,
    createdBy: actor.id,
    createdAt: ctx.now(),
    world,
    report,
  };
  await inTransaction(ctx, (q) => simulations.insert(q, saved));
  return saved;
}

export async function latestSimulation(ctx: AppContext, actor: User): Promise<StoredSimulation | undefined> {
  return inTransaction(ctx, (q) => simulations.latest(q, actor.orgId));
}
