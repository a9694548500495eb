// The email channel over HTTP: connecting one's mailbox (and testing it, or taking it away), sending
// the agenda's email for a prospect (now, or inside the contact's hours), the outbox (cancel what has
// not gone; settle what was cut off), a prospect's emails and replies, and correcting how a reply
// was read.

import { Type } from 'typebox';
import type { AppContext } from '../../app/context.js';
import { correctReply } from '../../app/mail/correct.js';
import { deliver } from '../../app/mail/deliver.js';
import {
  connectMailbox,
  findMailbox,
  listMailboxes,
  removeMailbox,
  testMailbox,
} from '../../app/mail/mailboxes.js';
import { cancelEmail, listOutbox, prospectMail, queueEmail } from '../../app/mail/outbox.js';
import { settleEmail } from '../../app/mail/settle.js';
import {
  MailSetup,
  MailboxView,
  OutboxView,
  ProspectMail,
  ReplyView,
  mailSetup,
  mailboxView,
  outboxView,
  replyView,
} from '../../app/mail/views.js';
import { actorOf } from '../auth.js';
import type { Api } from '../build-app.js';
import { Done } from '../answers.js';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Id = Type.Object({ id: Text(200) });
const Security = Type.Union([Type.Literal('tls'), Type.Literal('starttls'), Type.Literal('none')]);

const Connect = Type.Object(
  {
    address: Text(320),
    name: Type.Optional(Text(200)),
    provider: Type.Optional(
      Type.Union([Type.Literal('gmail'), Type.Literal('microsoft'), Type.Literal('other')]),
    ),
    smtpHost: Type.Optional(Text(255)),
    smtpPort: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535 })),
    smtpSecurity: Type.Optional(Security),
    imapHost: Type.Optional(Text(255)),
    imapPort: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535 })),
    imapSecurity: Type.Optional(Security),
    username: Type.Optional(Text(320)),
    password: Type.Optional(Text(1024)),
    oauth: Type.Optional(
      Type.Object(
        {
          tokenUrl: Type.Optional(Text(2000)),
          clientId: Text(500),
          clientSecret: Type.Optional(Text(1000)),
          refreshToken: Text(4000),
        },
        { additionalProperties: false },
      ),
    ),
    fileSent: Type.Optional(Type.Boolean({ description: 'file a copy of what Pursuit sends in Sent' })),
  },
  { additionalProperties: false },
);

const Send = Type.Object(
  {
    subject: Type.Optional(Text(500)),
    body: Type.Optional(Text(50_000)),
    when: Type.Optional(
      Type.Union([Type.Literal('now'), Type.Literal('window')], {
        description: "now (default), or window: inside the contact's business hours",
      }),
    ),
  },
  { additionalProperties: false },
);

export function mailRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/mailbox',
    {
      schema: {
        tags: ['mail'],
        summary: 'Your mailbox, and whether this server can connect one',
        response: { 200: MailSetup },
      },
    },
    async (request) => mailSetup(ctx, await findMailbox(ctx, actorOf(request))),
  );

  app.put(
    '/api/mailbox',
    {
      schema: {
        tags: ['mail'],
        summary: 'Connect your mailbox (both servers are tried first); its secret is never shown again',
        body: Connect,
        response: { 200: MailboxView },
      },
    },
    async (request) => mailboxView(await connectMailbox(ctx, actorOf(request), request.body)),
  );

  app.post(
    '/api/mailbox/test',
    { schema: { tags: ['mail'], summary: 'Try your mailbox again', response: { 200: MailboxView } } },
    async (request) => mailboxView(await testMailbox(ctx, actorOf(request))),
  );

  app.delete(
    '/api/mailbox',
    { schema: { tags: ['mail'], summary: 'Disconnect your mailbox', response: { 204: Done } } },
    async (request, reply) => {
      await removeMailbox(ctx, actorOf(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/mailboxes',
    {
      schema: {
        tags: ['mail'],
        summary: "The organisation's mailboxes (an admin), else your own",
        response: { 200: Type.Array(MailboxView) },
      },
    },
    async (request) => (await listMailboxes(ctx, actorOf(request))).map(mailboxView),
  );

  app.post(
    '/api/prospects/:id/email',
    {
      schema: {
        tags: ['mail'],
        summary: "Send the prospect's next email from your mailbox, as drafted or edited",
        description:
          "Now (answers once the server took it, or refused it), or inside the contact's business window. " +
          'Sending the same email again gives the one already on its way; it goes once.',
        params: Id,
        body: Send,
        response: { 201: OutboxView },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const queued = await queueEmail(ctx, actor, request.params.id, request.body);
      const done =
        queued.mode === 'now' && queued.status === 'queued' ? (await deliver(ctx, queued.id)).item : queued;
      return reply.status(201).send(outboxView(done));
    },
  );

  app.get(
    '/api/outbox',
    {
      schema: {
        tags: ['mail'],
        summary: 'The emails on their way, waiting for you, and sent (yours; a manager: the team)',
        response: { 200: Type.Array(OutboxView) },
      },
    },
    async (request) => (await listOutbox(ctx, actorOf(request))).map(outboxView),
  );

  app.delete(
    '/api/outbox/:id',
    {
      schema: {
        tags: ['mail'],
        summary: 'Cancel an email that has not gone',
        params: Id,
        response: { 200: OutboxView },
      },
    },
    async (request) => outboxView(await cancelEmail(ctx, actorOf(request), request.params.id)),
  );

  app.post(
    '/api/outbox/:id/settle',
    {
      schema: {
        tags: ['mail'],
        summary: 'Say whether an email whose sending was cut off went (check your Sent folder)',
        params: Id,
        body: Type.Object({ went: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: OutboxView },
      },
    },
    async (request) =>
      outboxView(await settleEmail(ctx, actorOf(request), request.params.id, request.body.went)),
  );

  app.get(
    '/api/prospects/:id/mail',
    {
      schema: {
        tags: ['mail'],
        summary: 'The emails sent to a prospect, and what they wrote back, as Pursuit read it',
        params: Id,
        response: { 200: ProspectMail },
      },
    },
    async (request) => {
      const mail = await prospectMail(ctx, actorOf(request), request.params.id);
      return { emails: mail.emails.map(outboxView), replies: mail.replies.map(replyView) };
    },
  );

  app.patch(
    '/api/prospects/:id/replies/:reply',
    {
      schema: {
        tags: ['mail'],
        summary: 'Correct how a reply was read (its kind, and date); the prospect is decided again',
        params: Type.Object({ id: Text(200), reply: Text(200) }),
        body: Type.Object(
          {
            kind: Text(20),
            until: Type.Optional(
              Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: ReplyView },
      },
    },
    async (request) =>
      replyView(
        await correctReply(
          ctx,
          actorOf(request),
          request.params.id,
          request.params.reply,
          request.body.kind,
          request.body.until,
        ),
      ),
  );
}
