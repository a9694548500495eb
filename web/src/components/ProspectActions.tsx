// What a rep does to a prospect besides logging a touch: snooze it until a time typed as people say
// it ("next monday 9:00"), record the deal as won or lost (lost asks first), and take back the last
// thing they logged (Undo), as the command line's `pursuit undo` does.

import { useState } from 'react';
import { api, problem } from '../api.js';
import { when } from '../format.js';

interface Props {
  prospectId: string;
  snoozedUntil: string | null;
  zone: string;
  /** Something changed: read the prospect again. */
  onChanged: () => void;
}

export function ProspectActions({ prospectId, snoozedUntil, zone, onChanged }: Props) {
  const [until, setUntil] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [losing, setLosing] = useState(false);
  const id = encodeURIComponent(prospectId);

  const act = async (path: string, body: unknown, words: (answer: unknown) => string) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await api<unknown>('POST', path, body);
      setDone(words(answer));
      setLosing(false);
      onChanged();
    } catch (e) {
      setError(problem(e));
    } finally {
      setBusy(false);
    }
  };
  const deal = (result: 'won' | 'lost') =>
    act(`/api/prospects/${id}/events`, { type: 'deal', result }, () =>
      result === 'won'
        ? 'Logged the deal as won: a customer now.'
        : 'Logged the deal as lost: nurtured from now on.',
    );

  return (
    <div className="prospect-actions">
      <form
        className="snooze"
        onSubmit={(e) => {
          e.preventDefault();
          void act(`/api/prospects/${id}/snooze`, { until }, (page) => {
            const at = (page as { snoozedUntil: string | null }).snoozedUntil;
            setUntil('');
            return at === null ? 'Back on the agenda.' : `Snoozed until ${when(at, zone)}.`;
          });
        }}
      >
        <label>
          Snooze until
          <input
            required
            value={until}
            placeholder="next monday 9:00"
            onChange={(e) => setUntil(e.target.value)}
          />
        </label>
        <button type="submit" className="quiet" disabled={busy}>
          Snooze
        </button>
        {snoozedUntil !== null && Date.parse(snoozedUntil) > Date.now() && (
          <span className="hint">Snoozed until {when(snoozedUntil, zone)}.</span>
        )}
      </form>
      <div className="buttons" role="group" aria-label="The deal">
        <button type="button" className="quiet" disabled={busy} onClick={() => void deal('won')}>
          Deal won
        </button>
        {losing ? (
          <>
            <button type="button" disabled={busy} onClick={() => void deal('lost')}>
              Yes, the deal is lost
            </button>
            <button type="button" className="quiet" autoFocus onClick={() => setLosing(false)}>
              Keep chasing
            </button>
          </>
        ) : (
          <button type="button" className="quiet" disabled={busy} onClick={() => setLosing(true)}>
            Deal lost…
          </button>
        )}
        <UndoButton onUndone={(words) => setDone(words)} onChanged={onChanged} />
      </div>
      {done !== null && (
        <p role="status" className="hint">
          {done}
        </p>
      )}
      {error !== null && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}

interface UndoProps {
  /** What was taken back, in words. */
  onUndone: (words: string) => void;
  onChanged: () => void;
}

/** Takes back the last event the user logged, wherever it was (as `pursuit undo`). */
export function UndoButton({ onUndone, onChanged }: UndoProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="quiet"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          api<{ event: { type: string }; prospect: { name: string } }>('POST', '/api/undo').then(
            (r) => {
              onUndone(`Took back the last ${r.event.type} you logged, on ${r.prospect.name}.`);
              onChanged();
              setBusy(false);
            },
            (e: unknown) => {
              setError(problem(e));
              setBusy(false);
            },
          );
        }}
      >
        Undo last
      </button>
      {error !== null && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </>
  );
}
