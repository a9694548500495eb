// Test support for the email channel: real mail servers on 127.0.0.1, one independent set per
// startMailServers() call (own temp dir, own ports), so test files can run in parallel threads.
// It owns: a throw-away Dovecot (IMAP, LMTP delivery, passwd-file and OAuth2 logins, sieve), an
// in-process smtp-server that requires AUTH and delivers over LMTP the way an MTA would (queueing
// while Dovecot is down, bouncing unknown recipients with RFC 3464 reports), a tiny OAuth2 token
// endpoint, fault injection, and the real bounce samples of Debian's python3-flufl.bounce.
// test/support/mail.sh starts the same kind of Dovecot by hand; tests use this file.
// PURSUIT_DOVECOT names another Dovecot binary (default /usr/sbin/dovecot).

import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { connect, createServer as createNetServer } from 'node:net';
import type { AddressInfo, Server as NetServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import type { SMTPServerAuthentication, SMTPServerSession } from 'smtp-server';

/** What CI installs (.ci/run); also named in the skip reason. */
export const MAIL_APT_PACKAGES =
  'dovecot-core dovecot-imapd dovecot-lmtpd dovecot-sieve python3-flufl.bounce';

const DOVECOT = process.env.PURSUIT_DOVECOT ?? '/usr/sbin/dovecot';
// Debian keeps Dovecot's service binaries in /usr/lib/dovecot; other systems in /usr/libexec/dovecot.
const LIBEXEC = ['/usr/lib/dovecot', '/usr/libexec/dovecot'].find((d) => existsSync(join(d, 'imap')));
const IS_ROOT = process.getuid?.() === 0;
// The uid that owns the mailboxes: Debian's nobody when we can switch users, ourselves otherwise.
const MAIL_UID = IS_ROOT ? 65534 : (process.getuid?.() ?? 65534);
const MAIL_GID = IS_ROOT ? 65534 : (process.getgid?.() ?? 65534);

function findSkipReason(): string {
  const install = `install them with: apt-get install --no-install-recommends ${MAIL_APT_PACKAGES}`;
  if (!existsSync(DOVECOT)) return `Dovecot is not installed (no ${DOVECOT}); ${install}`;
  if (LIBEXEC === undefined) return `dovecot-imapd is not installed (no /usr/lib/dovecot/imap); ${install}`;
  if (!existsSync(join(LIBEXEC, 'lmtp')))
    return `dovecot-lmtpd is not installed (no ${LIBEXEC}/lmtp); ${install}`;
  if (IS_ROOT) {
    const passwd = readFileSafe('/etc/passwd');
    for (const user of ['dovecot', 'dovenull']) {
      if (!new RegExp(`^${user}:`, 'm').test(passwd))
        return `the ${user} user is missing; reinstall dovecot-core`;
    }
  }
  return '';
}

/** Why the mail tests skip; empty when Dovecot is installed. */
export const mailSkipReason: string = findSkipReason();
/** Whether Dovecot is here to run the mail tests (they skip, with mailSkipReason, when it is not). */
export const mailAvailable: boolean = mailSkipReason === '';
/** Whether dovecot-sieve is installed, for genuine out-of-office replies. */
export const sieveAvailable: boolean =
  mailAvailable && LIBEXEC !== undefined && existsSync(join(LIBEXEC, 'modules/lib90_sieve_plugin.so'));

export interface Endpoint {
  host: '127.0.0.1';
  port: number;
}

/**
 * Faults the SMTP submission server injects into its next session(s), for the sender's error paths.
 * - refuse-connection: greets with 421 and closes (server busy).
 * - drop-connection: closes the socket at once, no greeting.
 * - auth-temporary: AUTH answered 454 4.7.0 (temporary authentication failure).
 * - mail-temporary: MAIL FROM answered 451 4.3.0.
 * - rcpt-permanent: RCPT TO answered 550 5.1.1 (the provider rejects the address outright).
 * - data-temporary / data-permanent: after the data, 451 4.3.0 / 554 5.6.0; nothing is delivered.
 * - drop-during-data: the data is read, nothing is delivered, the connection drops with no answer.
 * - drop-after-accept: the message IS delivered but the connection drops before the 250, so the
 *   client sees a failure for a message that went out (the "sent exactly once" trap).
 */
export type SmtpFault =
  | 'refuse-connection'
  | 'drop-connection'
  | 'auth-temporary'
  | 'mail-temporary'
  | 'rcpt-permanent'
  | 'data-temporary'
  | 'data-permanent'
  | 'drop-during-data'
  | 'drop-after-accept';

/** One message the SMTP side took responsibility for. */
export interface AcceptedMessage {
  /** submission: a logged-in client (Pursuit); mta: Dovecot's own outgoing mail (sieve replies). */
  via: 'submission' | 'mta';
  /** The logged-in user, null on the mta port. */
  user: string | null;
  /** Envelope sender; '' is the null sender <>. */
  from: string;
  /** Envelope recipients. */
  to: string[];
  /** The message exactly as received. */
  raw: Buffer;
  /** False when a fault dropped the connection before the 250: delivered, yet the client saw an error. */
  acknowledged: boolean;
  /** Recipients whose mailbox has it. */
  delivered: string[];
  /** Recipients that failed for good; the sender got a delivery status notification. */
  bounced: string[];
  /** Recipients waiting for Dovecot to come back (stopImap). */
  queued: string[];
}

export interface OAuthServer {
  /** The refresh_token grant endpoint (nodemailer's accessUrl; a provider's token URL). */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Access tokens last this long, in the token endpoint's answer; only expireAccessTokens ends them. */
  expiresIn: number;
  /** Lets `refreshToken` obtain access tokens for `email` (which also needs addMailbox to log in). */
  register(email: string, refreshToken: string): void;
  /** A live access token for `email` without going through the endpoint (not counted as a refresh). */
  issueAccessToken(email: string): string;
  /** Every access token of `email` (of everyone without it) stops working, as at expiry. */
  expireAccessTokens(email?: string): void;
  /** The refresh token stops working (invalid_grant), as when the user revokes access. */
  revokeRefreshToken(refreshToken: string): void;
  /** Successful refreshes so far, for `email` or in total. */
  refreshCount(email?: string): number;
  /** The next `times` token requests fail with this HTTP status (e.g. 503). */
  failNextRefresh(status: number, times?: number): void;
}

export interface LoopbackConnection {
  address: string;
  smtpHost: string;
  smtpPort: number;
  smtpSecurity: 'none';
  imapHost: string;
  imapPort: number;
  imapSecurity: 'none';
  password: string;
}

export interface MailServers {
  /** Dovecot's IMAP listener (no TLS, plaintext logins allowed). */
  imap: Endpoint;
  /** The SMTP submission server Pursuit sends through: AUTH PLAIN, LOGIN or XOAUTH2 required. */
  smtp: Endpoint;
  /** Where Dovecot sends its own mail (sieve replies): no AUTH, like a local MTA's port 25. */
  mta: Endpoint;
  /** Dovecot's LMTP listener, if a test wants to deliver without going through SMTP. */
  lmtp: Endpoint;
  /** The temp dir that holds everything (Dovecot config, mailboxes, log). */
  dir: string;
  oauth: OAuthServer;
  /** Everything the SMTP side accepted, in order. */
  accepted: AcceptedMessage[];
  /** Adds a mailbox that logs in (IMAP and SMTP) and receives mail at once. */
  addMailbox(email: string, password: string): void;
  /** What Pursuit is given to connect a mailbox of these servers (plain connections on loopback). */
  connection(email: string, password: string): LoopbackConnection;
  /** Changes a mailbox's password; resolves once Dovecot accepts the new one (up to a second). */
  setPassword(email: string, password: string): Promise<void>;
  /** Installs (or, with null, removes) the mailbox's active sieve script. Needs sieveAvailable. */
  setSieve(email: string, script: string | null): void;
  /** The next `times` sessions (or commands) of the submission server meet this fault. */
  failNext(fault: SmtpFault, times?: number): void;
  /** Stops Dovecot (IMAP and LMTP); SMTP keeps accepting and queues, as an MTA would. */
  stopImap(): Promise<void>;
  /** Starts Dovecot again on the same ports with the same mail, then delivers the queue. */
  startImap(): Promise<void>;
  restartImap(): Promise<void>;
  /** Recipients waiting in the queue. */
  queued(): number;
  /** Dovecot's log, for a failing test's message. */
  dovecotLog(): string;
  /** Everything down, the temp dir removed. Safe to call twice. */
  stop(): Promise<void>;
}

export interface MailServerOptions {
  /** Names the servers use for themselves (greetings, Received headers, bounces). */
  hostname?: string;
  oauthClientId?: string;
  oauthClientSecret?: string;
}

const EMAIL = /^[^\s:/\\@]+@[^\s:/\\@]+$/;

/** Starts Dovecot, the SMTP servers and the OAuth2 endpoint; about 0.2 s. */
export async function startMailServers(options: MailServerOptions = {}): Promise<MailServers> {
  if (!mailAvailable) throw new Error(`mail servers unavailable: ${mailSkipReason}`);
  const hostname = options.hostname ?? 'mail.pursuit.test';
  const dir = mkdtempSync(join(tmpdir(), 'pursuit-mail-'));
  // Dovecot's unprivileged processes (nobody, dovecot, dovenull) walk into the temp dir.
  chmodSync(dir, 0o755);
  for (const sub of ['run', 'state', 'log', 'users', 'mail']) mkdirSync(join(dir, sub));
  const guard = startGuard(dir);

  const users = new Map<string, string>();
  const oauth = new OAuthState(
    options.oauthClientId ?? 'pursuit-test',
    options.oauthClientSecret ?? 'secret',
  );
  oauth.onIntrospect = (email) => users.has(email);
  const accepted: AcceptedMessage[] = [];
  const queue: Pending[] = [];
  const faults = new Map<SmtpFault, number>();
  let dovecot: Dovecot | null = null;
  let stopped = false;

  const home = (email: string) => join(dir, 'mail', email);
  const writeUser = (email: string, password: string) => {
    // One file a user (users/%Lu in the config): Dovecot stats a passwd-file at most once a second,
    // so a new line in a shared file can stay invisible for up to a second; a new file is read at once.
    const file = join(dir, 'users', email);
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, `${email}:{PLAIN}${password}:${MAIL_UID}:${MAIL_GID}::${home(email)}\n`);
    renameSync(tmp, file);
  };

  const take = (fault: SmtpFault): boolean => {
    const left = faults.get(fault) ?? 0;
    if (left <= 0) return false;
    faults.set(fault, left - 1);
    return true;
  };

  const ports = { imap: 0, lmtp: 0 };
  const deliverer = new Deliverer(hostname, () => (dovecot === null ? null : ports.lmtp), queue);

  const submission = makeSmtpServer({
    hostname,
    via: 'submission',
    users,
    oauth,
    take,
    onMessage: (m) => {
      accepted.push(m);
      return deliverer.deliver(m);
    },
  });
  const mta = makeSmtpServer({
    hostname,
    via: 'mta',
    users,
    oauth,
    take: () => false,
    onMessage: (m) => {
      accepted.push(m);
      return deliverer.deliver(m);
    },
  });
  const http = createServer((req, res) => oauth.handle(req, res));
  let smtpPort: number;
  let mtaPort: number;
  try {
    [smtpPort, mtaPort] = await Promise.all([
      listen(submission.server, submission),
      listen(mta.server, mta),
      listen(http),
    ]);
  } catch (error) {
    await Promise.all([closeSmtp(submission), closeSmtp(mta), new Promise((resolve) => http.close(resolve))]);
    guard.stdin?.end('done\n');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const oauthBase = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  const configFile = join(dir, 'dovecot.conf');
  const writeConfig = () => {
    writeFileSync(
      configFile,
      dovecotConfig({ dir, hostname, imapPort: ports.imap, lmtpPort: ports.lmtp, mtaPort }),
    );
    writeFileSync(
      join(dir, 'oauth2.conf.ext'),
      [
        `introspection_url = ${oauthBase}/introspect`,
        'introspection_mode = post',
        'username_attribute = email',
        'active_attribute = active',
        'active_value = true',
        '',
      ].join('\n'),
    );
  };

  const startDovecot = async (firstStart: boolean) => {
    for (let attempt = 1; ; attempt++) {
      if (firstStart) {
        ports.imap = await freePort();
        do ports.lmtp = await freePort();
        while (ports.lmtp === ports.imap);
        writeConfig();
      }
      try {
        dovecot = await launchDovecot(dir, configFile, ports);
        guard.stdin?.write(`pid ${dovecot.proc.pid}\n`);
        return;
      } catch (error) {
        // Another process took a port between our check and Dovecot's bind: pick others (only
        // possible on the first start; a restart must keep its ports).
        if (firstStart && attempt < 5 && /Address already in use/.test(String(error))) continue;
        throw error;
      }
    }
  };

  const servers: MailServers = {
    imap: {
      host: '127.0.0.1',
      get port() {
        return ports.imap;
      },
    } as Endpoint,
    lmtp: {
      host: '127.0.0.1',
      get port() {
        return ports.lmtp;
      },
    } as Endpoint,
    smtp: { host: '127.0.0.1', port: smtpPort },
    mta: { host: '127.0.0.1', port: mtaPort },
    dir,
    oauth: oauth.api(`${oauthBase}/token`),
    accepted,
    connection: (email, password) => ({
      address: email,
      smtpHost: '127.0.0.1',
      smtpPort,
      smtpSecurity: 'none',
      imapHost: '127.0.0.1',
      imapPort: ports.imap,
      imapSecurity: 'none',
      password,
    }),
    addMailbox(email, password) {
      const key = checkEmail(email);
      if (/[:\r\n]/.test(password) || password === '') throw new Error('a password needs no ":" or newline');
      if (users.has(key)) throw new Error(`${key} already has a mailbox (use setPassword)`);
      mkdirSync(home(key), { recursive: true });
      if (IS_ROOT) chownSync(home(key), MAIL_UID, MAIL_GID);
      users.set(key, password);
      writeUser(key, password);
    },
    async setPassword(email, password) {
      const key = checkEmail(email);
      if (!users.has(key)) throw new Error(`${key} has no mailbox`);
      if (/[:\r\n]/.test(password) || password === '') throw new Error('a password needs no ":" or newline');
      users.set(key, password);
      writeUser(key, password);
      // An existing user's file is re-read when its mtime or size changes, checked at most once a
      // second: wait until a login with the new password works.
      const file = join(dir, 'users', key);
      const t = statSync(file).mtimeMs / 1000;
      utimesSync(file, t + 1, t + 1);
      if (dovecot === null) return;
      for (let i = 0; i < 60; i++) {
        if (await imapLoginWorks(ports.imap, key, password)) return;
        await sleep(50);
      }
      throw new Error(`Dovecot never accepted the new password of ${key}`);
    },
    setSieve(email, script) {
      if (!sieveAvailable) throw new Error('dovecot-sieve is not installed');
      const key = checkEmail(email);
      if (!users.has(key)) throw new Error(`${key} has no mailbox`);
      const file = join(home(key), '.dovecot.sieve');
      // The compiled script is reused while it is not older than the source; drop it so an edit
      // within the same second still counts.
      rmSync(join(home(key), '.dovecot.svbin'), { force: true });
      if (script === null) {
        rmSync(file, { force: true });
        return;
      }
      writeFileSync(file, script);
      if (IS_ROOT) chownSync(file, MAIL_UID, MAIL_GID);
    },
    failNext(fault, times = 1) {
      faults.set(fault, (faults.get(fault) ?? 0) + times);
    },
    async stopImap() {
      if (dovecot === null) return;
      const d = dovecot;
      dovecot = null;
      await stopDovecot(d, dir);
    },
    async startImap() {
      if (dovecot !== null) return;
      await startDovecot(false);
      await deliverer.flush();
    },
    async restartImap() {
      await servers.stopImap();
      await servers.startImap();
    },
    queued: () => queue.length,
    dovecotLog: () => readLog(dir),
    async stop() {
      if (stopped) return;
      stopped = true;
      await Promise.all([
        closeSmtp(submission),
        closeSmtp(mta),
        new Promise<void>((resolve) => {
          http.closeAllConnections();
          http.close(() => resolve());
        }),
        servers.stopImap(),
      ]);
      guard.stdin?.end('done\n');
      rmSync(dir, { recursive: true, force: true });
    },
  };

  try {
    await startDovecot(true);
  } catch (error) {
    await servers.stop();
    throw error;
  }
  return servers;
}

function checkEmail(email: string): string {
  if (!EMAIL.test(email)) throw new Error(`not a plain email address: ${email}`);
  return email.toLowerCase();
}

/**
 * A Sieve script that answers every message with an out-of-office reply (RFC 5230, with
 * vacation-seconds so a test gets a reply each time rather than once a week per sender).
 */
export function vacationScript(reply: {
  subject: string;
  body: string;
  from?: string;
  seconds?: number;
}): string {
  const quote = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  // A multi-line string ends at a lone "."; lines starting with one are dot-stuffed.
  const body = reply.body.replace(/\r?\n/g, '\n').replace(/^\./gm, '..');
  const from = reply.from === undefined ? '' : ` :from ${quote(reply.from)}`;
  return [
    'require ["vacation", "vacation-seconds"];',
    `vacation :seconds ${reply.seconds ?? 0} :subject ${quote(reply.subject)}${from} text:`,
    body,
    '.',
    ';',
    '',
  ].join('\r\n');
}

/**
 * The real bounce messages shipped by Debian's python3-flufl.bounce (DSN, Postfix, qmail, Exim,
 * Yahoo, Microsoft...), read where the package installed them; empty when it is not installed.
 * They are LGPL test data of that package: read them in place, never copy them into this repo.
 */
export function bounceSamples(): string[] {
  const dir = fluflDataDir();
  if (dir === null) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, f));
}

