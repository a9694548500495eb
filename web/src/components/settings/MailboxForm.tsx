// Connecting your mailbox (or changing it): the address, the provider (Gmail and Microsoft 365 bring
// their servers; Other asks for them), the sign-in (a password, or OAuth2), and whether Pursuit
// files a copy of what it sends in Sent. Both servers are tried before anything is kept; a failure
// marks the input it is most likely about.

import { useId, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { api } from '../../api.js';
import type { Mailbox, Security } from '../../types.js';
import { FormEnd, Note, useAction } from './form.js';
import type { Problem } from './form.js';

type Provider = '' | 'gmail' | 'microsoft' | 'other';

interface Fields {
  address: string;
  provider: Provider;
  smtpHost: string;
  smtpPort: string;
  smtpSecurity: Security;
  imapHost: string;
  imapPort: string;
  imapSecurity: Security;
  username: string;
  password: string;
  oauth: boolean;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  tokenUrl: string;
  fileSent: boolean;
}

const PORTS = {
  smtp: { tls: 465, starttls: 587, none: 25 },
  imap: { tls: 993, starttls: 143, none: 143 },
};

const PROVIDER_HINTS: Record<Provider, ReactNode> = {
  '': 'Choose where your mail is: Gmail and Microsoft 365 need no server names.',
  gmail: (
    <>
      Pursuit sends through smtp.gmail.com and reads imap.gmail.com. Sign in with an{' '}
      <strong>app password</strong> (Google Account › Security › 2-Step Verification › App passwords), not
      your usual password; or use OAuth2.
    </>
  ),
  microsoft: (
    <>
      Pursuit sends through smtp.office365.com and reads outlook.office365.com. Use an{' '}
      <strong>app password</strong> if your IT allows them, else OAuth2 with an app your IT registers; sending
      by SMTP must be switched on for your mailbox.
    </>
  ),
  other: 'Your provider’s help pages list these servers. Leave a port empty for the usual one.',
};

/** The form's fields for a mailbox already connected (a password must be typed again). */
function fromMailbox(m: Mailbox): Fields {
  const provider: Provider =
    m.smtp.host === 'smtp.gmail.com' ? 'gmail' : m.smtp.host === 'smtp.office365.com' ? 'microsoft' : 'other';
  return {
    ...blank(m.address),
    provider,
    smtpHost: m.smtp.host,
    smtpPort: String(m.smtp.port),
    smtpSecurity: m.smtp.security,
    imapHost: m.imap.host,
    imapPort: String(m.imap.port),
    imapSecurity: m.imap.security,
    username: m.username,
    oauth: m.auth === 'oauth2',
    fileSent: m.sentFolder !== null,
  };
}

function blank(address: string): Fields {
  return {
    address,
    provider: '',
    smtpHost: '',
    smtpPort: '',
    smtpSecurity: 'tls',
    imapHost: '',
    imapPort: '',
    imapSecurity: 'tls',
    username: '',
    password: '',
    oauth: false,
    clientId: '',
    clientSecret: '',
    refreshToken: '',
    tokenUrl: '',
    fileSent: false,
  };
}

/** Gmail and Microsoft addresses say their provider; a company's own domain does not. */
function guess(address: string): Provider {
  if (/@(gmail|googlemail)\.com$/i.test(address)) return 'gmail';
  if (/@(outlook|hotmail|live)\.[a-z.]+$/i.test(address)) return 'microsoft';
  return '';
}

/**
 * The input (its key in the form) a problem is about. A server that refused the sign-in points at
 * the password (or the OAuth2 refresh token); one that could not be reached, at its name (Other)
 * or at the password (Gmail, Microsoft 365: their servers are known).
 */
function culprit(p: Problem | null, f: Fields): string | undefined {
  if (p?.path === undefined) return undefined;
  if (p.path.startsWith('oauth.')) return p.path.slice('oauth.'.length);
  if (p.path === 'oauth') return /invalid_client/i.test(p.text) ? 'clientId' : 'refreshToken';
  if (p.path !== 'smtp' && p.path !== 'imap') return p.path;
  if (f.provider !== 'other' || /auth|login|password|credential|535|534|invalid_grant/i.test(p.text))
    return f.oauth ? 'refreshToken' : 'password';
  return `${p.path}Host`;
}

function SecuritySelect(props: {
  label: string;
  value: Security;
  onChange: (s: Security) => void;
  flagged: object;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as Security)}
        {...props.flagged}
      >
        <option value="tls">TLS (SSL)</option>
        <option value="starttls">STARTTLS</option>
        <option value="none">None (this machine only)</option>
      </select>
    </div>
  );
}

