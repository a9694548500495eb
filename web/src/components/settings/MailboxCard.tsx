// Your connected mailbox: its address, how it signs in, its servers, whether it works (else the last
// error and when), when its mail was last read; Test again, Change (the form again), and Disconnect
// after a confirmation in place.

import { useState } from 'react';
import { api } from '../../api.js';
import { when } from '../../format.js';
import type { Mailbox, MailServer } from '../../types.js';
import { Note, useAction } from './form.js';

const SECURITY = { tls: 'TLS', starttls: 'STARTTLS', none: 'no encryption' };

const serverText = (s: MailServer) => `${s.host}:${s.port}, ${SECURITY[s.security]}`;

interface Props {
  mailbox: Mailbox;
  zone: string;
  /** A test's outcome or a disconnection: the section reads the mailbox again. */
  onReload: () => Promise<unknown>;
  onTested: (mailbox: Mailbox) => void;
  onChange: () => void;
  /** A button was pressed: what the section said before no longer holds. */
  onAction: () => void;
  onDisconnected: (address: string) => Promise<unknown>;
}

export function MailboxCard(props: Props) {
  const { mailbox: m, zone, onReload, onTested, onChange, onAction, onDisconnected } = props;
  const [confirming, setConfirming] = useState(false);
  const action = useAction();

  const test = () => {
    onAction();
    void action.run(async () => {
      try {
        onTested(await api<Mailbox>('POST', '/api/mailbox/test'));
      } catch (error) {
        // A failed test is recorded: the mailbox now says it is failing.
        await onReload();
        throw error;
      }
      return 'Both servers answered: it works.';
    });
  };

  const disconnect = () => {
    onAction();
    void action.run(async () => {
      await api('DELETE', '/api/mailbox');
      await onDisconnected(m.address);
      return null;
    });
  };

  return (
    <div className="mailbox">
      <dl className="facts-list">
        <dt>Address</dt>
        <dd>
          {m.address}
          {m.displayName !== null && <> (as {m.displayName})</>}
        </dd>
        <dt>Signs in</dt>
        <dd>
          {m.auth === 'oauth2' ? 'with OAuth2' : 'with a password'}, as {m.username}
        </dd>
        <dt>Sends through</dt>
        <dd>{serverText(m.smtp)}</dd>
        <dt>Reads from</dt>
        <dd>{serverText(m.imap)}</dd>
        <dt>Sent copies</dt>
        <dd>{m.sentFolder === null ? 'not filed by Pursuit' : `filed by Pursuit in “${m.sentFolder}”`}</dd>
        <dt>Status</dt>
        <dd>
          {m.status === 'ok' ? (
            <span className="state ok">Working</span>
          ) : (
            <>
              <span className="state failing">Failing</span>
              {m.lastErrorAt !== null && <> since {when(m.lastErrorAt, zone)}</>}
              {m.lastError !== null && <>: {m.lastError}</>}
            </>
          )}
        </dd>
        <dt>Mail last read</dt>
        <dd>{m.lastSyncAt === null ? 'not yet' : when(m.lastSyncAt, zone)}</dd>
      </dl>
      {confirming ? (
        <div className="confirm" role="group" aria-labelledby="disconnect-question">
          <p id="disconnect-question">
            Disconnect {m.address}? Pursuit stops sending from it and reading it; emails waiting in the outbox
            will not go. What it logged stays.
          </p>
          <div className="buttons">
            <button type="button" className="danger" disabled={action.busy} onClick={disconnect}>
              Yes, disconnect
            </button>
            {/* The focus goes to the choice that changes nothing. */}
            <button type="button" className="quiet" autoFocus onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        </div>
      ) : (
        <div className="buttons">
          <button type="button" disabled={action.busy} onClick={test}>
            {action.busy ? 'Testing…' : 'Test again'}
          </button>
          <button type="button" className="quiet" onClick={onChange}>
            Change…
          </button>
          <button type="button" className="quiet danger" onClick={() => setConfirming(true)}>
            Disconnect
          </button>
        </div>
      )}
      <Note problem={action.problem} ok={action.ok} />
    </div>
  );
}
