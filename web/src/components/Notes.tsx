// A prospect's notes: free text a rep keeps (who the buyer really is, what was said at lunch), newest
// first with its author and when, how long ago and the time itself. The author (or a manager or an
// admin) edits one in place or deletes it, after a confirmation asked inline. Notes change no
// decision, so nothing else on the page is read again.

import { useCallback, useEffect, useId, useState } from 'react';
import { api, problem } from '../api.js';
import { spokenMinutes, when } from '../format.js';
import type { Note } from '../types.js';
import './notes.css';

/** LIMITS.noteBody on the server. */
const MAX = 10_000;

/** How long ago, as people say it ("just now", "5 min ago", "3 d ago"). */
function ago(iso: string, now: number): string {
  const minutes = (now - Date.parse(iso)) / 60_000;
  return minutes < 1 ? 'just now' : `${spokenMinutes(minutes)} ago`;
}

interface Props {
  prospectId: string;
  zone: string;
  /** The server's clock when the page was read (tests fix it). */
  now: number;
}

export function Notes({ prospectId, zone, now }: Props) {
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const path = `/api/prospects/${encodeURIComponent(prospectId)}/notes`;

  const load = useCallback(async () => {
    try {
      setNotes(await api<Note[]>('GET', path));
    } catch (e) {
      setError(problem(e));
    }
  }, [path]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section aria-labelledby="notes" className="notes">
      <h2 id="notes">Notes</h2>
      <NewNote path={path} onAdded={(note) => setNotes((list) => [note, ...(list ?? [])])} />
      {error !== null && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {notes === null ? (
        error === null && <p className="loading">Loading notes…</p>
      ) : notes.length === 0 ? (
        <p className="hint">No notes yet.</p>
      ) : (
        <ol className="note-list" aria-label="Notes on this prospect">
          {notes.map((note) => (
            <NoteItem
              key={note.id}
              note={note}
              path={`${path}/${encodeURIComponent(note.id)}`}
              zone={zone}
              now={now}
              onChanged={(next) => setNotes((list) => (list ?? []).map((n) => (n.id === next.id ? next : n)))}
              onDeleted={() => setNotes((list) => (list ?? []).filter((n) => n.id !== note.id))}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function NewNote({ path, onAdded }: { path: string; onAdded: (note: Note) => void }) {
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();

  const add = async () => {
    if (body.trim() === '') {
      setError('Write something first: a note cannot be empty.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onAdded(await api<Note>('POST', path, { body }));
      setBody('');
    } catch (e) {
      setError(problem(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="note-form"
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <label>
        New note
        <textarea
          value={body}
          rows={3}
          maxLength={MAX}
          placeholder="What to remember about them (Ctrl+Enter adds it)"
          aria-invalid={error !== null}
          aria-describedby={error === null ? undefined : errorId}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void add();
            }
          }}
        />
      </label>
      <div className="note-buttons">
        <button type="submit" disabled={busy}>
          Add note
        </button>
      </div>
      {error !== null && (
        <p role="alert" id={errorId} className="error">
          {error}
        </p>
      )}
    </form>
  );
}

interface ItemProps {
  note: Note;
  path: string;
  zone: string;
  now: number;
  onChanged: (note: Note) => void;
  onDeleted: () => void;
}

function NoteItem({ note, path, zone, now, onChanged, onDeleted }: ItemProps) {
  const [mode, setMode] = useState<'show' | 'edit' | 'confirm'>('show');
  const [draft, setDraft] = useState(note.body);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const author = note.author?.name ?? 'A former user';

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(problem(e));
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    run(async () => {
      if (draft.trim() === '') throw new Error('Write something, or delete the note instead.');
      onChanged(await api<Note>('PATCH', path, { body: draft }));
      setMode('show');
    });
  const remove = () =>
    run(async () => {
      await api<null>('DELETE', path);
      onDeleted();
    });

  return (
    <li className="note">
      <p className="note-head">
        <strong>{author}</strong>{' '}
        <time dateTime={note.createdAt} title={when(note.createdAt, zone)}>
          {ago(note.createdAt, now)} · {when(note.createdAt, zone)}
        </time>
        {note.edited && (
          <span className="note-edited" title={`edited ${when(note.updatedAt, zone)}`}>
            {' '}
            (edited)
          </span>
        )}
      </p>
      {mode === 'edit' ? (
        <form
          className="note-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label>
            Edit note
            <textarea
              value={draft}
              rows={4}
              maxLength={MAX}
              autoFocus
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setMode('show');
              }}
            />
          </label>
          <div className="note-buttons">
            <button type="submit" disabled={busy}>
              Save
            </button>
            <button
              type="button"
              className="quiet"
              onClick={() => {
                setDraft(note.body);
                setError(null);
                setMode('show');
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <p className="note-body">{note.body}</p>
      )}
      {mode === 'show' && note.mayChange && (
        <div className="note-buttons" role="group" aria-label={`Note by ${author}`}>
          <button
            type="button"
            className="quiet"
            onClick={() => {
              setDraft(note.body);
              setMode('edit');
            }}
          >
            Edit
          </button>
          <button type="button" className="quiet" onClick={() => setMode('confirm')}>
            Delete
          </button>
        </div>
      )}
      {mode === 'confirm' && (
        <div className="note-buttons note-confirm" role="group" aria-label="Delete this note?">
          <span>Delete this note?</span>
          <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
            Yes, delete
          </button>
          <button type="button" className="quiet" autoFocus onClick={() => setMode('show')}>
            Keep it
          </button>
        </div>
      )}
      {error !== null && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </li>
  );
}
