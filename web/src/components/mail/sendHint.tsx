// The line an email's draft shows about sending it from Pursuit: where to connect a mailbox (only
// when none is connected and the server can take one), or that the mailbox failed its last check.

import type { ReactNode } from 'react';
import { navigate } from '../../App.js';
import type { MailSetup } from '../../types.js';

function SettingsLink({ children }: { children: ReactNode }) {
  return (
    <a
      href="/settings"
      onClick={(e) => {
        e.preventDefault();
        navigate('/settings');
      }}
    >
      {children}
    </a>
  );
}

/** The hint, or undefined when there is nothing to say. */
export function sendHint(setup: MailSetup | null): ReactNode | undefined {
  const mailbox = setup?.mailbox ?? null;
  if (mailbox === null)
    return setup?.canConnect === true ? (
      <>
        <SettingsLink>Connect your mailbox in Settings</SettingsLink> to send from Pursuit.
      </>
    ) : undefined;
  if (mailbox.status !== 'failing') return undefined;
  return (
    <>
      Your mailbox failed its last check ({mailbox.lastError ?? 'no answer'}):{' '}
      <SettingsLink>see Settings</SettingsLink>.
    </>
  );
}
