// npm run bench:mail — the email channel on real servers, on this machine:
//  1. reading a 10,000-message mailbox: Pursuit's sync (heads first, only a prospect's messages read
//     whole and logged) against, in the same run, a bare imapflow fetch of the same messages (their
//     whole source, and their heads alone); messages per second and the ratios (target >= 0.5);
//  2. classifying a reply (the labelled corpus, test/fixtures/replies): microseconds per reply;
//  3. sending through the outbox: emails per second, each checked, sent over SMTP, its touch logged
//     and the prospect re-decided.
// Dovecot from test/support/mail.sh (install it: apt-get install dovecot-core dovecot-imapd
// dovecot-lmtpd); an SMTP server in this process. Runs from dist/ (npm run build first).
//
// Options: --messages N (default 10000), --replies N (of them from prospects; default 500, 5%),
// --small (every message 2 KB instead of a rep's inbox's mix), --sends N (default 500), --runs N
// (default 3).

import { Buffer } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImapFlow } from 'imapflow';
import { SMTPServer } from 'smtp-server';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => join(root, 'dist', p);
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const MESSAGES = arg('--messages', 10_000);
const REPLIES = arg('--replies', 500);
const SENDS = arg('--sends', 500);
const RUNS = arg('--runs', 3);

const { openDatabase } = await import(dist('store/database.js'));
const { init, addUser } = await import(dist('app/accounts/workspace.js'));
const { connectMailbox } = await import(dist('app/mail/mailboxes.js'));
const { insertProspect } = await import(dist('app/prospects/prospects.js'));
const { inTransaction } = await import(dist('app/context.js'));
const { syncMailbox } = await import(dist('app/mail/sync.js'));
const { imapClient } = await import(dist('integrations/mail/imap.js'));
const { queueEmail } = await import(dist('app/mail/outbox.js'));
const { deliverDue } = await import(dist('app/mail/deliver.js'));
const { classifyReply } = await import(dist('core/replies/classify.js'));

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const seconds = async (work) => {
  const t = process.hrtime.bigint();
  const result = await work();
  return { seconds: Number(process.hrtime.bigint() - t) / 1e9, result };
};

// Dovecot, and the rep's mailbox in it.
const mail = execFileSync('bash', [join(root, 'test/support/mail.sh')], { encoding: 'utf8' });
const value = (key) => new RegExp(`^${key}=(.*)$`, 'm').exec(mail)?.[1];
const mailDir = value('MAIL_DIR');
const imapPort = Number(value('MAIL_IMAP_PORT'));
const stopMail = () => execFileSync('bash', [join(root, 'test/support/mail.sh'), 'stop', mailDir]);
process.on('exit', () => {
  try {
    stopMail();
  } catch {
    // already stopped
  }
});
execFileSync('bash', [join(root, 'test/support/mail.sh'), 'adduser', mailDir, 'rep@bench.test', 'pw']);

// An SMTP server that takes everything (the outbox's cost, not a mail server's, is measured).
let taken = 0;
const smtp = new SMTPServer({
  authOptional: false,
  allowInsecureAuth: true,
  disabledCommands: ['STARTTLS'],
  disableReverseLookup: true,
  logger: false,
  onAuth: (_auth, _session, done) => done(null, { user: 'rep' }),
  onData: (stream, _session, done) => {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      taken += 1;
      done();
    });
  },
});
await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const smtpPort = smtp.server.address().port;

const work = mkdtempSync(join(tmpdir(), 'pursuit-bench-mail-'));
const db = await openDatabase({ kind: 'sqlite', path: join(work, 'bench.db') });
const T0 = Date.parse('2026-03-10T15:00:00Z');
let now = T0;
const defaultPlaybookText = readFileSync(join(root, 'playbooks/default.yaml'), 'utf8')
  .replace('spacingSeconds: 60', 'spacingSeconds: 0')
  .replace('dailyCap: 100', 'dailyCap: 100000');
const ctx = { db, now: () => now, defaultPlaybookText, secretKey: 'b'.repeat(40) };
const { admin } = await init(ctx, {
  organisation: 'Bench',
  name: 'Ada',
  email: 'ada@bench.test',
  timezone: 'UTC',
});
const rep = await addUser(ctx, admin, { name: 'Rep', email: 'rep@bench.test', timezone: 'UTC' });
const mailbox = await connectMailbox(ctx, rep, {
  address: 'rep@bench.test',
  smtpHost: '127.0.0.1',
  smtpPort,
  smtpSecurity: 'none',
  imapHost: '127.0.0.1',
  imapPort,
  imapSecurity: 'none',
  password: 'pw',
  fileSent: false,
});
// Prospects: REPLIES of them write to the rep (their contacts), the rest are sent to.
const PROSPECTS = Math.max(REPLIES, SENDS);
const ids = [];
await inTransaction(ctx, async (q) => {
  for (let i = 0; i < PROSPECTS; i += 1) {
    const p = await insertProspect(
      q,
      ctx,
      rep,
      { name: `Company ${i}`, contact: { name: `Contact ${i}`, email: `c${i}@co${i}.test` } },
      now,
    );
    ids.push(p.id);
  }
});

