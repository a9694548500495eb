// Takes back the last thing the user logged, wherever it was (as `pursuit undo`): one event, or every
// event of one bulk action. The caller hears what went back.

import { useState } from 'react';
import { api, problem } from '../api.js';

export interface Undone {
  event: { type: string };
  prospect: { id: string; name: string };
  /** How many events went back: more than one for a bulk action. */
  count: number;
}

/** What went back, in words ("the last touch you logged, on Acme"). */
export function undoneWords(r: Undone): string {
  const others = r.count - 1;
  return `Took back the last ${r.event.type} you logged, on ${r.prospect.name}${
    others === 0 ? '' : `, and the ${others} logged with it`
  }.`;
}

export function UndoButton({
  label = 'Undo last',
  onUndone,
}: {
  label?: string;
  onUndone: (r: Undone) => void;
}) {
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
          api<Undone>('POST', '/api/undo').then(
            (r) => {
              setBusy(false);
              onUndone(r);
            },
            (e: unknown) => {
              setBusy(false);
              setError(problem(e));
            },
          );
        }}
      >
        {label}
      </button>
      {error !== null && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </>
  );
}
