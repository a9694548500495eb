// What a rep does to a prospect besides logging a touch: snooze it until a time typed as people say
// it ("next monday 9:00"), record the deal as won or lost (lost asks first), and take back the last
// thing they logged (Undo), as the command line's `pursuit undo` does.

import { useState } from 'react';
import { api, problem } from '../api.js';
import { when } from '../format.js';
import { UndoButton, undoneWords } from './UndoButton.js';

interface Props {
  prospectId: string;
  snoozedUntil: string | null;
  zone: string;
  /** The server's clock, as the page read it. */
  now: number;
  /** Something changed: read the prospect again. */
  onChanged: () => void;
}

export function ProspectActions({ prospectId, snoozedUntil, zone, now, onChanged }: Props) {
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
        {snoozedUntil !== null && Date.parse(snoozedUntil) > now && (
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
        <UndoButton
          onUndone={(r) => {
            setDone(undoneWords(r));
            onChanged();
          }}
        />
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
