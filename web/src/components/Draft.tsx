// The drafted message: editable, with a copy button; the voicemail script beside it for a call.

import { useState } from 'react';
import type { Message } from '../types.js';

export function Draft({ message }: { message: Message }) {
  const [subject, setSubject] = useState(message.subject);
  const [body, setBody] = useState(message.body);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(`Subject: ${subject}\n\n${body}`);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <details className="draft">
      <summary>Draft: {subject}</summary>
      {message.voicemail !== undefined && (
        <p className="voicemail">
          <span>Voicemail:</span> “{message.voicemail}”
        </p>
      )}
      <label>
        Subject
        <input value={subject} onChange={(e) => setSubject(e.target.value)} />
      </label>
      <label>
        Message
        <textarea rows={7} value={body} onChange={(e) => setBody(e.target.value)} />
      </label>
      <button type="button" className="quiet" onClick={() => void copy()}>
        {copied ? 'Copied' : 'Copy'}
      </button>
    </details>
  );
}
