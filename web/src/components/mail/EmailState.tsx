// One email's state in a sentence, and what the rep can do about it: cancel one that has not gone,
// or say whether one whose sending was cut off went ("It went") or not ("Send it again"). The
// sentence is a live region; `children` follow it (the next step, once the touch is logged).

import { useState } from 'react';
import type { ReactNode } from 'react';
import { api, problem } from '../../api.js';
import type { Email } from '../../types.js';
import { emailState } from './words.js';

interface Props {
  email: Email;
  zone: string;
  now: number;
  onChange: (email: Email) => void;
  children?: ReactNode;
}

export function EmailState({ email, zone, now, onChange, children }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (method: string, path: string, body?: unknown) => {
    setBusy(true);
    setError(null);
    try {
      onChange(await api<Email>(method, path, body));
    } catch (e) {
      setError(problem(e));
    } finally {
      setBusy(false);
    }
  };
  const id = encodeURIComponent(email.id);
  const to = email.to.name ?? email.to.address;
  return (
    <div className={`email-state ${email.status}`}>
      <p role="status" tabIndex={-1}>
        {emailState(email, zone, now)}
        {children !== undefined && <> {children}</>}
      </p>
      {email.status === 'queued' && (
        <div className="buttons">
          <button
            type="button"
            className="quiet"
            aria-label={`Cancel the email to ${to}`}
            disabled={busy}
            onClick={() => void act('DELETE', `/api/outbox/${id}`)}
          >
            Cancel
          </button>
        </div>
      )}
      {email.status === 'unconfirmed' && (
        <div className="buttons" role="group" aria-label={`Did the email to ${to} go?`}>
          <button
            type="button"
            disabled={busy}
            onClick={() => void act('POST', `/api/outbox/${id}/settle`, { went: true })}
          >
            It went
          </button>
          <button
            type="button"
            className="quiet"
            disabled={busy}
            onClick={() => void act('POST', `/api/outbox/${id}/settle`, { went: false })}
          >
            Send it again
          </button>
        </div>
      )}
      {error !== null && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