export interface BounceSampleCase {
  path: string;
  /** flufl.bounce's detector that handles it (dsn, postfix, qmail, exim, yahoo, simplematch...). */
  detector: string;
  /** The failed addresses flufl.bounce's own tests expect to find in it; none for some. */
  recipients: string[];
  /** A delay warning (the address may still work) rather than a permanent failure. */
  temporary: boolean;
}

/**
 * The bounce samples that flufl.bounce's own test table labels: for each, the failed addresses and
 * whether the failure is temporary. Read from its installed testing/helpers.py (DATA), so a bounce
 * parser can be checked against real mail with known answers; empty when it is not installed.
 */
export function bounceSampleCases(): BounceSampleCase[] {
  const data = fluflDataDir();
  if (data === null) return [];
  const helpers = readFileSafe(join(data, '..', '..', 'testing', 'helpers.py'));
  const table = helpers.slice(helpers.indexOf('\nDATA = ('));
  const cases: BounceSampleCase[] = [];
  // Entries look like ('dsn', 'dsn_05.txt', [b'userx@example.cz'], True), the list possibly
  // spread over several lines; the optional True marks a temporary failure.
  const entry = /\(\s*'(\w+)',\s*'([\w.-]+\.txt)',\s*\[([^\]]*)\]\s*(?:,\s*(True|False)\s*)?\)/g;
  for (const m of table.matchAll(entry)) {
    const [, detector, file, list, temporary] = m;
    if (detector === undefined || file === undefined || list === undefined) continue;
    cases.push({
      path: join(data, file),
      detector,
      recipients: [...list.matchAll(/b'([^']*)'/g)].map((r) => r[1] ?? ''),
      temporary: temporary === 'True',
    });
  }
  return cases;
}

