// Configuration is read once from the environment; a bad setting fails at start, naming the variable.

import { describe, expect, it } from 'vitest';
import { PursuitError } from '../core/errors.js';
import { readConfig } from './config.js';

function failure(env: Record<string, string>): PursuitError {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof PursuitError) return error;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('readConfig', () => {
  it('defaults to the SQLite file, 127.0.0.1:3000 and request logs', () => {
    expect(readConfig({})).toEqual({
      database: { kind: 'sqlite', path: 'data/pursuit.db' },
      user: undefined,
      now: undefined,
      server: { host: '127.0.0.1', port: 3000 },
      logLevel: 'info',
      secretKey: undefined,
      publicUrl: undefined,
      mailPollSeconds: 60,
      trustProxy: false,
    });
  });

  it('believes no proxy unless PURSUIT_TRUST_PROXY names them or counts their hops', () => {
    const trust = (value: string) => readConfig({ PURSUIT_TRUST_PROXY: value }).trustProxy;
    expect(trust('')).toBe(false);
    expect(trust('off')).toBe(false);
    expect(trust('1')).toBe(1);
    expect(trust('127.0.0.1, 10.0.0.0/8,::1,fd00::/8,loopback')).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
    for (const [value, words] of [
      ['true', "give the proxy's address"],
      ['10.0.0.0/33', 'prefix length out of range'],
      ['proxy.example.com', 'not an address'],
      ['10.0.0.1,,10.0.0.2', 'an empty entry'],
      ['99', 'expected 1 to 10 proxy hops'],
    ]) {
      const e = failure({ PURSUIT_TRUST_PROXY: value as string });
      expect(e.code).toBe('CONFIG_INVALID');
      expect(e.path).toBe('PURSUIT_TRUST_PROXY');
      expect(e.message).toContain(words);
    }
  });

  it('takes PostgreSQL, a port, a log level and a fixed clock from the environment', () => {
    const c = readConfig({
      DATABASE_URL: 'postgres://u@db/pursuit',
      PURSUIT_PORT: '8080',
      PURSUIT_HOST: '0.0.0.0',
      PURSUIT_LOG_LEVEL: 'warn',
      PURSUIT_NOW: '2026-03-10T15:00:00Z',
    });
    expect(c).toMatchObject({
      database: { kind: 'postgres', url: 'postgres://u@db/pursuit' },
      server: { host: '0.0.0.0', port: 8080 },
      logLevel: 'warn',
      now: Date.parse('2026-03-10T15:00:00Z'),
    });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('names the bad variable', () => {
    expect(failure({ DATABASE_URL: 'mysql://x' }).path).toBe('DATABASE_URL');
    expect(failure({ PURSUIT_PORT: '70000' }).path).toBe('PURSUIT_PORT');
    expect(failure({ PURSUIT_PORT: 'http' }).path).toBe('PURSUIT_PORT');
    expect(failure({ PURSUIT_LOG_LEVEL: 'chatty' }).path).toBe('PURSUIT_LOG_LEVEL');
    expect(failure({ PURSUIT_NOW: 'yesterday' }).path).toBe('PURSUIT_NOW');
    expect(failure({ PURSUIT_SECRET_KEY: 'too short' }).path).toBe('PURSUIT_SECRET_KEY');
    expect(failure({ PURSUIT_PUBLIC_URL: 'pursuit.example.com' }).path).toBe('PURSUIT_PUBLIC_URL');
    expect(failure({ PURSUIT_MAIL_POLL_SECONDS: '1' }).path).toBe('PURSUIT_MAIL_POLL_SECONDS');
  });

  it('takes the secret key and the public address for the email channel', () => {
    const c = readConfig({
      PURSUIT_SECRET_KEY: 'k'.repeat(40),
      PURSUIT_PUBLIC_URL: 'https://pursuit.example.com/',
    });
    expect(c).toMatchObject({ secretKey: 'k'.repeat(40), publicUrl: 'https://pursuit.example.com' });
  });
});
