// The playbook: every number and template the engine decides with. Admins edit it, check it (a bad
// setting is named) with a preview of how many prospects' decisions would change, then put it in force.

import { useEffect, useState } from 'react';
import { ApiError, api, problem } from '../api.js';
import { PlaybookForm } from '../components/playbook/PlaybookForm.js';
import type { User } from '../types.js';

interface Version {
  version: number;
  name: string;
  document: string;
  createdAt: string;
  /** The default playbook, which a document saying `extends: default` changes only in part. */
  defaults?: string;
}

export function Playbook({ user }: { user: User }) {
  const [current, setCurrent] = useState<Version | null>(null);
  const [text, setText] = useState('');
  const [note, setNote] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<{ path: string; message: string } | undefined>();
  const admin = user.role === 'admin';

  useEffect(() => {
    api<Version>('GET', '/api/playbook').then(
      (v) => {
        setCurrent(v);
        setText(v.document);
      },
      (e: unknown) => setNote({ kind: 'error', text: problem(e) }),
    );
  }, []);

  const run = async (method: 'POST' | 'PUT') => {
    setBusy(true);
    setNote(null);
    setFieldError(undefined);
    try {
      if (method === 'POST') {
        const r = await api<{ changed: number }>('POST', '/api/playbook/preview', { document: text });
        setNote({
          kind: 'ok',
          text: `Valid. ${r.changed} prospect${r.changed === 1 ? '' : 's'} would get a different next step.`,
        });
      } else {
        const r = await api<Version & { changed: number }>('PUT', '/api/playbook', { document: text });
        setCurrent({ ...r, defaults: current?.defaults });
        setNote({
          kind: 'ok',
          text: `Version ${r.version} is in force; ${r.changed} decision${r.changed === 1 ? '' : 's'} changed.`,
        });
      }
    } catch (e) {
      setNote({ kind: 'error', text: problem(e) });
      if (e instanceof ApiError && e.body.path !== undefined)
        setFieldError({ path: e.body.path, message: e.body.message });
    } finally {
      setBusy(false);
    }
  };

  if (current === null)
    return note === null ? (
      <p className="loading">Loading the playbook…</p>
    ) : (
      <p role="alert" className="error">
        {note.text}
      </p>
    );
  return (
    <section className="playbook">
      <h1>Playbook</h1>
      <p className="summary">
        {current.name}, version {current.version} (since {new Date(current.createdAt).toLocaleDateString()}).{' '}
        {admin ? 'Edit it below; check it before putting it in force.' : 'Only an admin can change it.'}
      </p>
      <div className="pb-layout">
        <PlaybookForm
          text={text}
          readOnly={!admin}
          onChange={setText}
          defaults={current.defaults}
          serverError={fieldError}
        />
        <label>
          The playbook (YAML)
          <textarea
            className="code"
            rows={28}
            spellCheck={false}
            readOnly={!admin}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
      </div>
      {note !== null && (
        <p
          role={note.kind === 'error' ? 'alert' : 'status'}
          className={note.kind === 'error' ? 'error' : 'ok'}
        >
          {note.text}
        </p>
      )}
      {admin && (
        <div className="buttons">
          <button type="button" className="quiet" disabled={busy} onClick={() => void run('POST')}>
            Check and preview
          </button>
          <button
            type="button"
            disabled={busy || text === current.document}
            onClick={() => {
              if (window.confirm('Put this playbook in force? Every prospect is decided again.'))
                void run('PUT');
            }}
          >
            Put in force
          </button>
        </div>
      )}
    </section>
  );
}
