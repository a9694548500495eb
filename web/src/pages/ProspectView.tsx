// A prospect: the current decision with its rule, reason, model numbers and diagnosis (its email
// sent from here when the rep's mailbox is connected); the email sent and the replies read, with
// how each was read; qualification and ICP fit; contacts, and adding one (a prospect without any
// has no decision until then); and the timeline of every touch, response and commitment.

import { useCallback, useEffect, useState } from 'react';
import { api, problem } from '../api.js';
import { AddContact } from '../components/AddContact.js';
import { CurveChart } from '../components/CurveChart.js';
import { DecisionDetails } from '../components/DecisionDetails.js';
import { Draft } from '../components/Draft.js';
import { LogControls } from '../components/LogControls.js';
import { Notes } from '../components/Notes.js';
import { EmailState } from '../components/mail/EmailState.js';
import { ProspectMail } from '../components/mail/ProspectMail.js';
import { SendButtons } from '../components/mail/SendButtons.js';
import { useDraftOpener } from '../components/mail/useDraftOpener.js';
import { when } from '../format.js';
import { EmailLink, PhoneLink } from '../components/ContactLinks.js';
import { ProspectActions } from '../components/ProspectActions.js';
import type { Email, MailSetup, ProspectPage, TimelineEvent, User } from '../types.js';

function describe(e: TimelineEvent, zone: string): string {
  switch (e.type) {
    case 'touch':
      return `${e.channel ?? ''} ${e.outcome ?? ''}`;
    case 'response':
      return `response: ${e.sentiment ?? ''}`;
    case 'commitment':
      return `commitment: ${e.kind ?? ''}${e.due === undefined ? '' : ` due ${when(e.due, zone)}`}${e.description === undefined ? '' : ` “${e.description}”`}`;
    case 'prep':
      return `prep note${e.objective === undefined ? '' : `: ${e.objective}`}`;
    case 'deal':
      return `deal ${e.result ?? ''}`;
    default:
      return e.type;
  }
}

const FLAGS = [
  ['serious', 'Serious about changing'],
  ['goalsClear', 'Goals are clear'],
  ['priceOnly', 'Price is all that matters'],
] as const;