let fluflDir: string | null | undefined;
function fluflDataDir(): string | null {
  if (fluflDir !== undefined) return fluflDir;
  fluflDir = null;
  // Debian's python3 first: a pyenv or venv python3 earlier on PATH does not see Debian's packages.
  for (const python of ['/usr/bin/python3', 'python3']) {
    try {
      const out = execFileSync(
        python,
        ['-c', 'import flufl.bounce, os; print(os.path.dirname(flufl.bounce.__file__))'],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        },
      ).trim();
      const data = join(out, 'tests', 'data');
      if (existsSync(data)) {
        fluflDir = data;
        break;
      }
    } catch {
      // Not this python, or flufl.bounce is not installed for it.
    }
  }
  return fluflDir;
}

// ---------------------------------------------------------------------------------------------
// Dovecot

interface Dovecot {
  proc: ChildProcess;
  exited: Promise<void>;
  done: boolean;
}

function dovecotConfig(p: {
  dir: string;
  hostname: string;
  imapPort: number;
  lmtpPort: number;
  mtaPort: number;
}) {
  const { dir } = p;
  const me = userInfo().username;
  // Run as root (CI), Dovecot drops to its own users and to nobody for the mail. Run as anyone
  // else, every process stays that user, and nothing may chroot.
  const users = IS_ROOT
    ? ['default_login_user = dovenull', 'default_internal_user = dovecot']
    : [
        `default_login_user = ${me}`,
        `default_internal_user = ${me}`,
        `default_internal_group = ${groupName(MAIL_GID)}`,
      ];
  return `# Written by test/support/mail-servers.ts for one test run; read alone (dovecot -F -c).
protocols = imap lmtp
listen = 127.0.0.1
hostname = ${p.hostname}
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/log/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login xoauth2 oauthbearer
auth_failure_delay = 0
auth_verbose = yes
${users.join('\n')}
first_valid_uid = 1
mail_location = maildir:~/Maildir
# Throw-away mail: no fsync.
mail_fsync = never
mail_uid = ${MAIL_UID}
mail_gid = ${MAIL_GID}
# Sieve's vacation replies leave through the test MTA port, which delivers them back over LMTP.
submission_host = 127.0.0.1:${p.mtaPort}
# Dovecot 2.3 holds a failed login's answer for up to half a second even with
# auth_failure_delay = 0, and counts it against the client's IP, so that the next logins from
# 127.0.0.1 wait 2, 4, 8... s (auth penalty): one refusal test would stall the rest. A failed
# login answers at once, without a penalty, when its passdb fields say nodelay; a failed passdb's
# fields are dropped, so this first passdb always succeeds, sets nodelay, and hands on as failed.
passdb {
  driver = static
  args = nopassword=y nodelay=y
  result_success = continue-fail
}
# Passwords for PLAIN and LOGIN; OAuth2 bearer tokens, checked against the test token endpoint.
passdb {
  driver = passwd-file
  mechanisms = plain login
  args = scheme=PLAIN username_format=%Lu ${dir}/users/%Lu
}
passdb {
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = ${dir}/oauth2.conf.ext
}
userdb {
  driver = passwd-file
  args = username_format=%Lu ${dir}/users/%Lu
}
# chroot needs root; these throw-away servers do not need it, so they run the same as anyone.
service anvil {
  chroot =
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${p.imapPort}
  }
  inet_listener imaps {
    port = 0
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = ${p.lmtpPort}
  }
}
protocol lmtp {
  postmaster_address = postmaster@${p.hostname}
${sieveAvailable ? '  mail_plugins = $mail_plugins sieve\n' : ''}}
plugin {
  sieve = file:~/sieve;active=~/.dovecot.sieve
  sieve_extensions = +vacation-seconds
  sieve_vacation_min_period = 0
}
`;
}

