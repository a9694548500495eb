// The organisation's people, for an admin: a row each (name, email, role, manager, time zone), with
// an editor or a password form that opens under the row and the outcome of the last change there;
// then the form to add a person.

import { Fragment, useCallback, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { api, problem } from '../../api.js';
import type { User } from '../../types.js';
import { AddPerson } from './AddPerson.js';
import { Note } from './form.js';
import { EditPerson, SetPassword } from './PersonEditor.js';
import type { Person } from './PersonFields.js';

type Kind = 'edit' | 'password';

/** A button that opens (or closes) one of the forms under a person's row. */
function Opener(props: { text: string; label: string; open: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      className="quiet"
      aria-label={props.label}
      aria-expanded={props.open}
      onClick={props.onClick}
    >
      {props.text}
    </button>
  );
}

/** The row below a person's that spans the table. */
function Under({ className, children }: { className: string; children: ReactNode }) {
  return (
    <tr className={className}>
      <td colSpan={5}>{children}</td>
    </tr>
  );
}

export function People({ user }: { user: User }) {
  const [people, setPeople] = useState<Person[] | null>(null);
  const [open, setOpen] = useState<{ id: string; kind: Kind } | null>(null);
  // The outcome of the last change, shown under the row it was about.
  const [saved, setSaved] = useState<{ id: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const list = await api<Person[]>('GET', '/api/users');
      setPeople(list);
      return list;
    } catch (e) {
      setError(problem(e));
      return [];
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const done = (message: string | null) => {
    const id = open?.id;
    setOpen(null);
    setSaved(null);
    if (message === null || id === undefined) return;
    // The outcome shows once the row does what was saved, never beside the old values.
    void load().then((list) => {
      setSaved({ id, text: message });
      // An admin who changed their own role or name: the header and the pages follow the server's.
      const me = list.find((p) => p.id === user.id);
      if (id === user.id && me !== undefined && (me.role !== user.role || me.name !== user.name))
        window.location.reload();
    });
  };

  if (error !== null) return <Note problem={{ text: error }} ok={null} />;
  if (people === null) return <p className="loading">Loading the people…</p>;
  const nameOf = (id: string | null) => people.find((p) => p.id === id)?.name ?? '—';
  const isOpen = (id: string, kind: Kind) => open?.id === id && open.kind === kind;
  const toggle = (id: string, kind: Kind) => {
    setSaved(null);
    setOpen(isOpen(id, kind) ? null : { id, kind });
  };
  return (
    <section aria-labelledby="people-title">
      <h2 id="people-title">People</h2>
      <p className="hint">
        {people.length} people. Reps see their own prospects, managers their team’s, admins everyone’s.
      </p>
      <table className="list people">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Manager</th>
            <th scope="col">Time zone</th>
            <th scope="col">
              <span className="sr-only">Changes</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <Fragment key={p.id}>
              <tr data-testid="person">
                <td data-label="Name">
                  <span className="person-name">{p.name}</span>
                  <span className="email">{p.email}</span>
                </td>
                <td data-label="Role">{p.role}</td>
                <td data-label="Manager">{nameOf(p.managerId)}</td>
                <td data-label="Time zone">{p.timezone}</td>
                <td className="actions">
                  <Opener
                    text="Edit"
                    label={`Edit ${p.name}`}
                    open={isOpen(p.id, 'edit')}
                    onClick={() => toggle(p.id, 'edit')}
                  />
                  {p.id !== user.id && (
                    <Opener
                      text="Set password"
                      label={`Set password for ${p.name}`}
                      open={isOpen(p.id, 'password')}
                      onClick={() => toggle(p.id, 'password')}
                    />
                  )}
                </td>
              </tr>
              {saved?.id === p.id && (
                <Under className="saved">
                  <Note problem={null} ok={saved.text} />
                </Under>
              )}
              {open?.id === p.id && (
                <Under className="editor">
                  {open.kind === 'edit' ? (
                    <EditPerson person={p} people={people} onDone={done} />
                  ) : (
                    <SetPassword person={p} onDone={done} />
                  )}
                </Under>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
      <AddPerson user={user} people={people} onAdded={load} />
    </section>
  );
}
