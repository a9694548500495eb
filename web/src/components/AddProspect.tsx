// Adding a prospect by hand, with its first contact: the company, where the lead came from, the
// deal's value, and the person to reach (name, email, phone, time zone). The new prospect's page
// opens with its first decision.

import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { api } from '../api.js';
import { navigate } from '../App.js';
import type { ProspectPage, User } from '../types.js';
import { flag, FormEnd, Note, useAction } from './settings/form.js';

const SOURCES = [
  ['outbound', 'Outbound (we reached out)'],
  ['inbound', 'Inbound (they came to us)'],
  ['referral', 'Referral'],
  ['event', 'Event'],
] as const;

export function AddProspect({ user, onCancel }: { user: User; onCancel: () => void }) {
  const [form, setForm] = useState({
    name: '',
    source: 'outbound',
    dealValue: '',
    contactName: '',
    email: '',
    phone: '',
    timezone: user.timezone,
  });
  const action = useAction();
  type Key = keyof typeof form;
  const field = (label: string, key: Key, path: string, extra: Record<string, unknown> = {}): ReactNode => (
    <label>
      {label}
      <input
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        {...extra}
        {...flag(action.problem, path)}
      />
    </label>
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
      const added = await api<ProspectPage>('POST', '/api/prospects', {
        name: form.name,
        source: form.source,
        ...(form.dealValue.trim() === '' ? {} : { dealValue: Number(form.dealValue) }),
        contact: {
          name: form.contactName,
          email: optional(form.email),
          phone: optional(form.phone),
          timezone: form.timezone,
        },
      });
      navigate(`/prospects/${encodeURIComponent(added.id)}`);
      return null;
    });
  };
  return (
    <form className="fields add-prospect" onSubmit={submit} aria-labelledby="add-prospect-title">
      <h2 id="add-prospect-title">Add a prospect</h2>
      {field('Company', 'name', 'name', { required: true, autoComplete: 'off' })}
      <label>
        Where the lead came from
        <select value={form.source} onChange={(e) => setForm({ ...form, source: e.target.value })}>
          {SOURCES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {field('Deal value (optional)', 'dealValue', 'dealValue', { type: 'number', min: 0, step: 'any' })}
      {field('Contact', 'contactName', 'contact', { required: true, autoComplete: 'off' })}
      {field('Email', 'email', 'email', { type: 'email', autoComplete: 'off' })}
      {field('Phone', 'phone', 'phone', { type: 'tel', autoComplete: 'off' })}
      {field('Time zone', 'timezone', 'timezone', { required: true })}
      <FormEnd label="Add prospect" busy={action.busy} onCancel={onCancel} />
      <div className="form-note">
        <Note problem={action.problem} ok={action.ok} />
      </div>
    </form>
  );
}