function groupName(gid: number): string {
  const line = readFileSafe('/etc/group')
    .split('\n')
    .find((l) => l.split(':')[2] === String(gid));
  return line?.split(':')[0] ?? String(gid);
}

async function launchDovecot(dir: string, configFile: string, ports: { imap: number; lmtp: number }) {
  rmSync(join(dir, 'run', 'master.pid'), { force: true });
  const proc = spawn(DOVECOT, ['-F', '-c', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr?.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const d: Dovecot = {
    proc,
    done: false,
    exited: new Promise<void>((resolve) => {
      proc.once('exit', () => {
        d.done = true;
        resolve();
      });
      proc.once('error', (error) => {
        stderr += String(error);
        d.done = true;
        resolve();
      });
    }),
  };
  // The IMAP greeting comes only once the auth process is up, so a greeting means logins work.
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (d.done) throw new Error(`Dovecot exited at start: ${stderr}\n${readLog(dir).slice(-2000)}`);
    const [imap, lmtp] = await Promise.all([greeting(ports.imap, /^\* OK/), greeting(ports.lmtp, /^220 /)]);
    if (imap && lmtp) break;
    if (Date.now() > deadline) {
      await stopDovecot(d, dir);
      throw new Error(`Dovecot did not answer on ${ports.imap}/${ports.lmtp}: ${stderr}\n${readLog(dir)}`);
    }
    await sleep(15);
  }
  return d;
}

/**
 * Dovecot's master, told to stop, closes its listeners and stops its services at once, but then
 * sleeps a hard-coded second for its log process to drain, and leaves open IMAP sessions (and the
 * stats process they talk to) until it exits. Once only those are left, we end the sessions the
 * way a shutdown does (SIGTERM: "* BYE Server shutting down") and kill the rest: a stop takes
 * about 50 ms instead of over a second, and clients see their connection close.
 */
async function stopDovecot(d: Dovecot, dir: string): Promise<void> {
  if (d.done) return;
  const pid = d.proc.pid as number;
  d.proc.kill('SIGTERM');
  const deadline = Date.now() + 10_000;
  let sessions: number[] = [];
  while (!d.done) {
    const children = childrenOf(pid).map((child) => ({ pid: child, name: processName(child) }));
    if (children.every((c) => LINGERING.has(c.name)) || Date.now() > deadline) {
      sessions = children.filter((c) => c.name === 'imap').map((c) => c.pid);
      for (const session of sessions) signal(session, 'SIGTERM');
      d.proc.kill('SIGKILL');
      for (const c of children) if (c.name !== 'imap') signal(c.pid, 'SIGKILL');
      break;
    }
    await sleep(10);
  }
  await d.exited;
  for (let i = 0; i < 200 && sessions.some(alive); i++) await sleep(10);
  for (const session of sessions) signal(session, 'SIGKILL');
  rmSync(join(dir, 'run', 'master.pid'), { force: true });
}

/** What a stopping Dovecot leaves behind until its master exits: see stopDovecot. */
const LINGERING = new Set(['log', 'stats', 'imap']);

function alive(pid: number): boolean {
  return existsSync(`/proc/${pid}`) && !/^\S+ \(.*\) Z/.test(readFileSafe(`/proc/${pid}/stat`));
}

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function processName(pid: number): string {
  return readFileSafe(`/proc/${pid}/comm`).trim();
}

function childrenOf(pid: number): number[] {
  const listed = readFileSafe(`/proc/${pid}/task/${pid}/children`);
  if (existsSync(`/proc/${pid}/task/${pid}/children`)) {
    return listed
      .split(' ')
      .filter((s) => s !== '')
      .map(Number);
  }
  // Without CONFIG_PROC_CHILDREN, scan every process's parent.
  const kids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readFileSafe(`/proc/${entry}/stat`);
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid === pid) kids.push(Number(entry));
  }
  return kids;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

