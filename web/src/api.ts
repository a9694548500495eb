// The API as the app uses it: JSON in and out, the session cookie sent by the browser, and the
// anti-forgery token on every change. An error keeps the API's code, message and field.

export interface ApiErrorBody {
  code: string;
  message: string;
  path?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
  }
}

let csrf: string | null = null;

export function setCsrf(token: string | null): void {
  csrf = token;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrf !== null) headers['x-csrf-token'] = csrf;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status === 204) return undefined as T;
  const data: unknown = await response
    .json()
    .catch(() => ({ code: 'INTERNAL_ERROR', message: response.statusText }));
  if (!response.ok) throw new ApiError(response.status, data as ApiErrorBody);
  return data as T;
}

/** Sends a file as the request's body (an import), with the anti-forgery token. */
export async function upload<T>(path: string, file: Blob, type: string): Promise<T> {
  const headers: Record<string, string> = { 'content-type': type };
  if (csrf !== null) headers['x-csrf-token'] = csrf;
  const response = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: file });
  const data: unknown = await response
    .json()
    .catch(() => ({ code: 'INTERNAL_ERROR', message: response.statusText }));
  if (!response.ok) throw new ApiError(response.status, data as ApiErrorBody);
  return data as T;
}

/** A message for a person: the field, then what was wrong. */
export function problem(error: unknown): string {
  if (error instanceof ApiError)
    return error.body.path === undefined ? error.body.message : `${error.body.path}: ${error.body.message}`;
  return error instanceof Error ? error.message : String(error);
}
