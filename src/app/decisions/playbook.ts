// The organisation's playbook: see the active version, and put a new one in force. A new version
// re-decides every prospect at once; earlier versions are kept, and each decision names its version.

import { randomUUID } from 'node:crypto';
import { PursuitError } from '../../core/errors.js';
import { loadPlaybook } from '../../core/playbook/load.js';
import type { PlaybookVersion, User } from '../../core/records.js';
import { playbooks } from '../../store/repositories/playbooks.repository.js';
import type { AppContext } from '../context.js';
import { redecideAll } from './everyone.js';
import { inTransaction } from '../context.js';

export async function activePlaybook(ctx: AppContext, actor: User): Promise<PlaybookVersion> {
  return inTransaction(ctx, async (q) => {
    const active = await playbooks.active(q, actor.orgId);
    if (active === undefined) throw new PursuitError('NOT_FOUND', 'no playbook is in force', 'playbook');
    return active;
  });
}

/** Thrown inside a preview's transaction so that nothing it wrote is kept. */
class PreviewDone extends Error {
  constructor(readonly result: { version: PlaybookVersion; changed: number }) {
    super('preview');
  }
}

/**
 * Puts a new playbook version in force and re-decides every prospect; with `dryRun`, only says how
 * many decisions would change (everything is rolled back).
 */
export async function usePlaybook(
  ctx: AppContext,
  actor: User,
  text: string,
  options: { dryRun?: boolean } = {},
): Promise<{ version: PlaybookVersion; changed: number }> {
  if (actor.role !== 'admin')
    throw new PursuitError('FORBIDDEN', 'only an admin can change the playbook', 'playbook');
  // Validate before anything is written: a bad playbook names its bad setting.
  const compiled = loadPlaybook(text, ctx.defaultPlaybookText);
  const now = ctx.now();
  try {
    return await inTransaction(ctx, async (q) => {
      const all = await playbooks.list(q, actor.orgId);
      const version: PlaybookVersion = {
        id: randomUUID(),
        orgId: actor.orgId,
        version: (all.at(-1)?.version ?? 0) + 1,
        name: compiled.doc.name,
        document: text,
        createdAt: now,
        createdBy: actor.id,
        active: true,
      };
      await playbooks.deactivateAll(q, actor.orgId);
      await playbooks.insert(q, version);
      const changed = await redecideAll(q, actor.orgId, now, ctx.defaultPlaybookText);
      if (options.dryRun === true) throw new PreviewDone({ version, changed });
      return { version, changed };
    });
  } catch (error) {
    if (error instanceof PreviewDone) return error.result;
    throw error;
  }
}
