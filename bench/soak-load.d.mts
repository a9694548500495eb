// Types of bench/soak-load.mjs, for the tests that drive it.

import type { ChildProcess } from 'node:child_process';
import type { DatabaseConfig } from '../src/store/database.js';

export interface Caller {
  email: string;
  token: string;
  prospects: string[];
}
export interface Acknowledged {
  caller: Caller;
  url: string;
  prospectId: string;
  key: string;
  eventId: string;
}
export interface LoadOptions {
  connections?: number;
  requests?: number;
  seconds?: number;
  writeShare?: number;
  seed?: number;
  /** Called after each answer (or failure), with the result so far. */
  onAnswer?: (result: LoadResult) => void;
}
export interface LoadResult {
  requests: number;
  statuses: Record<string, number>;
  failures: { status: number | 'network'; body: unknown }[];
  acknowledged: Acknowledged[];
  latencies: number[];
  /** Every write sent, answered or not. */
  issued: Omit<Acknowledged, 'eventId'>[];
}
export interface Server {
  url: string;
  child: ChildProcess;
  exited: Promise<unknown[]>;
  stderr(): string;
  rssKb(): number;
  stop(): Promise<void>;
  kill(): Promise<void>;
}
export interface SoakResult extends LoadResult {
  elapsed: number;
  rssStart: number[];
  rssEnd: number[];
  cli: { ok: number; failed: string[] };
  lost: Acknowledged[];
  callers: Caller[];
  urls: string[];
}

export const BIN: string;
export const REPS: string[];
export const TOUCH: { type: 'touch'; channel: 'call'; outcome: 'voicemail' };
export function rng(seed: number): () => number;
export function databaseEnv(database: DatabaseConfig): Record<string, string>;
export function freePort(): Promise<number>;
export function pursuit(
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number; out: string; err: string }>;
export function startServer(env: Record<string, string>): Promise<Server>;
export function repCaller(url: string, email: string): Promise<Caller>;
export function write(url: string, caller: Caller, prospectId: string, key: string): Promise<Response>;
export function mixedLoad(options: LoadOptions & { urls: string[]; callers: Caller[] }): Promise<LoadResult>;
export function lostWrites(database: DatabaseConfig, acknowledged: Acknowledged[]): Promise<Acknowledged[]>;
export function eventCount(database: DatabaseConfig): Promise<number>;
export function percentile(values: number[], p: number): number;
export function soak(
  options: LoadOptions & {
    database: DatabaseConfig;
    servers?: number;
    prospects?: number;
    now?: string;
    cliWrites?: number;
    afterLoad?: (result: SoakResult) => Promise<void>;
  },
): Promise<SoakResult>;
