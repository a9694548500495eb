// The HTTP app, built but not listening (tests inject requests; `pursuit serve` listens): security
// headers, cookies, authentication, idempotent writes, OpenAPI at /docs generated from the same
// schemas that validate requests, one error handler, and the web app's static files.

import { existsSync } from 'node:fs';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
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
import type { LogLevel } from '../app/config.js';
import type { AppContext } from '../app/context.js';
import { registerAuth } from './auth.js';
import { checkAnswer, declareAnswers } from './answers.js';
import type { ApiRoute } from './answers.js';
import { errorHandler } from './errors.js';
import { registerIdempotency } from './idempotency.js';
import { dayRoutes } from './routes/day.routes.js';
import { eventRoutes } from './routes/events.routes.js';
import { importRoutes } from './routes/imports.routes.js';
import { modelRoutes } from './routes/model.routes.js';
import { stopImports } from '../app/import/jobs.js';
import { healthRoutes } from './routes/health.routes.js';
import { leadRoutes } from './routes/leads.routes.js';
import { playbookRoutes } from './routes/playbook.routes.js';
import { prospectRoutes } from './routes/prospects.routes.js';
import { sessionRoutes } from './routes/session.routes.js';
import { teamRoutes } from './routes/team.routes.js';
import { tokenRoutes } from './routes/tokens.routes.js';
import { userRoutes } from './routes/users.routes.js';
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
  /** The built web app (index.html and assets), served at /. */
  webRoot?: string;
  /** Check every JSON answer against the schema its route declares; one that differs is a fault (tests). */
  checkAnswers?: boolean;
}

export interface BuiltApp {
  app: Api;
  /** Readiness turns false while the server drains for a graceful shutdown. */
  state: { closing: boolean };
  /** The API's routes (under /api/, and health), as registered: what tests go through route by route. */
  routes: ApiRoute[];
}

export async function buildApp(ctx: AppContext, options: ApiOptions = {}): Promise<BuiltApp> {
  const app = Fastify({
    logger: options.logLevel === undefined ? false : { level: options.logLevel },
    // Request validation coerces query strings (limit=20) but never strips or defaults silently.
    ajv: {
      customOptions: { coerceTypes: true, removeAdditional: false, useDefaults: true, allErrors: false },
    },
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<TypeBoxTypeProvider>();
  const state = { closing: false };

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Pursuit API',
        version: '1',
        description:
          'Everything the app does. Sign in with POST /api/session (a cookie, and send x-csrf-token on changes) or use a personal token: Authorization: Bearer pst_... Writes accept an Idempotency-Key.',
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
  app.addHook('onRoute', (route) => {
    const declared = declareAnswers(route);
    if (declared !== undefined) routes.push(declared);
  });
  // Answers are written as they are (JSON.stringify), never trimmed to a schema: an answer that
  // differs from its declared schema is found by the check, not hidden.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  if (options.checkAnswers === true) app.addHook('onSend', checkAnswer);

  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ code: 'NOT_FOUND', message: `no such address: ${request.method} ${request.url}` }),
  );
  // What the server keeps in memory (who a cookie is, an agenda) holds until anyone writes, in this
  // process or another: start hearing the others' commits.
  await ctx.db.listenForChanges();
  registerAuth(app, ctx);
  registerIdempotency(app, ctx);

  healthRoutes(app, ctx, state);
  sessionRoutes(app, ctx);
  tokenRoutes(app, ctx);
  userRoutes(app, ctx);
  dayRoutes(app, ctx);
  prospectRoutes(app, ctx);
  eventRoutes(app, ctx);
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
    await app.register(fastifyStatic, { root: options.webRoot, wildcard: false });
    // The single-page app handles its own routes (/prospects/..., /team): every other page is index.html.
    app.get('/*', { config: { public: true }, schema: { hide: true } }, (_request, reply) =>
      reply.sendFile('index.html'),
    );
  }
  return { app, state, routes };
}
