// One action of the rep's day. Detailed, it shows who, how and when, the reason, the draft (sent from
// Pursuit when the rep's mailbox is connected) and one-click logging. Compact, it is one line (who,
// what, why in short, when, the deal's value) that opens in place to the same details. Either way it
// can be chosen for a bulk action, and the last thing logged on the page can be taken back.

import { useState } from 'react';
import { navigate } from '../../App.js';
import { actionLabel, money, relative, timeOf, when } from '../../format.js';
import type { AgendaItem, Decision, Email, MailSetup } from '../../types.js';
import { EmailLink, PhoneLink } from '../ContactLinks.js';
import { Draft } from '../Draft.js';
import { LogControls } from '../LogControls.js';
import { NextStep } from '../NextStep.js';
import { UndoButton, undoneWords } from '../UndoButton.js';
import { EmailResult } from '../mail/EmailResult.js';
import { SendButtons } from '../mail/SendButtons.js';
import { sendHint } from '../mail/sendHint.js';
import { useDraftOpener } from '../mail/useDraftOpener.js';
import { OPEN } from '../mail/words.js';

/** The email channel as every item sees it. */
export interface Mail {
  setup: MailSetup | null;
  /** The rep's own outbox, newest first. */
  outbox: Email[];
  onEmail: (email: Email) => void;
}

interface Done {
  note: string;
  next: Decision | null;
  invite: boolean;
}

export interface ItemProps {
  item: AgendaItem;
  zone: string;
  now: number;
  mail: Mail;
  /** One line that opens in place, or every detail at once. */
  compact: boolean;
  /** Opened in place (compact only). */
  open: boolean;
  onOpen: (open: boolean) => void;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  /** Something was logged here (or taken back: null). */
  onLogged: (note: string | null) => void;
  /** The last thing logged on this page was logged here: it may be taken back. */
  last: boolean;
}

export function Item(props: ItemProps) {
  const { item, zone, now, compact, open, selected } = props;
  // What was logged here, kept while the item is closed.
  const [done, setDone] = useState<Done | null>(null);
  const d = item.decision;
  const name = item.prospect.name;
  const shown = !compact || open;
  return (
    <li
      className={`item${item.fits ? '' : ' later'}${compact ? ' compact' : ''}${selected ? ' selected' : ''}`}
      data-testid="agenda-item"
      data-prospect={item.prospect.id}
      tabIndex={-1}
    >
      <div className="head">
        <input
          type="checkbox"
          className="pick"
          aria-label={`Choose ${name}`}
          checked={selected}
          onChange={(e) => props.onSelect(e.target.checked)}
        />
        <a
          className="prospect"
          href={`/prospects/${item.prospect.id}`}
          onClick={(e) => {
            e.preventDefault();
            navigate(`/prospects/${item.prospect.id}`);
          }}
        >
          {name}
        </a>
        {compact ? (
          <>
            <span className={`badge ${d.action}`}>{actionLabel(d.action, d.channel)}</span>
            {!open && (
              <span className="gist">{done === null ? d.reason : `Logged ${done.note.toLowerCase()}.`}</span>
            )}
            <span className="at" title={when(item.due, zone)}>
              {timeOf(item.due, zone, now)}
              {Date.parse(item.due) < now && <span className="overdue"> · overdue</span>}
            </span>
            <span className="value">
              {item.prospect.dealValue !== null && money(item.prospect.dealValue)}
            </span>
            <button
              type="button"
              className="quiet toggle"
              aria-expanded={open}
              aria-label={`${open ? 'Close' : 'Open'} ${name}`}
              onClick={() => props.onOpen(!open)}
            >
              {open ? '▾' : '▸'}
            </button>
          </>
        ) : (
          <>
            <Who item={item} />
            <span className={`badge ${d.action}`}>{actionLabel(d.action, d.channel)}</span>
          </>
        )}
      </div>
      {shown && <Details {...props} done={done} setDone={setDone} />}
    </li>
  );
}

