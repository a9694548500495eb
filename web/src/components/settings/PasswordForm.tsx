// Changing your own password, with the current one; this browser stays signed in, every other
// browser signed in as you is signed out.

import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, setCsrf } from '../../api.js';
import type { User } from '../../types.js';
import { FIELDS, flag, FormEnd, Note, PasswordField, useAction } from './form.js';

export function PasswordForm({ user }: { user: User }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const action = useAction();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (next !== again) {
      action.setProblem({ text: `${FIELDS.again}: the two new passwords differ`, path: 'again' });
      return;
    }
    void action.run(async () => {
      const r = await api<{ csrf: string | null }>(
        'PUT',
        `/api/users/${encodeURIComponent(user.id)}/password`,
        {
          password: next,
          currentPassword: current,
        },
      );
      // The change signed out every browser; the server signed this one in again.
      if (r.csrf !== null) setCsrf(r.csrf);
      setCurrent('');
      setNext('');
      setAgain('');
      return 'Your password is changed. Any other browser signed in as you has been signed out; your API tokens keep working (Sign out everywhere ends them too).';
    });
  };

  return (
    <section aria-labelledby="password-title">
      <h2 id="password-title">Change your password</h2>
      <form className="fields" onSubmit={submit}>
        <input type="email" hidden readOnly autoComplete="username" value={user.email} />
        <PasswordField
          label="Current password"
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
          flagged={flag(action.problem, 'currentPassword')}
        />
        <PasswordField
          label="New password"
          autoComplete="new-password"
          describedBy="password-rule"
          value={next}
          onChange={setNext}
          flagged={flag(action.problem, 'password')}
        />
        <PasswordField
          label="Repeat the new password"
          autoComplete="new-password"
          value={again}
          onChange={setAgain}
          flagged={flag(action.problem, 'again')}
        />
        <FormEnd label="Change password" busy={action.busy} />
      </form>
      <p className="hint" id="password-rule">
        At least 10 characters; a few unrelated words make a good one.
      </p>
      <Note problem={action.problem} ok={action.ok} />
    </section>
  );
}
