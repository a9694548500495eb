// The outbox strip at the top of Today: the rep's emails still on their way, waiting for the rep to
// say whether one went, or failed lately; each with its prospect, subject, state and buttons.

import { navigate } from '../../App.js';
import type { Email } from '../../types.js';
import { EmailState } from './EmailState.js';

interface Props {
  emails: Email[];
  /** Prospect names by id, for those on the agenda; others go by the contact's name. */
  names: Map<string, string>;
  zone: string;
  now: number;
  onChange: (email: Email) => void;
}

export function OutboxStrip({ emails, names, zone, now, onChange }: Props) {
  if (emails.length === 0) return null;
  return (
    <section className="outbox" aria-labelledby="outbox-title">
      <h2 id="outbox-title">Outbox</h2>
      <ul>
        {emails.map((e) => (
          <li key={e.id} data-testid="outbox-email">
            <p className="what">
              <a
                href={`/prospects/${e.prospectId}`}
                onClick={(ev) => {
                  ev.preventDefault();
                  navigate(`/prospects/${e.prospectId}`);
                }}
              >
                {names.get(e.prospectId) ?? e.to.name ?? e.to.address}
              </a>{' '}
              <span className="subject">“{e.subject}”</span>
            </p>
            <EmailState email={e} zone={zone} now={now} onChange={onChange} />
          </li>
        ))}
      </ul>
    </section>
  );
}
