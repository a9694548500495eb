// The unsubscribe link every email carries, answered without signing in. A mail client's one-click
// request (RFC 8058: POST with List-Unsubscribe=One-Click) opts out at once; a person who opens the
// link sees one button, so that a link scanner that only looks (GET) never opts anyone out. The token
// is signed: a forged or guessed one is "not valid", and says nothing more.

import { Type } from 'typebox';
import type { FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app/context.js';
import { unsubscribe } from '../../app/mail/unsubscribe.js';
import { verified } from '../../app/mail/secrets.js';
import { PursuitError } from '../../core/errors.js';
import type { Api } from '../build-app.js';

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

function page(reply: FastifyReply, status: number, title: string, body: string) {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('x-robots-tag', 'noindex')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>${escape(title)}</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2937}` +
        `button{font:inherit;padding:.6rem 1.2rem;border-radius:.4rem;border:1px solid #1f2937;background:#1f2937;color:#fff;cursor:pointer}</style>` +
        `</head><body><h1>${escape(title)}</h1>${body}</body></html>`,
    );
}

const Token = Type.Object({ token: Type.String({ minLength: 1, maxLength: 300 }) });
const notValid = (reply: FastifyReply) =>
  page(
    reply,
    404,
    'This link is not valid',
    '<p>This unsubscribe link is not valid. Reply to the email to ask not to be contacted.</p>',
  );

export function unsubscribeRoutes(app: Api, ctx: AppContext): void {
  void app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    // A mail client's one-click request is a form body.
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => done(null, body),
    );

    scope.get(
      '/u/:token',
      { config: { public: true }, schema: { hide: true, params: Token } },
      async (request, reply) => {
        if (verified(ctx, request.params.token) === undefined) return notValid(reply);
        return page(
          reply,
          200,
          'Unsubscribe',
          `<p>Stop receiving these emails? You will not be contacted by email again.</p>` +
            `<form method="post"><button type="submit">Unsubscribe</button></form>`,
        );
      },
    );

    scope.post(
      '/u/:token',
      { config: { public: true }, schema: { hide: true, params: Token } },
      async (request, reply) => {
        try {
          const done = await unsubscribe(ctx, request.params.token);
          return page(
            reply,
            200,
            "You're unsubscribed",
            `<p>${escape(done.address)} will not be contacted again.</p>`,
          );
        } catch (error) {
          if (error instanceof PursuitError && error.code === 'NOT_FOUND') return notValid(reply);
          throw error;
        }
      },
    );
  });
}
