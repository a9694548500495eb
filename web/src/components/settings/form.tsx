// What the settings forms share: running a change and keeping its outcome, a problem that names
// its field (and marks that field's input), a password input, and the row of buttons that ends a form.

import { useCallback, useState } from 'react';
import type { ReactNode } from 'react';
import { ApiError, problem } from '../../api.js';

/** What went wrong, and the field it is about (the API's path), if any. */
export interface Problem {
  text: string;
  path?: string;
}

export const FIELDS: Record<string, string> = {
  name: 'Name',
  email: 'Email',
  phone: 'Phone',
  reason: 'Reason',
  role: 'Role',
  manager: 'Manager',
  timezone: 'Time zone',
  hourlyValue: 'Hourly value',
  password: 'Password',
  currentPassword: 'Current password',
  again: 'Repeat the new password',
  // The mailbox form (Mailbox.tsx): a server that failed is named for what it does.
  address: 'Email address',
  provider: 'Provider',
  smtp: 'Sending (SMTP)',
  smtpHost: 'SMTP server',
  smtpPort: 'SMTP port',
  smtpSecurity: 'SMTP security',
  imap: 'Reading (IMAP)',
  imapHost: 'IMAP server',
  imapPort: 'IMAP port',
  imapSecurity: 'IMAP security',
  username: 'Username',
  oauth: 'OAuth2',
  'oauth.tokenUrl': 'Token URL',
  'oauth.clientId': 'Client ID',
  'oauth.clientSecret': 'Client secret',
  'oauth.refreshToken': 'Refresh token',
  mailbox: 'Mailbox',
  // Adding a prospect (AddProspect.tsx): the company, then its first contact.
  dealValue: 'Deal value',
  source: 'Where the lead came from',
  contact: 'Contact',
};

/** An error for a person: the field by its label, as the form shows it, then what was wrong. */
function toProblem(error: unknown): Problem {
  if (error instanceof ApiError && error.body.path !== undefined)
    return {
      text: `${FIELDS[error.body.path] ?? error.body.path}: ${error.body.message}`,
      path: error.body.path,
    };
  return { text: problem(error) };
}

/** Marks the input a problem is about, for assistive technology and the eye. */
export function flag(p: Problem | null, path: string) {
  return p?.path === path ? { 'aria-invalid': true, 'aria-describedby': `problem-${path}` } : {};
}

export function Note({ problem: p, ok }: { problem: Problem | null; ok: string | null }) {
  if (p !== null)
    return (
      <p role="alert" className="error" id={p.path === undefined ? undefined : `problem-${p.path}`}>
        {p.text}
      </p>
    );
  return ok === null ? null : (
    <p role="status" className="ok">
      {ok}
    </p>
  );
}

/** Runs a change, keeping its outcome (a problem or a confirmation) for the form to show. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [p, setProblem] = useState<Problem | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const run = useCallback(async (work: () => Promise<string | null>) => {
    setBusy(true);
    setProblem(null);
    setOk(null);
    try {
      setOk(await work());
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  }, []);
  /** Shows a failure that happened outside `run` (loading, say). */
  const fail = useCallback((error: unknown) => setProblem(toProblem(error)), []);
  return { busy, problem: p, ok, run, setProblem, fail };
}

/** The form's submit button, and a Cancel beside it when the form can be closed. */
export function FormEnd({ label, busy, onCancel }: { label: string; busy: boolean; onCancel?: () => void }) {
  return (
    <div className="form-end">
      <button type="submit" disabled={busy}>
        {label}
      </button>
      {onCancel !== undefined && (
        <button type="button" className="quiet" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}

/** A labelled password input; `flagged` (see `flag`) comes last, so a problem's note describes it. */
export function PasswordField(props: {
  label: ReactNode;
  autoComplete: 'current-password' | 'new-password';
  value: string;
  onChange: (value: string) => void;
  flagged: object;
  autoFocus?: boolean;
  describedBy?: string;
}) {
  return (
    <label>
      {props.label}
      <input
        autoFocus={props.autoFocus}
        type="password"
        autoComplete={props.autoComplete}
        required
        aria-describedby={props.describedBy}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        {...props.flagged}
      />
    </label>
  );
}
