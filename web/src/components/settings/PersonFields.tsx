// A person as the admin sees them, and the fields that pick a role, a manager and a time zone.

import { useId } from 'react';
import type { ReactNode } from 'react';
import type { User } from '../../types.js';

export type Role = User['role'];
const ROLES: Role[] = ['rep', 'manager', 'admin'];

export interface Person extends User {
  managerId: string | null;
  hourlyValue?: number | null;
}

const ZONES: string[] = Intl.supportedValuesOf('timeZone');

/** The time zones the time zone inputs offer (`list="zones"`). */
export function ZoneList() {
  return (
    <datalist id="zones">
      {ZONES.map((z) => (
        <option key={z} value={z} />
      ))}
    </datalist>
  );
}

interface SelectProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  flagged: object;
  children: ReactNode;
}

/** Labelled by id, not by wrapping: a wrapping label's name would take in every option's text. */
function Select({ label, value, onChange, flagged, children }: SelectProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} {...flagged}>
        {children}
      </select>
    </div>
  );
}

export function RoleSelect(props: { value: Role; onChange: (r: Role) => void; flagged: object }) {
  return (
    <Select
      label="Role"
      value={props.value}
      onChange={(r) => props.onChange(r as Role)}
      flagged={props.flagged}
    >
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {r}
        </option>
      ))}
    </Select>
  );
}

/** Nobody, or a manager or admin of the organisation other than `except`. */
export function ManagerSelect(props: {
  people: Person[];
  except?: string;
  value: string;
  onChange: (id: string) => void;
  flagged: object;
}) {
  return (
    <Select label="Manager" value={props.value} onChange={props.onChange} flagged={props.flagged}>
      <option value="">Nobody</option>
      {props.people
        .filter((m) => m.role !== 'rep' && m.id !== props.except)
        .map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
    </Select>
  );
}
