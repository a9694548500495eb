// The HTTP app, built but not listening (tests inject requests; `pursuit serve` listens): security
// headers, cookies, authentication, idempotent writes, OpenAPI at /docs generated from the same
// schemas that validate requests, one error handler, and the web app's static files.

import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { LogLevel, TrustProxy } from '../app/config.js';
import type { AppContext } from '../app/context.js';
import { registerAuth } from './auth.js';
import { checkAnswer, declareAnswers } from './answers.js';
import type { ApiRoute } from './answers.js';
import { BODY_LIMIT, errorHandler, notFoundHandler, REQUEST_ID_HEADER } from './errors.js';
import { validatorCompiler } from './validation.js';
import { registerIdempotency } from './idempotency.js';
import { registerSecurityHeaders } from './transport.js';
import { dayRoutes } from './routes/day.routes.js';
import { eventRoutes } from './routes/events.routes.js';
import { importRoutes } from './routes/imports.routes.js';
import { modelRoutes } from './routes/model.routes.js';
import { stopImports } from '../app/import/jobs.js';
import { healthRoutes } from './routes/health.routes.js';
import { leadRoutes } from './routes/leads.routes.js';
import { noteRoutes } from './routes/notes.routes.js';
import { playbookRoutes } from './routes/playbook.routes.js';
import { prospectRoutes } from './routes/prospects.routes.js';
import { sessionRoutes } from './routes/session.routes.js';
import { teamRoutes } from './routes/team.routes.js';
import { tokenRoutes } from './routes/tokens.routes.js';
import { userRoutes } from './routes/users.routes.js';
import { auditRoutes } from './routes/audit.routes.js';
import { mailRoutes } from './routes/mail.routes.js';
import { unsubscribeRoutes } from './routes/unsubscribe.routes.js';
import { suppressionRoutes } from './routes/suppressions.routes.js';

export type Api = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface ApiOptions {
  /** Structured logs (JSON lines) from this level; none when absent (tests). */
  logLevel?: LogLevel;
  /** Where those logs go (standard output when absent). */
  logStream?: NodeJS.WritableStream;
  /** The built web app (index.html and assets), served at /. */
  webRoot?: string;
  /** Check every JSON answer against the schema its route declares; one that differs is a fault (tests). */
  checkAnswers?: boolean;
  /** Which proxies' X-Forwarded-For and X-Forwarded-Proto are believed (PURSUIT_TRUST_PROXY); none by default. */
  trustProxy?: TrustProxy;
}

export interface BuiltApp {
  app: Api;
  /** Readiness turns false while the server drains for a graceful shutdown. */
  state: { closing: boolean };
  /** The API's routes (under /api/, and health), as registered: what tests go through route by route. */
  routes: ApiRoute[];
  /**
   * The other addresses the server answers (the unsubscribe pages), not the docs nor the web app's
   * files; complete once the app is ready (`await app.ready()`).
   */
  pages: { method: string; url: string; public: boolean }[];
}

/**
 * Fastify's trustProxy: off, the proxies' addresses, or a hop count. Fastify 5.12 no longer honours a
 * bare number (a client reaching the port directly could forge its headers), so a hop count is a
 * function here: documented as safe only where nothing but the proxy reaches the port.
 */
function trustProxyOption(
  trust: TrustProxy | undefined,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (trust === undefined || trust === false) return false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return [...trust];
}

/** Marks the context that serves the web app's files. */
const WEB_FILES = 'pursuitWebFiles';

export async function buildApp(ctx: AppContext, options: ApiOptions = {}): Promise<BuiltApp> {
  const app = Fastify({
    logger:
      options.logLevel === undefined
        ? false
        : {
            level: options.logLevel,
            ...(options.logStream === undefined ? {} : { stream: options.logStream }),
          },
    bodyLimit: BODY_LIMIT,
    // A malformed address (bad %-encoding, an overlong part) is answered as every other refusal.
    frameworkErrors: errorHandler,
    // Each request's id is random (not a counter that says how busy the server is), in every answer.
    genReqId: () => randomUUID(),
    trustProxy: trustProxyOption(options.trustProxy),
  }).withTypeProvider<TypeBoxTypeProvider>();
  // Bodies are taken as sent; query strings and path parameters are converted (limit=20).
  app.setValidatorCompiler(validatorCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  const state = { closing: false };

  registerSecurityHeaders(app);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Pursuit API',
        version: '1',
        description:
          'Everything the app does. Sign in with POST /api/session (a cookie, and send x-csrf-token on changes) or use a personal token: Authorization: Bearer pst_... Writes accept an Idempotency-Key. ' +
          `Request bodies are JSON (application/json) of at most ${BODY_LIMIT / 1024 / 1024} MB, refused with 413 before they are read (an import's file, POST /api/imports, has no such limit); ` +
          'their values must have the declared types (no "1" for 1, no 0 for false). Every refusal is {code, message, path}, path naming the field (or body, or the header). ' +
          'Every answer carries an x-request-id header; a 500 names it, and the server logs the cause under it.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'pursuit_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list' } });

  // Every route declares its answers: the OpenAPI document shows them, and checkAnswers holds them.
  const routes: ApiRoute[] = [];
  const pages: BuiltApp['pages'] = [];
  // The web app's files (registered in a context of their own, marked WEB_FILES) are not pages.
  app.addHook('onRoute', function (route) {
    const declared = declareAnswers(route);
    if (declared !== undefined) routes.push(declared);
    else if (!this.hasDecorator(WEB_FILES) && !route.url.startsWith('/docs')) {
      const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter(
        (m) => m !== 'HEAD',
      );
      if (methods.length > 0)
        pages.push({ method: methods.join(','), url: route.url, public: route.config?.public === true });
    }
  });
  // Answers are written as they are (JSON.stringify), never trimmed to a schema: an answer that
  // differs from its declared schema is found by the check, not hidden.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  if (options.checkAnswers === true) app.addHook('onSend', checkAnswer);

  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  // What the server keeps in memory (who a cookie is, an agenda) holds until anyone writes, in this
  // process or another: start hearing the others' commits.
  await ctx.db.listenForChanges();
  registerAuth(app, ctx);
  registerIdempotency(app, ctx);

  healthRoutes(app, ctx, state);
  sessionRoutes(app, ctx);
  tokenRoutes(app, ctx);
  userRoutes(app, ctx);
  auditRoutes(app, ctx);
  dayRoutes(app, ctx);
  prospectRoutes(app, ctx);
  eventRoutes(app, ctx);
  noteRoutes(app, ctx);
  leadRoutes(app, ctx);
  teamRoutes(app, ctx);
  playbookRoutes(app, ctx);
  importRoutes(app, ctx);
  modelRoutes(app, ctx);
  mailRoutes(app, ctx);
  unsubscribeRoutes(app, ctx);
  suppressionRoutes(app, ctx);
  // A server stopping stops its imports after their current batch, and records how far they got.
  app.addHook('onClose', () => stopImports(ctx));

  if (options.webRoot !== undefined && existsSync(options.webRoot)) {
    const webRoot = options.webRoot;
    await app.register(async (web) => {
      web.decorate(WEB_FILES, true);
      await web.register(fastifyStatic, { root: webRoot, wildcard: false });
      // The single-page app handles its own routes (/prospects/..., /team): every other page is index.html.
      web.get('/*', { config: { public: true }, schema: { hide: true } }, (request, reply) =>
        // An address under /api/ that no route answers is not a page of the app.
        /^\/api(\/|\?|$)/.test(request.url) ? notFoundHandler(request, reply) : reply.sendFile('index.html'),
      );
    });
  }
  return { app, state, routes, pages };
}