function readLog(dir: string): string {
  try {
    return readFileSync(join(dir, 'log', 'dovecot.log'), 'utf8');
  } catch {
    return '';
  }
}

/**
 * A watchdog shell that outlives a crashed test process: when its stdin closes without "done"
 * (the test process died before stop()), it stops the Dovecot it was told about and removes the
 * temp dir. It ignores Ctrl-C, so an interrupted run still cleans up.
 */
function startGuard(dir: string): ChildProcess {
  const script = `
trap '' INT HUP
pid=
while IFS= read -r line; do
  case "$line" in
    pid\\ *) pid="\${line#pid }" ;;
    done) exit 0 ;;
  esac
done
if [ -n "$pid" ] && grep -qF "$1" "/proc/$pid/cmdline" 2>/dev/null; then
  kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null
fi
rm -rf "$1"
`;
  const guard = spawn('bash', ['-c', script, 'pursuit-mail-guard', dir], {
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  guard.unref();
  // The pipe must not keep the test process alive; it only needs to close when the process ends.
  (guard.stdin as unknown as { unref?: () => void }).unref?.();
  return guard;
}

// ---------------------------------------------------------------------------------------------
// Network helpers

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A port for Dovecot, picked below Linux's ephemeral range (32768+) where outgoing connections
 * and port-0 listeners take theirs, and away from fixed ports people use by hand (14143, 54329).
 */
async function freePort(): Promise<number> {
  for (;;) {
    const port = 20000 + (randomBytes(2).readUInt16BE(0) % 12000);
    const ok = await new Promise<boolean>((resolve) => {
      const s = createNetServer();
      s.once('error', () => resolve(false));
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (ok) return port;
  }
}

/** Whether a server on the port answers with a first line matching `expect`. */
function greeting(port: number, expect: RegExp): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('data', (chunk) => {
      data += chunk.toString('latin1');
      if (data.includes('\n')) done(expect.test(data));
    });
    socket.on('close', () => done(false));
  });
}

/** A bare IMAP LOGIN, to tell when Dovecot has picked up a changed password. */
function imapLoginWorks(port: number, user: string, password: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const quote = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
    let data = '';
    let sent = false;
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('data', (chunk) => {
      data += chunk.toString('latin1');
      if (!sent && data.includes('\r\n')) {
        sent = true;
        socket.write(`a LOGIN ${quote(user)} ${quote(password)}\r\n`);
      }
      const m = /^a (OK|NO|BAD)/m.exec(data);
      if (m) done(m[1] === 'OK');
    });
  });
}

