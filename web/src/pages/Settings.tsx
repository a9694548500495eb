// Settings: your mailbox (to send email from Pursuit), your API tokens (a new one is shown once, to
// copy), your password and signing out everywhere, for everyone; for an admin, the organisation's
// people (add a user, change a role, manager or time zone, set someone's password), the audit log
// and the do-not-contact list. A refused change names the field it is about.

import { DoNotContact } from '../components/settings/DoNotContact.js';
import { MailboxSettings } from '../components/settings/Mailbox.js';
import { PasswordForm } from '../components/settings/PasswordForm.js';
import { People } from '../components/settings/People.js';
import { ZoneList } from '../components/settings/PersonFields.js';
import { Tokens } from '../components/settings/Tokens.js';
import { SignOutEverywhere } from '../components/settings/SignOutEverywhere.js';
import { AuditLog } from '../components/settings/AuditLog.js';
import type { User } from '../types.js';

export function Settings({ user }: { user: User }) {
  return (
    <div className="settings">
      <h1>Settings</h1>
      <p className="summary">
        Signed in as {user.name} &lt;{user.email}&gt;, {user.role}.
      </p>
      <ZoneList />
      <MailboxSettings user={user} />
      <Tokens user={user} />
      <PasswordForm user={user} />
      <SignOutEverywhere user={user} />
      {user.role === 'admin' && <People user={user} />}
      {user.role === 'admin' && <AuditLog user={user} />}
      {user.role === 'admin' && <DoNotContact user={user} />}
    </div>
  );
}