/** The contact, with a link that calls, texts or writes to them as the action wants. */
function Who({ item }: { item: AgendaItem }) {
  const { contact, decision: d } = item;
  if (contact === null) return null;
  return (
    <span className="contact">
      {contact.name}
      {(d.channel === 'call' || d.channel === 'sms') && contact.phone !== null && (
        <>
          {' · '}
          <PhoneLink value={contact.phone} quiet={contact.doNotContact} text={d.channel === 'sms'} />
        </>
      )}
      {d.channel === 'email' && contact.email !== null && (
        <>
          {' · '}
          <EmailLink value={contact.email} quiet={contact.doNotContact} />
        </>
      )}
    </span>
  );
}

interface DetailsProps extends ItemProps {
  done: Done | null;
  setDone: (done: Done | null) => void;
}

function Details({ item, zone, now, mail, compact, onLogged, last, done, setDone }: DetailsProps) {
  // The email sent from this item, if any; else one already on its way to the prospect.
  const [sentId, setSentId] = useState<string | null>(null);
  const d = item.decision;
  const byEmail = d.channel === 'email' && d.message !== undefined;
  const email =
    mail.outbox.find((o) => o.id === sentId) ??
    (byEmail ? mail.outbox.find((o) => o.prospectId === item.prospect.id && OPEN.has(o.status)) : undefined);
  const canSend = byEmail && mail.setup?.mailbox != null;
  // Sent, or on its way: the email stands for the logging buttons. Failed or cancelled: try again.
  const busy = email !== undefined && email.status !== 'failed' && email.status !== 'cancelled';
  const opener = useDraftOpener<HTMLDivElement>();
  return (
    <div className="details" ref={opener.holder}>
      {compact && <Who item={item} />}
      <p className="when">
        {when(item.due, zone)} · {relative(item.due, now)} · {item.minutes} min
        {item.prospect.dealValue !== null && <> · deal {money(item.prospect.dealValue)}</>}
      </p>
      <p className="reason">{d.reason}</p>
      {d.message !== undefined && (
        <Draft
          message={d.message}
          open={opener.open}
          onToggle={opener.setOpen}
          actions={
            canSend && !busy
              ? (draft) => (
                  <SendButtons
                    prospectId={item.prospect.id}
                    draft={draft}
                    onSent={(sent) => {
                      mail.onEmail(sent);
                      setSentId(sent.id);
                      opener.sent();
                    }}
                  />
                )
              : undefined
          }
          hint={byEmail && !busy ? sendHint(mail.setup) : undefined}
        />
      )}
      {email !== undefined && done === null && (
        <EmailResult email={email} zone={zone} now={now} onChange={mail.onEmail} />
      )}
      {done !== null ? (
        <div className="next" role="status">
          <p>
            Logged {done.note.toLowerCase()}. <NextStep next={done.next} now={now} />
          </p>
          {done.invite && (
            <a className="button" href={`/api/prospects/${item.prospect.id}/invite.ics`} download>
              Download the invite (.ics)
            </a>
          )}
          {last && (
            <TakeBack
              prospectId={item.prospect.id}
              onTaken={() => {
                setDone(null);
                onLogged(null);
              }}
            />
          )}
        </div>
      ) : busy ? null : (
        <LogControls
          prospectId={item.prospect.id}
          decision={d}
          onLogged={(next, note) => {
            setDone({ note, next, invite: note === 'commitment' });
            onLogged(note);
          }}
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
    </div>
  );
}

/**
 * Takes back what was just logged on this item (the server's undo: the user's last logged event). When
 * the user logged something since elsewhere (another tab), that is what went back, and it says so.
 */
function TakeBack({ prospectId, onTaken }: { prospectId: string; onTaken: () => void }) {
  const [said, setSaid] = useState<string | null>(null);
  return (
    <>
      <UndoButton
        label="Undo"
        onUndone={(r) =>
          r.prospect.id === prospectId && r.count === 1 ? onTaken() : setSaid(undoneWords(r))
        }
      />
      {said !== null && <span className="hint">{said}</span>}
    </>
  );
}