/** Listens on a free loopback port; `smtp` for smtp-server, which wraps its net.Server. */
function listen(server: NetServer, smtp?: SMTPServer): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    const done = () => resolve((server.address() as AddressInfo).port);
    if (smtp === undefined) server.listen(0, '127.0.0.1', done);
    else smtp.listen(0, '127.0.0.1', done);
  });
}

function closeSmtp(server: SMTPServer): Promise<void> {
  // close() waits up to 30 s for open sessions; a test's clients may still hold some.
  for (const c of server.connections) c._socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

// ---------------------------------------------------------------------------------------------
// OAuth2

class OAuthState {
  private refreshTokens = new Map<string, string>();
  private accessTokens = new Map<string, { email: string; live: boolean }>();
  private refreshes = new Map<string, number>();
  private failures: { status: number; left: number } = { status: 0, left: 0 };
  /** Dovecot's introspection also needs the user to have a mailbox; set once the users exist. */
  onIntrospect: (email: string) => boolean = () => true;
  readonly expiresIn = 3600;

  constructor(
    readonly clientId: string,
    readonly clientSecret: string,
  ) {}

  isLive(email: string, token: string): boolean {
    const t = this.accessTokens.get(token);
    return t !== undefined && t.live && t.email === email.toLowerCase();
  }

  private mint(email: string): string {
    const token = `at-${randomBytes(18).toString('base64url')}`;
    this.accessTokens.set(token, { email, live: true });
    return token;
  }

  api(tokenUrl: string): OAuthServer {
    return {
      tokenUrl,
      clientId: this.clientId,
      clientSecret: this.clientSecret,
      expiresIn: this.expiresIn,
      register: (email, refreshToken) => {
        this.refreshTokens.set(refreshToken, checkEmail(email));
      },
      issueAccessToken: (email) => this.mint(checkEmail(email)),
      expireAccessTokens: (email) => {
        const key = email === undefined ? undefined : email.toLowerCase();
        for (const t of this.accessTokens.values()) if (key === undefined || t.email === key) t.live = false;
      },
      revokeRefreshToken: (refreshToken) => {
        this.refreshTokens.delete(refreshToken);
      },
      refreshCount: (email) =>
        email === undefined
          ? [...this.refreshes.values()].reduce((a, b) => a + b, 0)
          : (this.refreshes.get(email.toLowerCase()) ?? 0),
      failNextRefresh: (status, times = 1) => {
        this.failures = { status, left: times };
      },
    };
  }

  handle(req: IncomingMessage, res: ServerResponse): void {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify(value));
      };
      const form = new URLSearchParams(
        req.headers['content-type']?.includes('json') ? jsonToForm(body) : body,
      );
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (req.method !== 'POST') return json(405, { error: 'invalid_request' });
      if (path === '/introspect') {
        // RFC 7662, as Dovecot's oauth2 passdb asks it (introspection_mode = post).
        const t = this.accessTokens.get(form.get('token') ?? '');
        if (t === undefined || !t.live || !this.onIntrospect(t.email)) return json(200, { active: false });
        return json(200, {
          active: true,
          email: t.email,
          username: t.email,
          token_type: 'Bearer',
          scope: 'mail',
        });
      }
      if (path !== '/token') return json(404, { error: 'not_found' });
      if (this.failures.left > 0) {
        this.failures.left--;
        return json(this.failures.status, { error: 'temporarily_unavailable' });
      }
      // Client credentials come in the form (nodemailer) or as HTTP Basic (RFC 6749 2.3.1).
      let id = form.get('client_id');
      let secret = form.get('client_secret');
      const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '');
      if (basic?.[1] !== undefined) {
        const [u, p] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
        id = decodeURIComponent(u ?? '');
        secret = decodeURIComponent(p ?? '');
      }
      if (id !== this.clientId || secret !== this.clientSecret) return json(401, { error: 'invalid_client' });
      if (form.get('grant_type') !== 'refresh_token') return json(400, { error: 'unsupported_grant_type' });
      const email = this.refreshTokens.get(form.get('refresh_token') ?? '');
      if (email === undefined)
        return json(400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
      this.refreshes.set(email, (this.refreshes.get(email) ?? 0) + 1);
      return json(200, {
        access_token: this.mint(email),
        expires_in: this.expiresIn,
        token_type: 'Bearer',
        scope: 'mail',
      });
    });
  }
}

