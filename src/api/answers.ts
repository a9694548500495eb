// The answers that are not JSON objects of a view (app/*/views.ts): no content, files, health. Every
// route declares its answers (see build-app.ts, which adds the error body to each and refuses a route
// under /api/ that declares none).

import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import Type from 'typebox';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import type { Validator } from 'typebox/compile';
import { ErrorAnswer } from '../app/shapes.js';

/** 204: done, nothing to say. */
export const Done = Type.Null({ description: 'Done (no content)' });

const text = (description: string, types: string[]) => ({
  description,
  content: Object.fromEntries(types.map((t) => [t, { schema: Type.String() }])),
});

export const Invite = text('The invite, as an iCalendar file (RFC 5545)', ['text/calendar']);

export const ExportFile = text('The export, as CSV or JSON Lines (pursuit import reads both back)', [
  'text/csv',
  'application/x-ndjson',
]);

export const Health = Type.Object(
  {
    status: Type.String({ description: 'ok, ready, closing or database unavailable' }),
    database: Type.Optional(Type.Enum(['sqlite', 'postgres'])),
  },
  { additionalProperties: false },
);

/** A route of the API as registered: its method, address, whether anyone may call it, its answers. */
export interface ApiRoute {
  method: string;
  url: string;
  public: boolean;
  statuses: string[];
  /** The OpenAPI tags: what part of the product it is (mail, prospects, ...). */
  tags: string[];
}

/**
 * Adds the error body to every route's answers, and refuses a route of the API that declares no
 * answer of its own: its OpenAPI entry would say nothing, and no test could check it. Returns the
 * route as the route table lists it (undefined for routes outside the API: documentation, files).
 */
export function declareAnswers(route: RouteOptions): ApiRoute | undefined {
  const isApi = route.url.startsWith('/api/') || route.url === '/healthz' || route.url === '/readyz';
  if (!isApi) return undefined;
  const response = (route.schema?.response ?? {}) as Record<string, unknown>;
  if (!Object.keys(response).some((status) => /^2\d\d$/.test(status))) {
    throw new Error(`${String(route.method)} ${route.url} declares no answer (schema.response)`);
  }
  route.schema = { ...route.schema, response: { ...response, '4xx': ErrorAnswer, '5xx': ErrorAnswer } };
  const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
  // The HEAD twin Fastify makes of each GET answers as the GET does.
  if (methods.length === 0) return undefined;
  return {
    method: methods.join(','),
    url: route.url,
    public: route.config?.public === true,
    statuses: Object.keys(response),
    tags: ((route.schema as { tags?: string[] } | undefined)?.tags ?? []).slice(),
  };
}

const checkers = new WeakMap<object, Validator>();

function checkerOf(schema: TSchema): Validator {
  let checker = checkers.get(schema);
  if (checker === undefined) {
    checker = Compile(schema);
    checkers.set(schema, checker);
  }
  return checker;
}

/** The schema a route declares for an answer's status (an exact status, else its class: 4xx). */
function declaredFor(request: FastifyRequest, status: number): TSchema | undefined {
  const response = request.routeOptions.schema?.response as Record<string, TSchema> | undefined;
  if (response === undefined) return undefined;
  return response[String(status)] ?? response[`${String(status)[0]}xx`];
}

/** onSend: a JSON answer that differs from its declared schema is a fault, named with the field. */
export async function checkAnswer(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  const type = String(reply.getHeader('content-type') ?? '');
  if (typeof payload !== 'string' || !type.startsWith('application/json') || reply.statusCode === 204) {
    return payload;
  }
  const url = request.routeOptions.url;
  // Only the API's routes declare answers (not the documentation's, nor an unknown address's).
  if (url === undefined || request.routeOptions.schema?.response === undefined) return payload;
  const schema = declaredFor(request, reply.statusCode);
  if (schema === undefined) {
    throw new Error(`${request.method} ${url} answered ${reply.statusCode}, which it does not declare`);
  }
  const checker = checkerOf(schema);
  const value: unknown = JSON.parse(payload);
  if (!checker.Check(value)) {
    const first = [...checker.Errors(value)][0];
    throw new Error(
      `${request.method} ${url} answered ${reply.statusCode} outside its declared schema: ` +
        `${first?.instancePath || '(the answer)'} ${first?.message ?? ''}`,
    );
  }
  return payload;
}
