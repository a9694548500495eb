// Test support for the HTTP API through inject(): signing in as a demo user (the session cookie and
// its anti-forgery token), and calling a route as them.

import type { Api } from '../../src/api/build-app.js';
import { DEMO_PASSWORD } from '../../src/app/demo/demo.js';

export interface Caller {
  cookie: string;
  csrf: string;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Signs in (each email from an address of its own, so the address limit stays out of the way). */
export async function signIn(app: Api, email: string, password = DEMO_PASSWORD, address = email) {
  return app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { email, password },
    remoteAddress: address,
  });
}

/** The cookie and anti-forgery token a successful sign-in gave. */
export function callerOf(r: Awaited<ReturnType<typeof signIn>>): Caller {
  const cookie = r.cookies.find((k) => k.name === 'pursuit_session');
  return { cookie: `pursuit_session=${cookie?.value ?? ''}`, csrf: r.json<{ csrf: string }>().csrf };
}

/** Signs in, failing the test with the answer when that does not work. */
export async function caller(app: Api, email: string, password = DEMO_PASSWORD): Promise<Caller> {
  const r = await signIn(app, email, password);
  if (r.statusCode !== 200) throw new Error(`cannot sign in as ${email}: ${r.statusCode} ${r.body}`);
  return callerOf(r);
}

export function headersOf(c: Caller): Record<string, string> {
  return { cookie: c.cookie, 'x-csrf-token': c.csrf };
}

/** Calls a route as a signed-in caller, with a JSON body when one is given. */
export async function call(app: Api, c: Caller, method: Method, url: string, payload?: unknown) {
  return app.inject({
    method,
    url,
    headers: headersOf(c),
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}
