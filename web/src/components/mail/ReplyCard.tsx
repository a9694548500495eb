// A message read from a prospect: a reply with how Pursuit read it (a chip with the kind and its
// date, the confidence when low, the deciding phrases marked in their own words, whether it was
// counted) and the correction; or a bounce, with why.

import { when } from '../../format.js';
import type { Reply, User } from '../../types.js';
import { Correction } from './Correction.js';
import { Highlighted } from './Highlighted.js';
import { SURE, kindLabel, readingLabel } from './words.js';

interface Props {
  prospectId: string;
  reply: Reply;
  user: User;
  onCorrected: (reply: Reply) => void;
}

export function ReplyCard({ prospectId, reply, user, onCorrected }: Props) {
  const r = reply.reading;
  if (r === null)
    return (
      <li className="mail in bounce" data-testid="reply">
        <p className="meta">
          <span className="chip bounce">Bounced</span>{' '}
          <time dateTime={reply.receivedAt}>{when(reply.receivedAt, user.timezone)}</time>
        </p>
        <p className="mail-text">{reply.text}</p>
      </li>
    );
  return (
    <li className="mail in" data-testid="reply">
      <p className="meta">
        <span className="direction">From {reply.from}</span> ·{' '}
        <time dateTime={reply.receivedAt}>{when(reply.receivedAt, user.timezone)}</time>
      </p>
      <p className="subject">{reply.subject}</p>
      <p className="reading">
        <span className={`chip ${r.kind}`}>{readingLabel(r)}</span>
        {r.corrected !== null ? (
          <span className="hint">
            {r.corrected.by === user.id ? 'corrected by you' : 'corrected'} (Pursuit read it as{' '}
            {kindLabel(r.corrected.from).toLowerCase()})
          </span>
        ) : (
          r.confidence < SURE && (
            <span className="hint unsure">not sure ({Math.round(r.confidence * 100)}%): check it</span>
          )
        )}
        {r.automatic && !r.counted && <span className="hint">automatic reply, not counted</span>}
        {!r.automatic && !r.counted && <span className="hint">not counted</span>}
      </p>
      <blockquote className="mail-text">
        {/* The words that decided Pursuit's reading no longer explain a kind the rep chose. */}
        <Highlighted text={reply.text} phrases={r.corrected === null ? r.phrases : []} />
      </blockquote>
      {reply.contactId !== null && (
        <Correction prospectId={prospectId} reply={{ ...reply, reading: r }} onCorrected={onCorrected} />
      )}
    </li>
  );
}
