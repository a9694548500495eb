// Your personal API tokens: make one (its value is shown once, to copy), see when each was last
// used, revoke one after a confirmation.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../api.js';
import { copyText } from '../../clipboard.js';
import { when } from '../../format.js';
import type { User } from '../../types.js';
import { flag, Note, useAction } from './form.js';

interface Token {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A token just made, shown once with a button to copy it; keyed by the token, so each starts afresh. */
function NewToken({ made, onClose }: { made: { name: string; token: string }; onClose: () => void }) {
  const [copied, setCopied] = useState<string | null>(null);
  const secret = useRef<HTMLInputElement>(null);
  const copy = async () => {
    if (await copyText(made.token)) setCopied('Copied to the clipboard.');
    else {
      secret.current?.select();
      setCopied('Selected: copy it with Ctrl+C (⌘C on a Mac).');
    }
  };
  return (
    <div className="secret" role="region" aria-label="Your new token">
      <p>
        <strong>Your new token “{made.name}”.</strong> Copy it now: you will not see it again.
      </p>
      <div className="copy-row">
        <input
          ref={secret}
          className="code"
          readOnly
          value={made.token}
          aria-label="Token value"
          onFocus={(e) => e.target.select()}
        />
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      {copied !== null && (
        <p role="status" className="ok">
          {copied}
        </p>
      )}
      <button type="button" className="quiet" onClick={onClose}>
        I have copied it
      </button>
    </div>
  );
}

function TokenTable(props: { live: Token[]; zone: string; busy: boolean; onRevoke: (t: Token) => void }) {
  return (
    <table className="list tokens">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Created</th>
          <th scope="col">Last used</th>
          <th scope="col">
            <span className="sr-only">Revoke</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.live.map((t) => (
          <tr key={t.id}>
            <td data-label="Name">{t.name}</td>
            <td data-label="Created">{when(t.createdAt, props.zone)}</td>
            <td data-label="Last used">{t.lastUsedAt === null ? 'never' : when(t.lastUsedAt, props.zone)}</td>
            <td className="actions">
              <button
                type="button"
                className="quiet danger"
                aria-label={`Revoke ${t.name}`}
                disabled={props.busy}
                onClick={() => props.onRevoke(t)}
              >
                Revoke
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Tokens({ user }: { user: User }) {
  const [tokens, setTokens] = useState<Token[] | null>(null);
  const [name, setName] = useState('');
  const [made, setMade] = useState<{ name: string; token: string } | null>(null);
  const action = useAction();

  const load = useCallback(async () => setTokens(await api<Token[]>('GET', '/api/tokens')), []);
  useEffect(() => {
    load().catch(action.fail);
  }, [load, action.fail]);

  const create = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const r = await api<Token & { token: string }>('POST', '/api/tokens', { name });
      setMade({ name: r.name, token: r.token });
      setName('');
      await load();
      return null;
    });
  };

  const revoke = (t: Token) => {
    if (!window.confirm(`Revoke the token “${t.name}”? Anything using it stops working at once.`)) return;
    void action.run(async () => {
      await api('DELETE', `/api/tokens/${encodeURIComponent(t.id)}`);
      await load();
      return `Revoked “${t.name}”.`;
    });
  };

  const live = tokens?.filter((t) => t.revokedAt === null) ?? [];
  const revoked = (tokens?.length ?? 0) - live.length;
  return (
    <section aria-labelledby="tokens-title">
      <h2 id="tokens-title">Your API tokens</h2>
      <p className="hint">
        A token lets a script or another tool use the API as you: it sends{' '}
        <code>Authorization: Bearer pst_…</code>. Revoke a token you no longer use. Tokens keep working when
        you change your password; “Sign out everywhere” below revokes them all.
      </p>
      <form className="inline-form" onSubmit={create}>
        <label>
          Token name
          <input
            value={name}
            maxLength={100}
            required
            onChange={(e) => setName(e.target.value)}
            {...flag(action.problem, 'name')}
          />
        </label>
        <button type="submit" disabled={action.busy}>
          Create token
        </button>
      </form>
      {made !== null && <NewToken key={made.token} made={made} onClose={() => setMade(null)} />}
      <Note problem={action.problem} ok={action.ok} />
      {tokens === null ? (
        <p className="loading">Loading your tokens…</p>
      ) : live.length === 0 ? (
        <p className="hint">You have no live tokens.</p>
      ) : (
        <TokenTable live={live} zone={user.timezone} busy={action.busy} onRevoke={revoke} />
      )}
      {revoked > 0 && (
        <p className="hint">
          {revoked} revoked token{revoked === 1 ? '' : 's'} not shown.
        </p>
      )}
    </section>
  );
}
