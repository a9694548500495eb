// The audit log of accounts (issue 13): sign-ins (and failed or limited ones), sign-outs, tokens made,
// revoked or tried after revocation, passwords changed, users added or changed. Each entry says
// when, who acted, whom it was about, from which address and how; it never holds a secret (no
// password, cookie or token value: a token is named by its label). Entries are written in the same
// transaction as what they record, so the log says what happened and only that. Admins read it.

import { randomBytes } from 'node:crypto';
import { PursuitError } from '../../core/errors.js';
import { AUDIT_ACTIONS } from '../../core/records.js';
import type { AuditAction, AuditEntry, AuditVia, User } from '../../core/records.js';
import { auditLog } from '../../store/repositories/audit.repository.js';
import { users } from '../../store/repositories/people.repository.js';
import type { AppContext, Q } from '../context.js';
import { inTransaction } from '../context.js';
import { oneOf } from '../inputs.js';

/** Where a request came from: the client's address (as far as it is believed) and how it signed in. */
export interface Origin {
  address: string | null;
  via: AuditVia | null;
}

/** A use case called without saying where from (a test, the demo). */
export const NOWHERE: Origin = { address: null, via: null };
/** The command line, run on the server's own machine. */
export const COMMAND_LINE: Origin = { address: null, via: 'cli' };

export interface AuditFacts {
  action: AuditAction;
  orgId: string | null;
  actor: User | null;
  subjectId?: string | null;
  detail?: string;
}

let sequence = 0;

/** An id that sorts as entries are written: the instant, this process's count, a random tail. */
function entryId(at: number): string {
  sequence = (sequence + 1) % 1_000_000;
  const tail = randomBytes(4).toString('hex');
  return `${at.toString(36).padStart(10, '0')}-${sequence.toString(36).padStart(4, '0')}-${tail}`;
}

/** Writes one entry in the caller's transaction. */
export async function audit(q: Q, ctx: AppContext, facts: AuditFacts, origin: Origin): Promise<void> {
  const at = ctx.now();
  const entry: AuditEntry = {
    id: entryId(at),
    orgId: facts.orgId,
    at,
    action: facts.action,
    actorId: facts.actor?.id ?? null,
    subjectId: facts.subjectId ?? facts.actor?.id ?? null,
    address: origin.address?.slice(0, 100) ?? null,
    via: origin.via,
    detail: facts.detail?.slice(0, 500) ?? null,
  };
  await auditLog.insert(q, entry);
}

/** Writes one entry in a transaction of its own (what it records wrote nothing: a failed sign-in). */
export async function auditAlone(ctx: AppContext, facts: AuditFacts, origin: Origin): Promise<void> {
  await inTransaction(ctx, (q) => audit(q, ctx, facts, origin));
}

export interface AuditRead {
  entries: AuditEntry[];
  /** The organisation's people named in the entries, by id. */
  people: Map<string, User>;
}

export const AUDIT_PAGE = { default: 100, max: 1000 };

/** The organisation's audit log, newest first, a page at a time: admins only. */
export async function readAudit(
  ctx: AppContext,
  actor: User,
  options: { limit?: number | string; before?: string; action?: string } = {},
): Promise<AuditRead> {
  if (actor.role !== 'admin')
    throw new PursuitError('FORBIDDEN', 'only an admin reads the audit log', 'user');
  const limit = Number(options.limit ?? AUDIT_PAGE.default);
  if (!Number.isInteger(limit) || limit < 1 || limit > AUDIT_PAGE.max)
    throw new PursuitError('INVALID_INPUT', `expected a limit from 1 to ${AUDIT_PAGE.max}`, 'limit');
  const action = oneOf<AuditAction>('action', options.action, AUDIT_ACTIONS);
  return inTransaction(
    ctx,
    async (q) => {
      const entries = await auditLog.list(q, {
        orgId: actor.orgId,
        limit,
        ...(options.before === undefined ? {} : { before: options.before }),
        ...(action === undefined ? {} : { action }),
      });
      const people = new Map((await users.list(q, actor.orgId)).map((u) => [u.id, u]));
      return { entries, people };
    },
    { readOnly: true },
  );
}
