// Signing out everywhere and revoking every API token: for a lost laptop or a leaked token. A
// password change ends the other browsers but keeps tokens (scripts keep working); this ends both,
// this browser too, and then shows the sign-in page.

import { api } from '../../api.js';
import type { User } from '../../types.js';
import { Note, useAction } from './form.js';

export function SignOutEverywhere({ user }: { user: User }) {
  const action = useAction();
  const run = () => {
    const question =
      'Sign out of every browser, this one too, and revoke all your API tokens? Scripts using them stop working at once.';
    if (!window.confirm(question)) return;
    void action.run(async () => {
      await api('POST', `/api/users/${encodeURIComponent(user.id)}/sign-out-everywhere`);
      window.location.assign('/');
      return null;
    });
  };
  return (
    <section aria-labelledby="everywhere-title">
      <h2 id="everywhere-title">Sign out everywhere</h2>
      <p className="hint">
        Changing your password signs out your other browsers, but your API tokens keep working. If a device is
        lost or a token may have leaked, end both at once.
      </p>
      <button type="button" className="danger" disabled={action.busy} onClick={run}>
        Sign out everywhere and revoke tokens
      </button>
      <Note problem={action.problem} ok={action.ok} />
    </section>
  );
}
