// The forms that open under a person's row, for an admin: edit their name, role, manager, time zone
// and hourly value; set their password (which signs them out everywhere).

import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../api.js';
import { flag, FormEnd, Note, PasswordField, useAction } from './form.js';
import { ManagerSelect, RoleSelect } from './PersonFields.js';
import type { Person, Role } from './PersonFields.js';

/** Closes the form: with what was saved, to show under the row, or null when cancelled. */
type Done = (saved: string | null) => void;

export function EditPerson({ person, people, onDone }: { person: Person; people: Person[]; onDone: Done }) {
  const [name, setName] = useState(person.name);
  const [role, setRole] = useState<Role>(person.role);
  const [manager, setManager] = useState(person.managerId ?? '');
  const [timezone, setTimezone] = useState(person.timezone);
  const [hourly, setHourly] = useState(person.hourlyValue == null ? '' : String(person.hourlyValue));
  const action = useAction();
  const save = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api('PATCH', `/api/users/${encodeURIComponent(person.id)}`, {
        name,
        role,
        manager: manager === '' ? null : manager,
        timezone,
        hourlyValue: hourly.trim() === '' ? null : Number(hourly),
      });
      onDone(`Saved ${name.trim()}.`);
      return null;
    });
  };
  return (
    <form className="fields" onSubmit={save} aria-label={`Edit ${person.name}`}>
      <label>
        Name
        <input
          autoFocus
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          {...flag(action.problem, 'name')}
        />
      </label>
      <RoleSelect value={role} onChange={setRole} flagged={flag(action.problem, 'role')} />
      <ManagerSelect
        people={people}
        except={person.id}
        value={manager}
        onChange={setManager}
        flagged={flag(action.problem, 'manager')}
      />
      <label>
        Time zone
        <input
          list="zones"
          required
          value={timezone}
          onChange={(e) => setTimezone(e.target.value)}
          {...flag(action.problem, 'timezone')}
        />
      </label>
      <label>
        Hourly value
        <input
          type="number"
          aria-describedby="hourly-hint"
          min={0}
          step="any"
          inputMode="decimal"
          value={hourly}
          onChange={(e) => setHourly(e.target.value)}
          {...flag(action.problem, 'hourlyValue')}
        />
      </label>
      <FormEnd label="Save" busy={action.busy} onCancel={() => onDone(null)} />
      <div className="form-note">
        <p className="hint" id="hourly-hint">
          The hourly value is what an hour of their time is worth; leave it empty to use the playbook’s.
        </p>
        <Note problem={action.problem} ok={null} />
      </div>
    </form>
  );
}

export function SetPassword({ person, onDone }: { person: Person; onDone: Done }) {
  const [password, setPassword] = useState('');
  const action = useAction();
  const save = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api('PUT', `/api/users/${encodeURIComponent(person.id)}/password`, { password });
      onDone(
        `Set the password of ${person.name}: they are signed out everywhere and sign in with the new one.`,
      );
      return null;
    });
  };
  return (
    <form className="fields" onSubmit={save} aria-label={`Set password for ${person.name}`}>
      <PasswordField
        label={`New password for ${person.name}`}
        autoFocus
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
        flagged={flag(action.problem, 'password')}
      />
      <FormEnd label="Set password" busy={action.busy} onCancel={() => onDone(null)} />
      <div className="form-note">
        <p className="hint">At least 10 characters. Tell them in person or by phone, not by email.</p>
        <Note problem={action.problem} ok={null} />
      </div>
    </form>
  );
}