export function ProspectView({ id, user }: { id: string; user: User }) {
  const [page, setPage] = useState<ProspectPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [setup, setSetup] = useState<MailSetup | null>(null);
  // Bumped when an email is sent from this page: the email section reads the list again.
  const [sent, setSent] = useState(0);
  // The email just sent from this page, shown where it was sent.
  const [email, setEmail] = useState<Email | null>(null);
  const opener = useDraftOpener<HTMLElement>();
  // The add-a-contact form: open (always, while the prospect has no contact), asked for the focus.
  const [adding, setAdding] = useState(false);
  const [focusKey, setFocusKey] = useState(0);
  const [added, setAdded] = useState<string | null>(null);

  useEffect(() => {
    api<MailSetup>('GET', '/api/mailbox').then(setSetup, () => undefined);
  }, []);

  const load = useCallback(async () => {
    try {
      setPage(await api<ProspectPage>('GET', `/api/prospects/${encodeURIComponent(id)}`));
    } catch (e) {
      setError(problem(e));
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  const patch = async (body: Record<string, unknown>) => {
    try {
      setPage(await api<ProspectPage>('PATCH', `/api/prospects/${encodeURIComponent(id)}`, body));
    } catch (e) {
      setError(problem(e));
    }
  };

  if (error !== null)
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  if (page === null) return <p className="loading">Loading…</p>;
  const addContact = () => {
    setAdding(true);
    setAdded(null);
    setFocusKey((n) => n + 1);
  };
  const names = new Map(page.contacts.map((c) => [c.id, c.name]));
  const canSend =
    page.decision?.channel === 'email' && page.decision.message !== undefined && setup?.mailbox != null;
  return (
    <article className="prospect">
      <h1>{page.name}</h1>
      <p className="facts">
        {page.standing} · {page.source}
        {page.dealValue !== null && <> · deal ${page.dealValue.toLocaleString('en-US')}</>} · owner{' '}
        {page.owner?.name ?? '?'}
      </p>
      <section ref={opener.holder} aria-labelledby="decision">
        <h2 id="decision">What to do next</h2>
        {page.decision === null ? (
          <p>
            No decision yet:{' '}
            <button type="button" className="link" onClick={addContact}>
              add a contact
            </button>
            .
          </p>
        ) : (
          <>
            {email !== null && (
              <div className={`email-result ${email.status}`}>
                <EmailState
                  email={email}
                  zone={user.timezone}
                  now={Date.parse(page.now)}
                  onChange={(e) => {
                    setEmail(e);
                    setSent((n) => n + 1);
                    void load();
                  }}
                />
              </div>
            )}
            <DecisionDetails decision={page.decision} zone={user.timezone} now={Date.parse(page.now)} />
            {page.responseCurve !== null && <CurveChart curve={page.responseCurve} />}
            {page.decision.message !== undefined && (
              <Draft
                // A new decision brings a new draft.
                key={`${page.decision.action}:${page.decision.message.subject}`}
                message={page.decision.message}
                open={opener.open}
                onToggle={opener.setOpen}
                actions={
                  canSend
                    ? (draft) => (
                        <SendButtons
                          prospectId={page.id}
                          draft={draft}
                          onSent={(e) => {
                            setEmail(e);
                            opener.setOpen(false);
                            opener.sent();
                            setSent((n) => n + 1);
                            void load();
                          }}
                        />
                      )
                    : undefined
                }
              />
            )}
            {page.decision.action !== 'wait' && page.decision.action !== 'stop' && (
              <LogControls
                prospectId={page.id}
                decision={page.decision}
                onLogged={() => void load()}
                sends={canSend}
                lead={
                  canSend && !opener.open ? (
                    <button type="button" onClick={opener.review}>
                      Review and send
                    </button>
                  ) : undefined
                }
              />
            )}
          </>
        )}
        <ProspectActions
          now={Date.parse(page.now)}
          prospectId={page.id}
          snoozedUntil={page.snoozedUntil}
          zone={user.timezone}
          onChanged={() => void load()}
        />
      </section>
      <section aria-labelledby="email">
        <h2 id="email">Email</h2>
        <ProspectMail
          prospectId={page.id}
          user={user}
          now={Date.parse(page.now)}
          version={sent}
          onDecided={() => {
            // What was said about the email sent from here may no longer hold.
            setEmail(null);
            void load();
          }}
        />
      </section>
      <Notes prospectId={page.id} zone={user.timezone} now={Date.parse(page.now)} />
      <section aria-labelledby="qualification">
        <h2 id="qualification">Qualification</h2>
        <div className="toggles">
          <label>
            ICP fit
            <select value={page.icpFit} onChange={(e) => void patch({ icpFit: e.target.value })}>
              {['fit', 'partial', 'poor', 'unknown'].map((v) => (
                <option key={v}>{v}</option>
              ))}
            </select>
          </label>
          {FLAGS.map(([key, label]) => (
            <label key={key}>
              {label}
              <select
                value={page.qualification[key] === null ? 'unknown' : page.qualification[key] ? 'yes' : 'no'}
                onChange={(e) =>
                  void patch({ [key]: e.target.value === 'unknown' ? null : e.target.value === 'yes' })
                }
              >
                <option>yes</option>
                <option>no</option>
                <option>unknown</option>
              </select>
            </label>
          ))}
        </div>
      </section>
      <section aria-labelledby="contacts">
        <h2 id="contacts">Contacts</h2>
        {page.contacts.length === 0 ? (
          <p className="hint">No contacts yet.</p>
        ) : (
          <ul className="contacts">
            {page.contacts.map((c) => (
              <li key={c.id}>
                <strong>{c.name}</strong> ({c.role})
                {c.email !== null && (
                  <>
                    {' · '}
                    <EmailLink value={c.email} quiet={c.doNotContact} />
                    {c.emailBouncedAt !== null && (
                      <>
                        {' '}
                        <span className="badge stop">email bounced</span>
                      </>
                    )}
                  </>
                )}
                {c.phone !== null && (
                  <>
                    {' · '}
                    <PhoneLink value={c.phone} quiet={c.doNotContact} />
                  </>
                )}
                {c.doNotContact && (
                  <>
                    {' '}
                    <span className="badge stop">do not contact</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        {added !== null && (
          <p role="status" className="hint">
            Added {added}.
          </p>
        )}
        {adding || page.contacts.length === 0 ? (
          <AddContact
            // A fresh form for each contact.
            key={page.contacts.length}
            prospectId={page.id}
            contacts={page.contacts}
            zone={user.timezone}
            focusKey={focusKey}
            onAdded={(next, name) => {
              setPage(next);
              setAdded(name);
              setAdding(false);
            }}
            onCancel={page.contacts.length === 0 ? undefined : () => setAdding(false)}
          />
        ) : (
          <button type="button" className="quiet" onClick={addContact}>
            Add a contact
          </button>
        )}
      </section>
      <section aria-labelledby="timeline">
        <h2 id="timeline">Timeline</h2>
        <ol className="timeline" reversed>
          {[...page.events].reverse().map((e) => (
            <li key={e.id}>
              <time dateTime={e.at}>{when(e.at, user.timezone)}</time> {describe(e, user.timezone)}
              {e.contactId !== undefined && names.has(e.contactId) && <> · {names.get(e.contactId)}</>}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
