// The do-not-contact list, for an admin: everyone who opted out, by address and number, with when
// and how (a logged opt-out, the unsubscribe link, a reply, an import, an admin); add a person who
// asked by other means; lift an entry with a reason, which is kept beside it.

import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../api.js';
import { when } from '../../format.js';
import type { User } from '../../types.js';
import { flag, Note, useAction } from './form.js';

interface Entry {
  id: string;
  kind: 'email' | 'phone';
  value: string;
  source: string;
  createdAt: string;
  inForce: boolean;
  removedAt: string | null;
  removalReason: string | null;
}

const SOURCES: Record<string, string> = {
  logged: 'opt-out logged',
  marked: 'marked do-not-contact',
  'unsubscribe-link': 'unsubscribe link',
  reply: 'asked in a reply',
  import: 'import',
  manual: 'added by an admin',
};

function Entries(props: { list: Entry[]; zone: string; busy: boolean; onLift: (e: Entry) => void }) {
  return (
    <table className="list suppressions">
      <thead>
        <tr>
          <th scope="col">Address or number</th>
          <th scope="col">How</th>
          <th scope="col">Since</th>
          <th scope="col">
            <span className="sr-only">Lift</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.list.map((e) => (
          <tr key={e.id}>
            <td data-label="Address or number">{e.kind === 'phone' ? `+${e.value}` : e.value}</td>
            <td data-label="How">{SOURCES[e.source] ?? e.source}</td>
            <td data-label="Since">{when(e.createdAt, props.zone)}</td>
            <td className="actions">
              {e.inForce ? (
                <button
                  type="button"
                  className="quiet danger"
                  aria-label={`Lift ${e.value}`}
                  disabled={props.busy}
                  onClick={() => props.onLift(e)}
                >
                  Lift
                </button>
              ) : (
                <span className="hint">lifted: {e.removalReason}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DoNotContact({ user }: { user: User }) {
  const [list, setList] = useState<Entry[] | null>(null);
  const [search, setSearch] = useState('');
  const [all, setAll] = useState(false);
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const action = useAction();

  const load = useCallback(async () => {
    const query = new URLSearchParams({ all: String(all), ...(search.trim() === '' ? {} : { search }) });
    setList(await api<Entry[]>('GET', `/api/suppressions?${query.toString()}`));
  }, [all, search]);
  useEffect(() => {
    load().catch(action.fail);
  }, [load, action.fail]);

  const add = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api('POST', '/api/suppressions', {
        ...(email.trim() === '' ? {} : { email }),
        ...(phone.trim() === '' ? {} : { phone }),
      });
      setEmail('');
      setPhone('');
      await load();
      return 'Added to the do-not-contact list.';
    });
  };

  const lift = (entry: Entry) => {
    const reason = window.prompt(`Why may ${entry.value} be contacted again? (kept with the entry)`);
    if (reason === null) return;
    void action.run(async () => {
      await api('POST', `/api/suppressions/${encodeURIComponent(entry.id)}/lift`, { reason });
      await load();
      return `Lifted ${entry.value}.`;
    });
  };

  return (
    <section aria-labelledby="dnc-title">
      <h2 id="dnc-title">Do-not-contact list</h2>
      <p className="hint">
        People who asked not to be contacted, by email address and phone number: Pursuit proposes no step and
        sends no email to them on any prospect, new or old, imported or not.
      </p>
      <form className="inline-form" onSubmit={add}>
        <label>
          Email
          <input
            type="email"
            value={email}
            maxLength={320}
            onChange={(e) => setEmail(e.target.value)}
            {...flag(action.problem, 'email')}
          />
        </label>
        <label>
          Phone
          <input
            value={phone}
            maxLength={50}
            onChange={(e) => setPhone(e.target.value)}
            {...flag(action.problem, 'phone')}
          />
        </label>
        <button type="submit" disabled={action.busy}>
          Add
        </button>
      </form>
      <div className="inline-form">
        <label>
          Search
          <input type="search" value={search} maxLength={320} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <label className="check">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> Lifted entries
          too
        </label>
      </div>
      <Note problem={action.problem} ok={action.ok} />
      {list === null ? (
        <p className="loading">Loading the list…</p>
      ) : list.length === 0 ? (
        <p className="hint">Nobody is on the list.</p>
      ) : (
        <Entries list={list} zone={user.timezone} busy={action.busy} onLift={lift} />
      )}
    </section>
  );
}
