// Who is acting, and what they may see: a rep their own prospects, a manager their team's, an
// admin everyone's. Names typed by people are resolved here, with suggestions when they miss.

import type { Kysely } from 'kysely';
import { PursuitError } from '../../core/errors.js';
import type { Database } from '../../store/schema.js';
import type { Prospect, User } from '../../core/records.js';
import { users } from '../../store/repositories/people.repository.js';
import { prospects } from '../../store/repositories/prospects.repository.js';

type Q = Kysely<Database>;

/** A name as compared: trimmed, lower case, single spaces. */
export function norm(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cur = row[j] as number;
      row[j] = Math.min(
        (row[j] as number) + 1,
        (row[j - 1] as number) + 1,
        prev + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      prev = cur;
    }
  }
  return row[b.length] as number;
}

export interface Named {
  id: string;
  name: string;
  email?: string | null;
}

/**
 * Finds one record by id, exact name (or email), unique prefix, or unique substring; otherwise
 * names the candidates (ambiguous) or the closest names (not found).
 */
export function resolveName<T extends Named>(items: T[], typed: string, what: string, field: string): T {
  const q = norm(typed);
  // Nothing typed would be the start of every name: the only one, or a list of them all.
  if (q === '') throw new PursuitError('INVALID_INPUT', `expected a ${what}'s name`, field);
  const byId = items.find((i) => i.id === typed);
  if (byId !== undefined) return byId;
  const exact = items.filter(
    (i) => norm(i.name) === q || (typeof i.email === 'string' && norm(i.email) === q),
  );
  if (exact.length === 1) return exact[0] as T;
  const candidates =
    exact.length > 1
      ? exact
      : (() => {
          const prefix = items.filter((i) => norm(i.name).startsWith(q));
          return prefix.length > 0 ? prefix : items.filter((i) => norm(i.name).includes(q));
        })();
  if (candidates.length === 1) return candidates[0] as T;
  if (candidates.length > 1) {
    const list = candidates.slice(0, 8).map((c) => `"${c.name}"${exact.length > 1 ? ` (${c.id})` : ''}`);
    throw new PursuitError(
      'AMBIGUOUS',
      `"${typed}" matches ${candidates.length} ${what}s: ${list.join(', ')}${candidates.length > 8 ? ', ...' : ''}; say which`,
      field,
    );
  }
  // Close names: the typed text against the whole name, or against its start of about the same length.
  const closeness = (name: string) =>
    Math.min(
      distance(q, name),
      ...[-1, 0, 1, 2].map((extra) => distance(q, name.slice(0, Math.max(1, q.length + extra)))),
    );
  // A typed email is held against emails, and named back as one.
  const byEmail = typed.includes('@');
  const label = (i: T) => (byEmail && typeof i.email === 'string' ? i.email : i.name);
  const near = items
    .map((i) => ({ i, d: closeness(norm(label(i))) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(q.length / 3)))
    .sort((a, b) => a.d - b.d);
  // Only the nearest few: a shared email domain makes every address of the team nearly as close.
  const best = near[0]?.d ?? 0;
  const close = near
    .filter((x) => x.d <= best + 1)
    .slice(0, 3)
    .map((x) => `"${label(x.i)}"`);
  throw new PursuitError(
    'NOT_FOUND',
    `no ${what} called "${typed}"${close.length > 0 ? `; did you mean ${close.join(' or ')}?` : ''}`,
    field,
  );
}

/** The acting user: `--as` or PURSUIT_USER (email or name), else the only user there is. */
export async function resolveActor(q: Q, as: string | undefined, where?: string): Promise<User> {
  const all = await users.listAll(q);
  if (all.length === 0) {
    throw new PursuitError(
      'NOT_FOUND',
      `no users yet${where === undefined ? '' : ` in ${where}`}: run \`pursuit init\` first (or \`pursuit demo\`)`,
      'user',
    );
  }
  if (as === undefined || as === '') {
    if (all.length === 1) return all[0] as User;
    throw new PursuitError(
      'INVALID_INPUT',
      `there are ${all.length} users: say who you are with --as EMAIL or PURSUIT_USER`,
      'user',
    );
  }
  return resolveName(all, as, 'user', 'user');
}

/** The owners whose prospects the actor sees: undefined means the whole organisation. */
export async function visibleOwners(q: Q, actor: User): Promise<string[] | undefined> {
  if (actor.role === 'admin') return undefined;
  if (actor.role === 'rep') return [actor.id];
  const team = (await users.list(q, actor.orgId)).filter((u) => u.managerId === actor.id).map((u) => u.id);
  return [actor.id, ...team];
}

export async function canSee(q: Q, actor: User, prospect: Prospect): Promise<boolean> {
  if (prospect.orgId !== actor.orgId) return false;
  const owners = await visibleOwners(q, actor);
  return owners === undefined || owners.includes(prospect.ownerId);
}

/** A prospect the actor may see, by id or name. */
export async function resolveProspect(q: Q, actor: User, typed: string): Promise<Prospect> {
  const owners = await visibleOwners(q, actor);
  // An id (what the API and scripts send) is looked up directly, not among every visible name.
  const byId = await prospects.findById(q, typed);
  if (
    byId !== undefined &&
    byId.orgId === actor.orgId &&
    (owners === undefined || owners.includes(byId.ownerId))
  )
    return byId;
  const names = await prospects.names(q, actor.orgId, owners);
  const found = resolveName(names, typed, 'prospect', 'prospect');
  const prospect = await prospects.findById(q, found.id);
  if (prospect === undefined) throw new PursuitError('NOT_FOUND', `no prospect "${typed}"`, 'prospect');
  return prospect;
}
