// The file as read (its first rows), and which of its columns fill Pursuit's fields: a generic CSV
// needs at least the prospect (company); the guesses from the column names come pre-filled.

import type { Preview } from './types.js';

/** The fields worth mapping by hand, with what they mean; the rest keep their own column names. */
export const MAPPED_FIELDS: [string, string][] = [
  ['prospect', 'Prospect (company)'],
  ['contact', 'Contact name'],
  ['first-name', 'First name'],
  ['last-name', 'Last name'],
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['owner', 'Owner (a user)'],
  ['timezone', "Contact's time zone"],
  ['deal-value', 'Deal value'],
  ['source', 'Source (inbound, outbound, referral, event)'],
  ['created', 'Created'],
];

export function mappingText(mapping: Record<string, string>): string {
  return Object.entries(mapping)
    .filter(([, column]) => column !== '')
    .map(([field, column]) => `${field}=${column}`)
    .join(',');
}

export function SampleTable({ preview }: { preview: Preview }) {
  if (preview.columns.length === 0) return null;
  return (
    <div className="sample">
      <table>
        <caption>The first rows of the file</caption>
        <thead>
          <tr>
            {preview.columns.map((c, i) => (
              <th key={i} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.sample.map((row, r) => (
            <tr key={r}>
              {preview.columns.map((_, i) => (
                <td key={i}>{row[i] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function MappingForm(props: {
  preview: Preview;
  mapping: Record<string, string>;
  onChange: (mapping: Record<string, string>) => void;
}) {
  const { preview, mapping, onChange } = props;
  return (
    <fieldset className="mapping">
      <legend>Which column holds what</legend>
      {MAPPED_FIELDS.map(([field, label]) => (
        <div key={field} className="field">
          <label htmlFor={`map-${field}`}>{label}</label>
          <select
            id={`map-${field}`}
            value={mapping[field] ?? ''}
            onChange={(e) => onChange({ ...mapping, [field]: e.target.value })}
          >
            <option value="">(none)</option>
            {preview.columns.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
      ))}
    </fieldset>
  );
}
