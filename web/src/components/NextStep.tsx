// What Pursuit proposes after something was logged or sent: "Next: FOLLOW-UP by call in 3 days —
// why", or nothing.

import { actionLabel, relative } from '../format.js';
import type { Decision } from '../types.js';

export function NextStep({ next, now }: { next: Decision | null; now: number }) {
  return (
    <>
      Next:{' '}
      {next === null ? (
        'nothing'
      ) : (
        <>
          <strong>{actionLabel(next.action, next.channel)}</strong>
          {next.due !== undefined && <> {relative(next.due, now)}</>} — {next.reason}
        </>
      )}
    </>
  );
}