function jsonToForm(body: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value !== 'object' || value === null) return {};
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
  } catch {
    return {};
  }
}

// ---------------------------------------------------------------------------------------------
// SMTP

function makeSmtpServer(p: {
  hostname: string;
  via: 'submission' | 'mta';
  users: Map<string, string>;
  oauth: OAuthState;
  take: (fault: SmtpFault) => boolean;
  onMessage: (m: AcceptedMessage) => Promise<void>;
}): SMTPServer {
  const error = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });
  const drop = (session: SMTPServerSession) => {
    for (const c of server.connections) if (c.id === session.id) c._socket.destroy();
  };
  const server: SMTPServer = new SMTPServer({
    name: p.hostname,
    banner: 'Pursuit test MTA',
    secure: false,
    allowInsecureAuth: true,
    disabledCommands: p.via === 'submission' ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: p.via === 'mta',
    authMethods: ['PLAIN', 'LOGIN', 'XOAUTH2'],
    size: 25 * 1024 * 1024,
    // The test never depends on a resolver; smtp-server would reverse-resolve every client.
    disableReverseLookup: true,
    logger: false,
    onConnect(session, callback) {
      if (p.take('drop-connection')) return drop(session);
      if (p.take('refuse-connection')) return callback(error(421, 'Too many connections, try again later'));
      callback();
    },
    onAuth(auth: SMTPServerAuthentication, _session, callback) {
      if (p.take('auth-temporary')) return callback(error(454, '4.7.0 Temporary authentication failure'));
      const user = (auth.username ?? '').toLowerCase();
      if (auth.method === 'XOAUTH2') {
        if (p.users.has(user) && p.oauth.isLive(user, auth.accessToken ?? ''))
          return callback(null, { user });
        // Gmail's answer to a stale token; nodemailer then refreshes and tries again.
        return callback(null, {
          data: { status: '401', schemes: 'bearer', scope: 'https://mail.google.com/' },
        });
      }
      if (p.users.get(user) === auth.password) return callback(null, { user });
      callback(error(535, '5.7.8 Username and Password not accepted'));
    },
    onMailFrom(_address, _session, callback) {
      if (p.take('mail-temporary')) return callback(error(451, '4.3.0 Temporary failure, try again'));
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (p.take('rcpt-permanent'))
        return callback(error(550, `5.1.1 <${address.address}>: Recipient address rejected`));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(error(552, '5.3.4 Message too big'));
        if (p.take('data-temporary')) return callback(error(451, '4.3.0 Temporary failure, try again'));
        if (p.take('data-permanent')) return callback(error(554, '5.6.0 Message rejected'));
        if (p.take('drop-during-data')) return drop(session);
        const dropAfter = p.take('drop-after-accept');
        const envelope = session.envelope;
        const message: AcceptedMessage = {
          via: p.via,
          user: typeof session.user === 'string' ? session.user : null,
          from: envelope.mailFrom === false ? '' : envelope.mailFrom.address,
          to: envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
          acknowledged: !dropAfter,
          delivered: [],
          bounced: [],
          queued: [],
        };
        // Delivered before the 250, unlike a real MTA's queue: when the client's send resolves,
        // the mail (and any bounce or auto-reply) is already in the mailboxes, so tests need no waiting.
        p.onMessage(message).then(
          () =>
            dropAfter
              ? drop(session)
              : callback(null, `2.0.0 Ok: queued as ${randomBytes(6).toString('hex')}`),
          (e: unknown) => callback(error(451, `4.3.0 Local delivery failed: ${String(e)}`)),
        );
      });
    },
  });
  // A dropped or reset client connection is part of the tests, not an error.
  server.on('error', () => {});
  return server;
}

// ---------------------------------------------------------------------------------------------
// Delivery over LMTP, with a queue and RFC 3464 bounces

interface Pending {
  from: string;
  to: string;
  raw: Buffer;
  /** The accepted message this delivery belongs to; null for a bounce. */
  message: AcceptedMessage | null;
}

