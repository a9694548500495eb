// Mailbox secrets at rest, and the signature of unsubscribe links, both from PURSUIT_SECRET_KEY: a
// copy of the database alone opens no mailbox. Two keys are derived from it (HKDF-SHA256), one per
// use. A secret is sealed with AES-256-GCM under a fresh IV, and carries the fingerprint of the key
// it was sealed with, so a different key is told apart from a damaged secret.

import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { PursuitError } from '../../core/errors.js';
import type { AppContext } from '../context.js';

interface Keys {
  seal: Buffer;
  sign: Buffer;
  fingerprint: string;
}

const derived = new Map<string, Keys>();

function keysOf(ctx: AppContext): Keys {
  const secret = ctx.secretKey;
  if (secret === undefined) {
    throw new PursuitError(
      'CONFIG_INVALID',
      'set PURSUIT_SECRET_KEY (32 characters or more, e.g. from `openssl rand -base64 32`) to connect mailboxes: it encrypts their passwords and tokens',
      'PURSUIT_SECRET_KEY',
    );
  }
  let keys = derived.get(secret);
  if (keys === undefined) {
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, 'pursuit', info, 32));
    const seal = derive('mailbox secrets');
    keys = {
      seal,
      sign: derive('unsubscribe links'),
      fingerprint: createHmac('sha256', seal).update('fingerprint').digest('base64url').slice(0, 8),
    };
    derived.set(secret, keys);
  }
  return keys;
}

/** Whether secrets can be sealed here (the key is set). */
export function canSeal(ctx: AppContext): boolean {
  return ctx.secretKey !== undefined;
}

export function seal(ctx: AppContext, value: unknown): string {
  const keys = keysOf(ctx);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.seal, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return [
    'v1',
    keys.fingerprint,
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    body.toString('base64url'),
  ].join(':');
}

export function unseal<T>(ctx: AppContext, sealed: string): T {
  const keys = keysOf(ctx);
  const [version, fingerprint, iv, tag, body] = sealed.split(':');
  if (version !== 'v1' || iv === undefined || tag === undefined || body === undefined) {
    throw new PursuitError(
      'CONFIG_INVALID',
      'a stored mailbox secret is damaged: connect the mailbox again',
      'mailbox',
    );
  }
  if (fingerprint !== keys.fingerprint) {
    throw new PursuitError(
      'CONFIG_INVALID',
      'the mailbox secrets were sealed with another PURSUIT_SECRET_KEY: set the key they were sealed with, or connect the mailboxes again',
      'PURSUIT_SECRET_KEY',
    );
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', keys.seal, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const text = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
    return JSON.parse(text) as T;
  } catch {
    throw new PursuitError(
      'CONFIG_INVALID',
      'a stored mailbox secret is damaged: connect the mailbox again',
      'mailbox',
    );
  }
}

/** A value and its signature, for a link that must not be forged or guessed (`id.signature`). */
export function signed(ctx: AppContext, value: string): string {
  const mac = createHmac('sha256', keysOf(ctx).sign).update(value).digest('base64url').slice(0, 32);
  return `${value}.${mac}`;
}

/** The value of a signed token, or undefined when its signature is not ours. */
export function verified(ctx: AppContext, token: string): string | undefined {
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const value = token.slice(0, dot);
  const expected = Buffer.from(signed(ctx, value).slice(dot + 1));
  const given = Buffer.from(token.slice(dot + 1));
  return given.length === expected.length && timingSafeEqual(given, expected) ? value : undefined;
}
