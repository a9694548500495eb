// Settings › Your mailbox: the rep's own mailbox, which Pursuit sends their emails from and reads
// the replies in. Without the server's secret key there is nothing to connect (the admin is told what
// to set); else the form to connect one, or the connected mailbox with its state. It says when
// one-click unsubscribe links are off.

import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api.js';
import type { MailSetup, User } from '../../types.js';
import { Note, useAction } from './form.js';
import { MailboxCard } from './MailboxCard.js';
import { MailboxForm } from './MailboxForm.js';

export function MailboxSettings({ user }: { user: User }) {
  const [setup, setSetup] = useState<MailSetup | null>(null);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const loading = useAction();
  const { fail } = loading;

  const load = useCallback(() => api<MailSetup>('GET', '/api/mailbox').then(setSetup, fail), [fail]);
  useEffect(() => {
    void load();
  }, [load]);

  const body = () => {
    if (setup === null) return <p className="loading">Loading your mailbox…</p>;
    if (!setup.canConnect)
      return (
        <p>
          Sending email from Pursuit is not switched on for this server. Its admin must set{' '}
          <code>PURSUIT_SECRET_KEY</code> (the key that keeps mailbox passwords sealed) and restart Pursuit;
          then you can connect your mailbox here. Until then, copy the drafts into your own email.
        </p>
      );
    const mailbox = setup.mailbox;
    if (mailbox === null || editing)
      return (
        <MailboxForm
          current={mailbox}
          address={user.email}
          onConnected={(connected, askedToFile) => {
            setSetup({ ...setup, mailbox: connected });
            setEditing(false);
            setNotice(
              `Connected ${connected.address}: both servers answered.${
                askedToFile && connected.sentFolder === null
                  ? ' Its server shows no Sent folder, so Pursuit files no copies of what it sends.'
                  : ''
              }`,
            );
          }}
          onCancel={mailbox === null ? undefined : () => setEditing(false)}
        />
      );
    return (
      <MailboxCard
        mailbox={mailbox}
        zone={user.timezone}
        onReload={load}
        onTested={(tested) => setSetup({ ...setup, mailbox: tested })}
        onChange={() => {
          setNotice(null);
          setEditing(true);
        }}
        onAction={() => setNotice(null)}
        onDisconnected={async (address) => {
          await load();
          setNotice(`Disconnected ${address}: Pursuit no longer sends from it or reads it.`);
        }}
      />
    );
  };

  return (
    <section aria-labelledby="mailbox-title">
      <h2 id="mailbox-title">Your mailbox</h2>
      <p className="hint">
        Pursuit sends your emails from your own mailbox, so they come from you and replies reach your inbox;
        it reads the replies to log them and decide what comes next.
      </p>
      {body()}
      {notice !== null && !editing && <Note problem={null} ok={notice} />}
      {loading.problem !== null && <Note problem={loading.problem} ok={null} />}
      {setup?.canConnect === true && !setup.oneClickUnsubscribe && (
        <p className="hint">
          One-click unsubscribe is off: the server’s admin has not set <code>PURSUIT_PUBLIC_URL</code>, so
          your emails offer unsubscribing by email only. Gmail and Yahoo expect a one-click link from anyone
          who sends a lot.
        </p>
      )}
    </section>
  );
}
