// Adding a contact to a prospect, on its page: the person's name, how to reach them (email, phone),
// their role and time zone. The server's answer is the prospect's page again, decided anew with
// the new contact, so the page shows both at once. A refusal names the field it is about.

import { useEffect, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { api } from '../api.js';
import type { Contact, ProspectPage } from '../types.js';
import { flag, FormEnd, Note, useAction } from './settings/form.js';

interface Props {
  prospectId: string;
  /** The prospect's contacts so far: the first one added is the primary, a time zone is shared. */
  contacts: Contact[];
  /** The signed-in user's time zone, when no contact has one to offer. */
  zone: string;
  /** Asks for the focus (and the form in view) each time it changes, past 0. */
  focusKey: number;
  onAdded: (page: ProspectPage, name: string) => void;
  /** Closes the form; none while the prospect has no contact (the page needs one). */
  onCancel?: () => void;
}

export function AddContact({ prospectId, contacts, zone, focusKey, onAdded, onCancel }: Props) {
  const primary = contacts.find((c) => c.role === 'primary');
  const [form, setForm] = useState({
    name: '',
    email: '',
    phone: '',
    role: primary === undefined ? 'primary' : 'stakeholder',
    timezone: primary?.timezone ?? contacts.find((c) => c.timezone !== null)?.timezone ?? zone,
  });
  const action = useAction();
  const holder = useRef<HTMLFormElement>(null);
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusKey === 0) return;
    first.current?.focus({ preventScroll: true });
    holder.current?.scrollIntoView({ block: 'center' });
  }, [focusKey]);

  type Key = 'name' | 'email' | 'phone' | 'timezone';
  const field = (label: string, key: Key, extra: Record<string, unknown> = {}): ReactNode => (
    <label>
      {label}
      <input
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        autoComplete="off"
        {...extra}
        // The app names a blank name "contact", the request's schema "name".
        {...flag(action.problem, key === 'name' && action.problem?.path === 'contact' ? 'contact' : key)}
      />
    </label>
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
      const page = await api<ProspectPage>(
        'POST',
        `/api/prospects/${encodeURIComponent(prospectId)}/contacts`,
        {
          name: form.name,
          email: optional(form.email),
          phone: optional(form.phone),
          role: form.role,
          timezone: optional(form.timezone),
        },
      );
      onAdded(page, form.name.trim());
      return null;
    });
  };
  return (
    <form ref={holder} className="fields add-contact" onSubmit={submit} aria-labelledby="add-contact-title">
      <h3 id="add-contact-title">Add a contact</h3>
      {field('Name', 'name', { required: true, ref: first })}
      {field('Email', 'email', { type: 'email' })}
      {field('Phone', 'phone', { type: 'tel' })}
      <label>
        Role
        <select
          value={form.role}
          onChange={(e) => setForm({ ...form, role: e.target.value })}
          {...flag(action.problem, 'role')}
        >
          {/* The first primary is the one reached: a second would not be. */}
          <option value="primary" disabled={primary !== undefined}>
            {primary === undefined ? 'Primary (reached first)' : `Primary (${primary.name} is)`}
          </option>
          <option value="stakeholder">Stakeholder</option>
        </select>
      </label>
      {field('Time zone', 'timezone')}
      <FormEnd label="Add contact" busy={action.busy} onCancel={onCancel} />
      <div className="form-note">
        <Note problem={action.problem} ok={action.ok} />
      </div>
    </form>
  );
}
