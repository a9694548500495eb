// The authorization matrix's runner (src/api/authorization.test.ts holds the table): what each kind
// of access expects of a caller and an object, one attempt per route x caller x owner, and the
// checks of each answer. Failures are collected, so one run lists every hole.

import type { MatrixWorld as AccessWorld } from './access-objects.js';
import type { Owner, Role } from './access-world.js';

/**
 * public: anyone. signed-in: any signed-in caller. admin: admins, others 403. visible: an object of
 * a prospect owner the caller sees, else not found exactly as a missing one. own: the caller's own
 * object, else not found as a missing one. own-quietly: the caller's own, else accepted and nothing
 * changes. visible-user: a person whose prospects the caller sees, else 403 (people are listed to
 * everyone); another organisation's is not found. self-or-admin: oneself, or anyone for an admin,
 * else 403. admin-object: an admin on a person of the organisation, others 403. undo: the caller's
 * last logged event on a prospect they still see, else 409 naming nothing of it. child-elsewhere: an
 * object of the owner's named under a prospect of the caller's own: never there, as a missing one.
 */
export type Access =
  | 'public'
  | 'signed-in'
  | 'admin'
  | 'visible'
  | 'own'
  | 'own-quietly'
  | 'visible-user'
  | 'self-or-admin'
  | 'admin-object'
  | 'undo'
  | 'child-elsewhere';

export interface Request {
  url?: string;
  payload?: unknown;
  contentType?: string;
  /** The ids the request names: a message that repeats them is compared with them taken out. */
  ids?: string[];
  /** For own-quietly: whether the attempt changed the object. */
  after?: () => Promise<boolean>;
}

export interface Entry {
  access: Access;
  /** The owners it is tried on (default: all for an object route, none otherwise). */
  owners?: Owner[];
  /** What an allowed attempt answers: 2xx (default), these statuses, or anything but 401/403/404. */
  allowed?: number[] | 'reached';
  request?: (w: AccessWorld, owner: Owner, role: Role) => Promise<Request>;
}

type Expected = { allow: true } | { allow: false; status: number; code: string; likeMissing?: boolean };

const OBJECT_KINDS: Access[] = [
  'visible',
  'own',
  'own-quietly',
  'visible-user',
  'self-or-admin',
  'admin-object',
];
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const deny = (status: number, code: string, likeMissing = false): Expected => ({
  allow: false,
  status,
  code,
  likeMissing,
});
const MISSING = deny(404, 'NOT_FOUND', true);

function expected(w: AccessWorld, entry: Entry, method: string, role: Role, owner: Owner | 'none'): Expected {
  if (entry.access === 'public') return { allow: true };
  if (role === 'anonymous') return deny(401, 'UNAUTHENTICATED');
  if (role === 'noCsrf' && !SAFE.has(method)) return deny(403, 'CSRF_FAILED');
  const admin = w.personOf(role)?.role === 'admin';
  const inOrg = owner !== 'otherOrg' && owner !== 'missing';
  const o = owner as Owner;
  switch (entry.access) {
    case 'signed-in':
      return { allow: true };
    case 'admin':
      return admin ? { allow: true } : deny(403, 'FORBIDDEN');
    case 'visible':
      return owner !== 'missing' && w.sees(role, o) ? { allow: true } : MISSING;
    case 'own':
      return owner !== 'missing' && w.owns(role, o) ? { allow: true } : MISSING;
    case 'own-quietly':
      return { allow: w.owns(role, o) } as Expected;
    case 'visible-user':
      if (!inOrg) return MISSING;
      return w.sees(role, o) ? { allow: true } : deny(403, 'FORBIDDEN');
    case 'self-or-admin':
      if (!inOrg) return MISSING;
      return w.owns(role, o) || admin ? { allow: true } : deny(403, 'FORBIDDEN');
    case 'admin-object':
      if (!admin) return deny(403, 'FORBIDDEN');
      return inOrg ? { allow: true } : MISSING;
    case 'undo':
      return w.sees(role, o) ? { allow: true } : deny(409, 'CONFLICT');
    case 'child-elsewhere':
      return MISSING;
  }
}

interface Answer {
  status: number;
  code?: string;
  said: string;
  body: string;
}

