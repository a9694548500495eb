// An email sent from an agenda item, as the item shows it: its state and buttons, then, once its
// touch is logged (sent, or bounced), the next step the server decided after it.

import { useEffect, useState } from 'react';
import { api } from '../../api.js';
import type { Decision, Email, ProspectPage } from '../../types.js';
import { NextStep } from '../NextStep.js';
import { EmailState } from './EmailState.js';

interface Props {
  email: Email;
  zone: string;
  now: number;
  onChange: (email: Email) => void;
}

export function EmailResult({ email, zone, now, onChange }: Props) {
  const [next, setNext] = useState<Decision | null | undefined>(undefined);
  const logged = email.status === 'sent' || email.status === 'bounced';
  useEffect(() => {
    if (!logged) return;
    let live = true;
    api<ProspectPage>('GET', `/api/prospects/${encodeURIComponent(email.prospectId)}`).then(
      (page) => live && setNext(page.decision),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [logged, email.prospectId]);
  return (
    <div className={`email-result ${email.status}`}>
      <EmailState email={email} zone={zone} now={now} onChange={onChange}>
        {logged && next !== undefined ? <NextStep next={next} now={now} /> : undefined}
      </EmailState>
    </div>
  );
}
