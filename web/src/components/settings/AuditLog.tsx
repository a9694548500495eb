// The audit log, for an admin: who signed in or failed to, signed out, made or revoked a token,
// changed a password, or added or changed a person; when, from which address and how. Newest
// first, a page at a time.

import { useCallback, useEffect, useState } from 'react';
import { api, problem } from '../../api.js';
import { when } from '../../format.js';
import type { User } from '../../types.js';
import { Note } from './form.js';

interface Who {
  id: string;
  name: string;
  email: string;
}

interface Entry {
  id: string;
  at: string;
  action: string;
  actor: Who | null;
  subject: Who | null;
  address: string | null;
  via: 'session' | 'token' | 'cli' | null;
  detail: string | null;
}

const VIA = { session: 'browser', token: 'API token', cli: 'command line' } as const;
const PAGE = 50;

export function AuditLog({ user }: { user: User }) {
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (before: string | null) => {
    try {
      const query = `?limit=${PAGE}${before === null ? '' : `&before=${encodeURIComponent(before)}`}`;
      const page = await api<{ entries: Entry[]; next: string | null }>('GET', `/api/audit${query}`);
      setEntries((shown) => (before === null ? page.entries : [...(shown ?? []), ...page.entries]));
      setNext(page.next);
    } catch (e) {
      setError(problem(e));
    }
  }, []);
  useEffect(() => {
    void load(null);
  }, [load]);

  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">Audit log</h2>
      <p className="hint">
        Sign-ins, sign-outs, API tokens, passwords and people, newest first. It never holds a password or a
        token.
      </p>
      {error !== null && <Note problem={{ text: error }} ok={null} />}
      {entries === null ? (
        <p className="loading">Loading the audit log…</p>
      ) : (
        <table className="list audit">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">What</th>
              <th scope="col">Who</th>
              <th scope="col">From</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-testid="audit-entry">
                <td data-label="When">{when(e.at, user.timezone)}</td>
                <td data-label="What">{e.action}</td>
                <td data-label="Who">
                  {e.actor?.name ?? '—'}
                  {e.subject !== null && e.subject.id !== e.actor?.id && ` (${e.subject.name})`}
                </td>
                <td data-label="From">
                  {[e.via === null ? null : VIA[e.via], e.address].filter((x) => x !== null).join(', ')}
                </td>
                <td data-label="Detail">{e.detail ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next !== null && (
        <button type="button" className="quiet" onClick={() => void load(next)}>
          Show older entries
        </button>
      )}
    </section>
  );
}