interface Props {
  /** The mailbox being changed, if any. */
  current: Mailbox | null;
  /** Where a new form starts: the person's own address. */
  address: string;
  /** `askedToFile`: whether copies were to be filed in Sent (the mailbox says whether it found one). */
  onConnected: (mailbox: Mailbox, askedToFile: boolean) => void;
  onCancel?: () => void;
}

export function MailboxForm({ current, address, onConnected, onCancel }: Props) {
  const [f, setF] = useState<Fields>(() =>
    current === null ? { ...blank(address), provider: guess(address) } : fromMailbox(current),
  );
  // Until edited, the username follows the address and "file a copy" follows the provider.
  const [touched, setTouched] = useState({
    username: current !== null && current.username !== current.address,
    fileSent: current !== null,
    provider: current !== null,
  });
  const action = useAction();
  const providerId = useId();
  const oauthId = useId();

  /** Changes fields; `edited` is one the person changed by hand, which stops following the others. */
  const set = (patch: Partial<Fields>, edited?: keyof typeof touched) => {
    const t = edited === undefined ? touched : { ...touched, [edited]: true };
    if (edited !== undefined) setTouched(t);
    setF((old) => {
      const next = { ...old, ...patch };
      if (!t.username) next.username = next.address;
      if (!t.provider && patch.address !== undefined) next.provider = guess(next.address);
      if (!t.fileSent) next.fileSent = next.provider === 'other';
      return next;
    });
  };

  const wrong = culprit(action.problem, f);
  const mark = (key: string) =>
    wrong === key
      ? { 'aria-invalid': true, 'aria-describedby': `problem-${action.problem?.path ?? ''}` }
      : {};

  const input = (
    label: string,
    key: keyof Fields & string,
    extra: Record<string, unknown> = {},
    edited?: keyof typeof touched,
  ) => (
    <label>
      {label}
      <input
        value={f[key] as string}
        onChange={(e) => set({ [key]: e.target.value }, edited)}
        {...extra}
        {...mark(key)}
      />
    </label>
  );

  const server = (kind: 'smtp' | 'imap', legend: string) => {
    const security = f[`${kind}Security`];
    return (
      <fieldset className="server">
        <legend>{legend}</legend>
        {input(kind === 'smtp' ? 'SMTP server' : 'IMAP server', `${kind}Host`, {
          required: true,
          autoComplete: 'off',
          spellCheck: false,
          placeholder: kind === 'smtp' ? 'smtp.example.com' : 'imap.example.com',
        })}
        {input('Port', `${kind}Port`, {
          type: 'number',
          min: 1,
          max: 65535,
          inputMode: 'numeric',
          placeholder: String(PORTS[kind][security]),
        })}
        <SecuritySelect
          label="Security"
          value={security}
          onChange={(s) => set({ [`${kind}Security`]: s })}
          flagged={mark(`${kind}Security`)}
        />
      </fieldset>
    );
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const other = f.provider === 'other';
      const port = (p: string) => (p.trim() === '' ? undefined : Number(p));
      const sp = port(f.smtpPort);
      const ip = port(f.imapPort);
      const mailbox = await api<Mailbox>('PUT', '/api/mailbox', {
        address: f.address.trim(),
        ...(f.provider === '' ? {} : { provider: f.provider }),
        ...(other
          ? {
              smtpHost: f.smtpHost.trim(),
              ...(sp === undefined ? {} : { smtpPort: sp }),
              smtpSecurity: f.smtpSecurity,
              imapHost: f.imapHost.trim(),
              ...(ip === undefined ? {} : { imapPort: ip }),
              imapSecurity: f.imapSecurity,
            }
          : {}),
        ...(f.username.trim() === '' ? {} : { username: f.username.trim() }),
        ...(f.oauth
          ? {
              oauth: {
                clientId: f.clientId.trim(),
                refreshToken: f.refreshToken.trim(),
                ...(f.clientSecret === '' ? {} : { clientSecret: f.clientSecret }),
                ...(f.tokenUrl.trim() === '' ? {} : { tokenUrl: f.tokenUrl.trim() }),
              },
            }
          : { password: f.password }),
        fileSent: f.fileSent,
      });
      onConnected(mailbox, f.fileSent);
      return null;
    });
  };

  return (
    <form className="mailbox-form" onSubmit={submit} aria-label="Connect your mailbox">
      <div className="fields">
        {input('Email address', 'address', { type: 'email', required: true, autoComplete: 'email' })}
        <div className="field">
          <label htmlFor={providerId}>Provider</label>
          <select
            id={providerId}
            required
            value={f.provider}
            onChange={(e) => set({ provider: e.target.value as Provider }, 'provider')}
            aria-describedby={`${providerId}-hint`}
            {...mark('provider')}
          >
            <option value="" disabled>
              Choose…
            </option>
            <option value="gmail">Gmail (Google Workspace)</option>
            <option value="microsoft">Microsoft 365 (Outlook)</option>
            <option value="other">Other</option>
          </select>
        </div>
        <p className="hint form-note" id={`${providerId}-hint`}>
          {PROVIDER_HINTS[f.provider]}
        </p>
      </div>
      {f.provider === 'other' && (
        <div className="servers">
          {server('smtp', 'Sending (SMTP)')}
          {server('imap', 'Reading (IMAP)')}
        </div>
      )}
      <div className="fields">
        {input(
          'Username',
          'username',
          { required: true, autoComplete: 'off', spellCheck: false },
          'username',
        )}
        {!f.oauth && (
          <label>
            {current === null ? 'Password' : 'Password (type it again)'}
            <input
              type="password"
              required
              autoComplete="new-password"
              value={f.password}
              onChange={(e) => set({ password: e.target.value })}
              {...mark('password')}
            />
          </label>
        )}
      </div>
      <button
        type="button"
        className="link"
        aria-expanded={f.oauth}
        aria-controls={oauthId}
        onClick={() => set({ oauth: !f.oauth })}
      >
        {f.oauth ? 'Use a password instead' : 'Use OAuth2 instead'}
      </button>
      <div id={oauthId}>
        {f.oauth && (
          <fieldset className="oauth fields">
            <legend>OAuth2</legend>
            {input('Client ID', 'clientId', { required: true, autoComplete: 'off', spellCheck: false })}
            {input('Client secret', 'clientSecret', { type: 'password', autoComplete: 'new-password' })}
            {input('Refresh token', 'refreshToken', {
              type: 'password',
              required: true,
              autoComplete: 'new-password',
            })}
            {input('Token URL', 'tokenUrl', {
              type: 'url',
              required: f.provider === 'other',
              spellCheck: false,
              placeholder:
                f.provider === 'gmail'
                  ? 'Google’s, unless you say otherwise'
                  : f.provider === 'microsoft'
                    ? 'Microsoft’s, unless you say otherwise'
                    : 'https://…',
            })}
            <p className="hint form-note">
              From the app registered with your provider (Google Cloud, Microsoft Entra ID). Pursuit renews
              the access token itself.
            </p>
          </fieldset>
        )}
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={f.fileSent}
          onChange={(e) => set({ fileSent: e.target.checked }, 'fileSent')}
        />
        File a copy of sent emails in Sent
      </label>
      <p className="hint">Gmail and Microsoft 365 do this themselves; most other servers do not.</p>
      <FormEnd
        label={current === null ? 'Connect mailbox' : 'Save and reconnect'}
        busy={action.busy}
        onCancel={onCancel}
      />
      {action.busy && (
        <p role="status" className="hint">
          Connecting (trying both servers)…
        </p>
      )}
      <Note problem={action.problem} ok={action.ok} />
    </form>
  );
}