// The mailbox: MESSAGES messages, REPLIES of them from the prospects' contacts. The rest as a rep's
// inbox has them (--small: all of 2 KB): newsletters with an HTML part, colleagues' mail (some with a
// PDF attached), notifications.
const access = {
  server: { host: '127.0.0.1', port: imapPort, security: 'none' },
  auth: { user: 'rep@bench.test', pass: 'pw' },
};
let seed = 7;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const words =
  'the report quarter revenue team launch pipeline customer update meeting plan review budget'.split(' ');
const prose = (bytes) => {
  let text = '';
  while (text.length < bytes) text += `${words[Math.floor(random() * words.length)]} `;
  return text;
};
const wrap = (text) => text.replace(/(.{1,76})(\s|$)/g, '$1\r\n');
const SMALL = process.argv.includes('--small');
function message(i, fromProspect) {
  const head = (from, subject, type) => [
    `From: ${from}`,
    'To: rep@bench.test',
    `Subject: ${subject}`,
    `Message-ID: <m${i}@bench.test>`,
    'Date: Tue, 10 Mar 2026 16:00:00 +0000',
    'MIME-Version: 1.0',
    `Content-Type: ${type}`,
  ];
  if (fromProspect) {
    const n = i;
    const quote = wrap(`> ${prose(900)}`).replace(/\r\n(?=.)/g, '\r\n> ');
    return [
      ...head(`Contact ${n} <c${n}@co${n}.test>`, 'Re: hello', 'text/plain; charset=utf-8'),
      '',
      'Thanks for reaching out. Could we talk on Thursday afternoon? I would like to see a demo.',
      '',
      'On Mon, 9 Mar 2026 at 10:00, Rep <rep@bench.test> wrote:',
      quote,
      '',
    ].join('\r\n');
  }
  if (SMALL)
    return [
      ...head(`News <news${i % 50}@letters.test>`, `News ${i}`, 'text/plain; charset=utf-8'),
      '',
      wrap(prose(2000)),
      '',
    ].join('\r\n');
  const kind = random();
  if (kind < 0.5) {
    const html = `<html><body>${Array.from({ length: 40 }, () => `<p style="font-family:Arial">${prose(800)}</p>`).join('')}</body></html>`;
    return [
      ...head(
        `Letters ${i % 50} <news${i % 50}@letters.test>`,
        `Weekly news ${i}`,
        'multipart/alternative; boundary="b"',
      ),
      '',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      '',
      wrap(prose(2000)),
      '--b',
      'Content-Type: text/html; charset=utf-8',
      '',
      wrap(html),
      '--b--',
      '',
    ].join('\r\n');
  }
  if (kind < 0.85) {
    const text = wrap(prose(1000 + Math.floor(random() * 2000)));
    if (random() >= 0.2)
      return [
        ...head(
          `Colleague ${i % 30} <colleague${i % 30}@bench.test>`,
          `Notes ${i}`,
          'text/plain; charset=utf-8',
        ),
        '',
        text,
        '',
      ].join('\r\n');
    const pdf = Buffer.from(prose(80_000 + Math.floor(random() * 150_000)))
      .toString('base64')
      .replace(/(.{76})/g, '$1\r\n');
    return [
      ...head(
        `Colleague ${i % 30} <colleague${i % 30}@bench.test>`,
        `Deck ${i}`,
        'multipart/mixed; boundary="m"',
      ),
      '',
      '--m',
      'Content-Type: text/plain; charset=utf-8',
      '',
      text,
      '--m',
      'Content-Type: application/pdf; name="deck.pdf"',
      'Content-Transfer-Encoding: base64',
      'Content-Disposition: attachment; filename="deck.pdf"',
      '',
      pdf,
      '--m--',
      '',
    ].join('\r\n');
  }
  return [
    ...head(`Alerts <alerts@tool.test>`, `Alert ${i}`, 'text/html; charset=utf-8'),
    '',
    wrap(`<html><body><p>${prose(4000)}</p></body></html>`),
    '',
  ].join('\r\n');
}
let totalBytes = 0;
const loading = await seconds(async () => {
  const client = new ImapFlow({
    host: '127.0.0.1',
    port: imapPort,
    secure: false,
    doSTARTTLS: false,
    auth: access.auth,
    logger: false,
  });
  await client.connect();
  const every = Math.max(1, Math.floor(MESSAGES / Math.max(1, REPLIES)));
  let replies = 0;
  for (let i = 0; i < MESSAGES; i += 1) {
    const fromProspect = i % every === 0 && replies < REPLIES;
    const raw = message(fromProspect ? replies : i, fromProspect);
    if (fromProspect) replies += 1;
    totalBytes += raw.length;
    await client.append('INBOX', raw);
  }
  await client.logout();
});
console.log(
  `Loaded ${MESSAGES.toLocaleString()} messages (${REPLIES.toLocaleString()} of them replies from prospects; ${(totalBytes / MESSAGES / 1024).toFixed(1)} KB a message on average${SMALL ? ', all small' : ''}) in ${loading.seconds.toFixed(1)} s.`,
);

