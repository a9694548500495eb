// The drafted message: editable, with a copy button; the voicemail script beside it for a call.
// An email that Pursuit can send gets its Send buttons beside Copy (`actions`, given the text as
// edited), or a hint in their place (`hint`). Open or closed as the person leaves it, unless the
// page opens it (`open`, `onToggle`).

import { useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { copyText } from '../clipboard.js';
import type { Message } from '../types.js';

export interface DraftText {
  subject: string;
  body: string;
}

interface Props {
  message: Message;
  /** Buttons that act on the draft as it stands (Send), shown before Copy. */
  actions?: (text: DraftText) => ReactNode;
  /** A line under the buttons (how to get a Send button). */
  hint?: ReactNode;
  open?: boolean;
  onToggle?: (open: boolean) => void;
}

export function Draft({ message, actions, hint, open, onToggle }: Props) {
  // A text message's draft comes without a subject, and has none to edit.
  const texted = message.subject === '';
  const [subject, setSubject] = useState(message.subject);
  const [body, setBody] = useState(message.body);
  // yes: on the clipboard; selected: no clipboard here, the message is selected to copy by hand.
  const [copied, setCopied] = useState<'yes' | 'selected' | null>(null);
  const bodyInput = useRef<HTMLTextAreaElement>(null);
  const copy = async () => {
    if (await copyText(texted ? body : `Subject: ${subject}\n\n${body}`)) {
      setCopied('yes');
      setTimeout(() => setCopied(null), 1500);
    } else {
      bodyInput.current?.focus();
      bodyInput.current?.select();
      setCopied('selected');
    }
  };
  return (
    <details className="draft" open={open} onToggle={(e) => onToggle?.(e.currentTarget.open)}>
      <summary>{texted ? 'Draft text message' : `Draft: ${subject}`}</summary>
      {message.voicemail !== undefined && (
        <p className="voicemail">
          <span>Voicemail:</span> “{message.voicemail}”
        </p>
      )}
      {!texted && (
        <label>
          Subject
          <input value={subject} onChange={(e) => setSubject(e.target.value)} />
        </label>
      )}
      <label>
        Message
        <textarea ref={bodyInput} rows={7} value={body} onChange={(e) => setBody(e.target.value)} />
      </label>
      <div className="draft-actions">
        {actions?.({ subject, body })}
        <button type="button" className="quiet" onClick={() => void copy()}>
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </button>
        {copied !== null && (
          <span role="status" className={copied === 'selected' ? 'hint' : 'sr-only'}>
            {copied === 'yes'
              ? 'Copied to the clipboard.'
              : 'Selected: press Ctrl+C (⌘C on a Mac) to copy the message.'}
          </span>
        )}
      </div>
      {hint !== undefined && <p className="hint">{hint}</p>}
    </details>
  );
}