type Outcome =
  { kind: 'delivered' } | { kind: 'failed'; response: string; status: string } | { kind: 'retry' };

class Deliverer {
  constructor(
    private hostname: string,
    private lmtpPort: () => number | null,
    private queue: Pending[],
  ) {}

  async deliver(m: AcceptedMessage): Promise<void> {
    const failed: { to: string; response: string; status: string }[] = [];
    for (const to of m.to) {
      const outcome = await this.lmtp(m.from, to, m.raw);
      if (outcome.kind === 'delivered') m.delivered.push(to);
      else if (outcome.kind === 'retry') {
        m.queued.push(to);
        this.queue.push({ from: m.from, to, raw: m.raw, message: m });
      } else failed.push({ to, response: outcome.response, status: outcome.status });
    }
    await this.bounce(m, failed);
  }

  /** Tries everything in the queue once more (after Dovecot is back). */
  async flush(): Promise<void> {
    const pending = this.queue.splice(0);
    for (const item of pending) {
      const outcome = await this.lmtp(item.from, item.to, item.raw);
      if (outcome.kind === 'retry') {
        this.queue.push(item);
        continue;
      }
      const m = item.message;
      if (m === null) continue;
      m.queued = m.queued.filter((t) => t !== item.to);
      if (outcome.kind === 'delivered') m.delivered.push(item.to);
      else await this.bounce(m, [{ to: item.to, response: outcome.response, status: outcome.status }]);
    }
  }

  private async bounce(m: AcceptedMessage, failed: { to: string; response: string; status: string }[]) {
    if (failed.length === 0) return;
    m.bounced.push(...failed.map((f) => f.to));
    // Never bounce a bounce (or anything else sent from the null sender): RFC 5321 6.1.
    if (m.from === '') return;
    const raw = deliveryStatusNotification(this.hostname, m, failed);
    const outcome = await this.lmtp('', m.from, raw);
    if (outcome.kind === 'retry') this.queue.push({ from: '', to: m.from, raw, message: null });
    // A bounce the sender's own server refuses is dropped, as a double bounce would be.
  }

  private async lmtp(from: string, to: string, raw: Buffer): Promise<Outcome> {
    const port = this.lmtpPort();
    if (port === null) return { kind: 'retry' };
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port,
      lmtp: true,
      name: this.hostname,
      secure: false,
      ignoreTLS: true,
      connectionTimeout: 3000,
      greetingTimeout: 3000,
      socketTimeout: 30_000,
    });
    try {
      await transport.sendMail({ envelope: { from: from === '' ? false : from, to: [to] }, raw });
      return { kind: 'delivered' };
    } catch (e) {
      const err = e as {
        responseCode?: number;
        response?: string;
        rejectedErrors?: { responseCode?: number; response?: string }[];
      };
      const first = err.rejectedErrors?.[0];
      const code = first?.responseCode ?? err.responseCode;
      const response = first?.response ?? err.response ?? String(e);
      if (code !== undefined && code >= 500) {
        return {
          kind: 'failed',
          response,
          status: /\b(5\.\d{1,3}\.\d{1,3})\b/.exec(response)?.[1] ?? '5.0.0',
        };
      }
      return { kind: 'retry' };
    } finally {
      transport.close();
    }
  }
}

/** An RFC 3464 report as Postfix would write it: text, message/delivery-status, the headers. */
function deliveryStatusNotification(
  hostname: string,
  m: AcceptedMessage,
  failed: { to: string; response: string; status: string }[],
): Buffer {
  const boundary = `dsn-${randomBytes(8).toString('hex')}`;
  const text = m.raw.toString('latin1');
  const end = /\r?\n\r?\n/.exec(text);
  const headers = (end === null ? text : text.slice(0, end.index)).replace(/\r?\n/g, '\r\n');
  const date = new Date().toUTCString().replace('GMT', '+0000');
  const perRecipient = failed.map((f) =>
    [
      `Final-Recipient: rfc822; ${f.to}`,
      `Original-Recipient: rfc822; ${f.to}`,
      'Action: failed',
      `Status: ${f.status}`,
      `Diagnostic-Code: smtp; ${f.response.replace(/\r?\n/g, ' ')}`,
    ].join('\r\n'),
  );
  return Buffer.from(
    [
      `From: Mail Delivery System <MAILER-DAEMON@${hostname}>`,
      `To: <${m.from}>`,
      'Subject: Undelivered Mail Returned to Sender',
      `Date: ${date}`,
      `Message-ID: <${randomBytes(10).toString('hex')}@${hostname}>`,
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
      '',
      'This is a MIME-encapsulated message.',
      '',
      `--${boundary}`,
      'Content-Description: Notification',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      `This is the mail system at host ${hostname}.`,
      '',
      "I'm sorry to have to inform you that your message could not",
      'be delivered to one or more recipients.',
      '',
      ...failed.map((f) => `<${f.to}>: ${f.response.replace(/\r?\n/g, ' ')}`),
      '',
      `--${boundary}`,
      'Content-Description: Delivery report',
      'Content-Type: message/delivery-status',
      '',
      `Reporting-MTA: dns; ${hostname}`,
      `Arrival-Date: ${date}`,
      '',
      perRecipient.join('\r\n\r\n'),
      '',
      `--${boundary}`,
      'Content-Description: Undelivered Message Headers',
      'Content-Type: text/rfc822-headers',
      '',
      headers,
      '',
      `--${boundary}--`,
      '',
    ].join('\r\n'),
    'latin1',
  );
}