async function bareFetch(query) {
  const client = imapClient(access);
  await client.connect();
  await client.mailboxOpen('INBOX', { readOnly: true });
  let n = 0;
  let bytes = 0;
  for await (const m of client.fetch('1:*', query, { uid: true })) {
    n += 1;
    bytes += m.source?.length ?? m.headers?.length ?? 0;
  }
  await client.logout();
  return { n, bytes };
}

async function pursuitSync() {
  await db.kysely.deleteFrom('mail_folders').execute();
  await db.kysely.deleteFrom('mail_messages').execute();
  await db.kysely.deleteFrom('events').execute();
  // Read from the first message on (a new mailbox reads its last 14 days).
  const fresh = { ...mailbox, createdAt: T0 - 86_400_000 };
  const client = imapClient(access);
  await client.connect();
  const report = await syncMailbox(ctx, client, fresh);
  await client.logout();
  return report;
}

const bare = [];
const heads = [];
const ours = [];
let lastReport;
for (let run = 0; run < RUNS; run += 1) {
  bare.push((await seconds(() => bareFetch({ uid: true, source: true }))).seconds);
  heads.push(
    (await seconds(() => bareFetch({ uid: true, envelope: true, headers: ['references', 'content-type'] })))
      .seconds,
  );
  const synced = await seconds(pursuitSync);
  ours.push(synced.seconds);
  lastReport = synced.result;
}
const rate = (s) => MESSAGES / s;
console.log(`\nReading the mailbox (median of ${RUNS} runs, ${MESSAGES.toLocaleString()} messages):`);
console.log(
  `  bare imapflow fetch, whole messages:  ${rate(median(bare)).toFixed(0).padStart(7)} messages/s`,
);
console.log(
  `  bare imapflow fetch, heads only:      ${rate(median(heads)).toFixed(0).padStart(7)} messages/s`,
);
console.log(
  `  Pursuit's sync:                       ${rate(median(ours)).toFixed(0).padStart(7)} messages/s (${lastReport.replies} replies logged)`,
);
console.log(
  `  ratio to the whole-message fetch:     ${(median(bare) / median(ours)).toFixed(2)} (target >= 0.5)`,
);
console.log(`  ratio to the heads-only fetch:        ${(median(heads) / median(ours)).toFixed(2)}`);

// Classifying replies: the labelled corpus, many passes after a warm-up.
const corpus = ['dev', 'holdout'].flatMap((name) =>
  readFileSync(join(root, `test/fixtures/replies/${name}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l)),
);
const inputs = corpus.map((r) => ({
  subject: r.subject,
  text: r.text,
  headers: r.headers ?? {},
  receivedAt: Date.parse(r.receivedAt),
  zone: r.zone,
}));
for (const input of inputs) classifyReply(input);
const passes = [];
for (let pass = 0; pass < 5; pass += 1) {
  const t = process.hrtime.bigint();
  for (const input of inputs) classifyReply(input);
  passes.push(Number(process.hrtime.bigint() - t) / 1e3 / inputs.length);
}
const each = inputs.map((input) => {
  const t = process.hrtime.bigint();
  classifyReply(input);
  return Number(process.hrtime.bigint() - t) / 1e3;
});
console.log(
  `\nClassifying a reply (${inputs.length} replies of the corpus): median ${median(passes).toFixed(0)} µs a reply over 5 passes; p99 of one reply ${[...each].sort((a, b) => a - b)[Math.floor(each.length * 0.99)].toFixed(0)} µs.`,
);

// Sending through the outbox.
const queued = await seconds(async () => {
  for (let i = 0; i < SENDS; i += 1) await queueEmail(ctx, rep, ids[i], {});
});
now += 1000;
const sent = await seconds(async () => {
  let done = 0;
  while (done < SENDS) {
    const batch = await deliverDue(ctx, mailbox.id, 100);
    if (batch.length === 0) break;
    done += batch.filter((d) => d.outcome === 'sent').length;
  }
  return done;
});
console.log(
  `\nSending through the outbox (${SENDS} emails, SMTP on loopback): queued at ${(SENDS / queued.seconds).toFixed(0)} a second; sent at ${(sent.result / sent.seconds).toFixed(1)} a second (each checked, sent, its touch logged, the prospect re-decided); the server took ${taken}.`,
);

await db.close();
smtp.close();
stopMail();
rmSync(work, { recursive: true, force: true });
