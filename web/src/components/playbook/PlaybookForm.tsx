// The structured playbook editor: the common settings as labelled fields, kept in step with the YAML
// both ways. A field writes only its own text into the YAML; YAML that does not parse turns it off.

import { useState } from 'react';
import { checkValue, describeRule, ruleAt } from '../../../../src/core/playbook/limits.js';
import type { FieldRule } from '../../../../src/core/playbook/limits.js';
import { SECTIONS, inWords } from './fields.js';
import type { FieldCopy } from './fields.js';
import { readYaml, setValue, valueAt } from './yaml-sync.js';
import './playbook.css';

function show(value: unknown): string {
  if (value === undefined || value === null) return '';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** The typed value of what was typed (undefined for an emptied optional field). */
function read(rule: FieldRule, raw: string): unknown {
  const t = raw.trim();
  if (t === '') return undefined;
  if (rule.kind === 'number') return Number(t);
  if (rule.kind === 'list')
    return t
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .map((s) => (rule.item.kind === 'number' ? Number(s) : s));
  return t;
}

function Field(props: {
  copy: FieldCopy;
  value: unknown;
  /** The default playbook's value, when this document extends it and does not set this one. */
  inherited: unknown;
  readOnly: boolean;
  serverError?: string;
  onChange: (value: unknown, raw: string) => void;
  raw: string | undefined;
}) {
  const { copy } = props;
  const rule = ruleAt(copy.path);
  const id = `pb-${copy.path.join('-')}`;
  const raw = props.raw ?? show(props.value);
  const serverError = props.serverError === undefined ? undefined : inWords(props.serverError);
  const unit = copy.unit === undefined ? '' : ` (${copy.unit})`;
  const inherited = props.inherited === undefined ? undefined : show(props.inherited);
  // Left empty, a setting the default playbook holds is the default's: nothing to complain about.
  const problem =
    (inherited !== undefined && raw.trim() === '' ? undefined : checkValue(rule, read(rule, raw))) ??
    serverError;
  return (
    <div className="pb-field">
      <label htmlFor={id}>
        {copy.label}
        {unit}
      </label>
      {rule.kind === 'choice' ? (
        <select
          id={id}
          disabled={props.readOnly}
          value={raw}
          aria-describedby={`${id}-help${problem === undefined ? '' : ` ${id}-error`}`}
          aria-invalid={problem !== undefined}
          onChange={(e) => props.onChange(e.target.value, e.target.value)}
        >
          {inherited !== undefined && raw === '' && <option value="">{inherited} (the default's)</option>}
          {rule.options.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          readOnly={props.readOnly}
          inputMode={rule.kind === 'number' ? 'decimal' : undefined}
          value={raw}
          placeholder={inherited}
          aria-describedby={`${id}-help${problem === undefined ? '' : ` ${id}-error`}`}
          aria-invalid={problem !== undefined}
          onChange={(e) => props.onChange(read(rule, e.target.value), e.target.value)}
        />
      )}
      <span className="pb-help" id={`${id}-help`}>
        {copy.help}
        {inherited !== undefined &&
          raw === '' &&
          ` Not set here: the default playbook's ${inherited} applies.`}
      </span>
      {problem !== undefined && (
        <span className="pb-error" id={`${id}-error`}>
          {copy.label}: {problem.startsWith('expected') ? problem : `${problem} (${describeRule(rule)})`}
        </span>
      )}
    </div>
  );
}

export function PlaybookForm(props: {
  text: string;
  readOnly: boolean;
  onChange: (text: string) => void;
  /** The default playbook's text, for the settings a document saying `extends: default` leaves out. */
  defaults?: string;
  /** The server's last complaint, by dotted path. */
  serverError?: { path: string; message: string };
}) {
  // What was typed, kept while it is not yet a value the YAML can hold ("1," or an emptied field).
  const [drafts, setDrafts] = useState<{ text: string; raw: Record<string, string> }>({ text: '', raw: {} });
  const parsed = readYaml(props.text);
  const raw = drafts.text === props.text ? drafts.raw : {};
  if (!parsed.ok)
    return (
      <section className="pb-form" aria-label="Playbook settings">
        <p className="pb-off" role="note">
          The form is off until the YAML is fixed: {parsed.error}
        </p>
      </section>
    );
  const { doc } = parsed;
  const base =
    doc.get('extends') === 'default' && props.defaults !== undefined ? readYaml(props.defaults) : undefined;
  return (
    <section className="pb-form" aria-label="Playbook settings">
      {SECTIONS.map((s) => (
        <fieldset key={s.title} className="pb-fields">
          <legend>{s.title}</legend>
          {s.fields.map((f) => {
            const key = f.path.join('.');
            return (
              <Field
                key={key}
                copy={f}
                value={valueAt(doc, f.path)}
                inherited={base?.ok === true ? valueAt(base.doc, f.path) : undefined}
                readOnly={props.readOnly}
                raw={raw[key]}
                serverError={props.serverError?.path === key ? props.serverError.message : undefined}
                onChange={(value, typed) => {
                  const rule = ruleAt(f.path);
                  const writable =
                    value !== undefined &&
                    (rule.kind !== 'number' || Number.isFinite(value)) &&
                    (rule.kind !== 'list' || (value as unknown[]).every((v) => v === v));
                  const next = writable ? setValue(props.text, f.path, value) : props.text;
                  setDrafts({ text: next, raw: { ...raw, [key]: typed } });
                  if (next !== props.text) props.onChange(next);
                }}
              />
            );
          })}
        </fieldset>
      ))}
    </section>
  );
}