function answerOf(r: { statusCode: number; body: string }, ids: string[]): Answer {
  let code: string | undefined;
  let said = '';
  try {
    const json = JSON.parse(r.body) as { code?: string; message?: string; path?: string };
    code = json.code;
    said = `${json.message ?? ''} | ${json.path ?? ''}`;
    for (const id of ids) said = said.split(id).join('<id>');
  } catch {
    // Not JSON (a page, a file): only its status counts.
  }
  return { status: r.statusCode, code, said, body: r.body };
}

export interface MatrixResult {
  /** Routes, and their variants (an object named in the body, or under another's). */
  entries: number;
  attempts: number;
  failures: string[];
}

/** Tries every route of the table as every role on every owner's object. */
export async function attemptAll(
  w: AccessWorld,
  table: string[],
  entries: Record<string, Entry>,
  dims: { roles: readonly Role[]; owners: readonly Owner[] },
): Promise<MatrixResult> {
  const failures: string[] = [];
  let attempts = 0;
  const canaries = await w.plantCanaries();
  for (const key of table) {
    const entry = entries[key];
    if (entry === undefined) continue;
    const [method = 'GET', url = ''] = key.split(' '); // "METHOD url [variant]"
    const owners: (Owner | 'none')[] =
      entry.owners ?? (OBJECT_KINDS.includes(entry.access) ? [...dims.owners] : ['none']);
    // The missing object first: a denial is compared with it.
    owners.sort((a, b) => Number(b === 'missing') - Number(a === 'missing'));
    for (const role of dims.roles) {
      let missing: Answer | undefined;
      for (const owner of owners) {
        attempts += 1;
        const request = (await entry.request?.(w, owner as Owner, role)) ?? {};
        const ids = request.ids ?? [];
        const want = expected(w, entry, method, role, owner);
        // A denied write changes nothing it names.
        const guarded = !want.allow && !SAFE.has(method) && entry.access !== 'public';
        const before = guarded ? await w.rowsNamed(ids) : '';
        const headers = {
          ...w.headers(role),
          ...(request.contentType ? { 'content-type': request.contentType } : {}),
        };
        const r = await w.app.inject({
          method: method as 'GET',
          url: request.url ?? url,
          headers,
          ...(request.payload === undefined ? {} : { payload: request.payload as string }),
        });
        const got = answerOf(r, ids);
        if (owner === 'missing') missing = got;
        const where = `${key} as ${role} on ${owner === 'none' ? 'no' : `${owner}'s`} object`;
        const problem = await judge(entry, want, got, missing, request);
        if (problem !== undefined) failures.push(`${where}: ${problem}`);
        if (guarded && (await w.rowsNamed(ids)) !== before) failures.push(`${where}: denied, yet it changed`);
        const seen = [request.url ?? '', JSON.stringify(request.payload ?? '')].join(' ');
        for (const [whose, words] of canaries) {
          if (w.sees(role, whose)) continue;
          const leaked = words.find((word) => got.body.includes(word) && !seen.includes(word));
          if (leaked !== undefined) failures.push(`${where}: the answer shows ${whose}'s "${leaked}"`);
        }
        if (!SAFE.has(method)) await w.heal();
      }
    }
  }
  return { entries: table.length, attempts, failures };
}

async function judge(
  entry: Entry,
  want: Expected,
  got: Answer,
  missing: Answer | undefined,
  request: Request,
): Promise<string | undefined> {
  const said = `answered ${got.status} ${got.code ?? ''} ${got.said}`.trim();
  if (entry.access === 'own-quietly' && got.status === 204 && request.after !== undefined) {
    const changed = await request.after();
    if (changed !== want.allow)
      return want.allow ? 'allowed, but nothing changed' : 'changed what is not its own';
    return undefined;
  }
  if (want.allow) {
    const ok =
      entry.allowed === 'reached'
        ? ![401, 403, 404].includes(got.status)
        : entry.allowed !== undefined
          ? entry.allowed.includes(got.status)
          : got.status >= 200 && got.status < 300;
    return ok ? undefined : `expected to be allowed, ${said}`;
  }
  if (got.status !== want.status || got.code !== want.code)
    return `expected ${want.status} ${want.code}, ${said}`;
  if (want.likeMissing === true && missing !== undefined && got.said !== missing.said)
    return `says more than a missing one: "${got.said}" against "${missing.said}"`;
  return undefined;
}
