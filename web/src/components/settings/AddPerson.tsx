// Adding a person to the organisation, for an admin: name, email, role, manager, time zone and, if
// chosen, a first password to sign in with.

import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { api } from '../../api.js';
import type { User } from '../../types.js';
import { flag, FormEnd, Note, useAction } from './form.js';
import { ManagerSelect, RoleSelect } from './PersonFields.js';
import type { Person, Role } from './PersonFields.js';

export function AddPerson(props: { user: User; people: Person[]; onAdded: () => Promise<unknown> }) {
  const blank = {
    name: '',
    email: '',
    role: 'rep' as Role,
    manager: '',
    timezone: props.user.timezone,
    password: '',
  };
  const [form, setForm] = useState(blank);
  const action = useAction();
  const set = (field: keyof typeof blank) => (value: string) => setForm({ ...form, [field]: value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const added = await api<Person>('POST', '/api/users', {
        name: form.name,
        email: form.email,
        role: form.role,
        timezone: form.timezone,
        ...(form.manager === '' ? {} : { manager: form.manager }),
        ...(form.password === '' ? {} : { password: form.password }),
      });
      setForm(blank);
      await props.onAdded();
      return form.password === ''
        ? `Added ${added.name}. Set a password for them to sign in.`
        : `Added ${added.name}: they can sign in with the password you chose.`;
    });
  };
  const field = (label: string, key: keyof typeof blank, extra: Record<string, unknown> = {}): ReactNode => (
    <label>
      {label}
      <input
        value={form[key]}
        onChange={(e) => set(key)(e.target.value)}
        {...extra}
        {...flag(action.problem, key)}
      />
    </label>
  );
  return (
    <form className="fields add-person" onSubmit={submit} aria-labelledby="add-title">
      <h3 id="add-title">Add a person</h3>
      {field('Name', 'name', { required: true, autoComplete: 'off' })}
      {field('Email', 'email', { required: true, type: 'email', autoComplete: 'off' })}
      <RoleSelect value={form.role} onChange={set('role')} flagged={flag(action.problem, 'role')} />
      <ManagerSelect
        people={props.people}
        value={form.manager}
        onChange={set('manager')}
        flagged={flag(action.problem, 'manager')}
      />
      {field('Time zone', 'timezone', { required: true, list: 'zones' })}
      {field('First password (optional)', 'password', { type: 'password', autoComplete: 'new-password' })}
      <FormEnd label="Add person" busy={action.busy} />
      <div className="form-note">
        <Note problem={action.problem} ok={action.ok} />
      </div>
    </form>
  );
}
