// Fuzzing the decision contract (issue 13, item 2): 10,000 mutated scenarios through one
// `pursuit decide --jsonl` process (the built executable, reading them as one stream). The mutations
// start from the contract's example scenarios (test/fixtures/scenarios): a field of the wrong type,
// missing, unknown, huge or nested deep; lines cut short, not JSON, blank, with invalid UTF-8 or a
// stray CR. Seeded, so a failure repeats. The process must answer every line in order (a decision,
// or {line, error: {code, message, path}} naming the field), exit 0 or 1, and write nothing else.

import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/core/errors.js';
import { nastyValue } from '../support/fuzz.js';

const LINES = 10_000;
const SEED = 20261307;
const BIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const SCENARIOS = fileURLToPath(new URL('../fixtures/scenarios/', import.meta.url));

type Json = Record<string, unknown>;

/** Every path into a value (objects' keys, arrays' indexes), to pick one to spoil. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const key = Array.isArray(value) ? Number(k) : k;
      out.push([...prefix, key]);
      paths(v, [...prefix, key], out);
    }
  }
  return out;
}

/** A copy of `value` with the thing at `path` replaced (or deleted when `next` is undefined). */
function replaced(value: unknown, path: (string | number)[], next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as Json) }) as Json;
  const inner = replaced(copy[head as string], rest, next);
  if (inner === undefined && rest.length === 0) delete copy[head as string];
  else copy[head as string] = inner;
  return copy;
}

function run(input: Buffer): Promise<{ status: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'decide', '--jsonl'], { env: { TZ: 'UTC' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({ status, out: Buffer.concat(out).toString(), err: Buffer.concat(err).toString() }),
    );
    child.stdin.end(input);
  });
}

describe('fuzzing pursuit decide --jsonl', () => {
  it(`answers ${LINES} mutated scenarios in one process, each with a decision or a named error`, async () => {
    const bases = readdirSync(SCENARIOS)
      .filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'))
      .map((f) => JSON.parse(readFileSync(`${SCENARIOS}${f}`, 'utf8')) as Json);
    const unit = fc.integer({ min: 0, max: 9999 }).map((n) => n / 10_000);
    const mutation = fc.record({
      base: fc.nat(),
      edits: fc.array(fc.tuple(unit, fc.oneof(nastyValue, fc.constant(undefined))), {
        minLength: 1,
        maxLength: 3,
      }),
      extra: fc.constantFrom(undefined, 'zzz', 'prospect.zzz', '__proto__'),
      line: fc.constantFrom(
        'json',
        'json',
        'json',
        'json',
        'json',
        'json',
        'cut',
        'blank',
        'utf8',
        'cr',
        'deep',
      ),
    });
    const lines: Buffer[] = [];
    for (const m of fc.sample(fc.noBias(mutation), { seed: SEED, numRuns: LINES })) {
      let s: unknown = bases[m.base % bases.length];
      for (const [at, value] of m.edits) {
        const all = paths(s);
        s = replaced(s, all[Math.floor(at * all.length)] ?? [], value);
      }
      if (m.extra !== undefined && s !== null && typeof s === 'object') {
        s = replaced(s, m.extra.split('.'), 1);
      }
      const text = JSON.stringify(s) ?? 'undefined';
      const line =
        m.line === 'cut'
          ? Buffer.from(text.slice(0, Math.floor(text.length / 2)))
          : m.line === 'blank'
            ? Buffer.from('')
            : m.line === 'utf8'
              ? Buffer.concat([
                  Buffer.from(text.slice(0, 20)),
                  Buffer.from([0xff, 0xc3, 0x28]),
                  Buffer.from(text.slice(20)),
                ])
              : m.line === 'cr'
                ? Buffer.from(`${text}\r`)
                : m.line === 'deep'
                  ? Buffer.from(`${'['.repeat(5_000)}${']'.repeat(5_000)}`)
                  : Buffer.from(text);
      lines.push(line, Buffer.from('\n'));
    }
    const result = await run(Buffer.concat(lines));
    expect(result.err).toBe('');
    expect([0, 1]).toContain(result.status);
    const answers = result.out.split('\n');
    expect(answers.pop()).toBe('');
    expect(answers).toHaveLength(LINES);
    const failures = new Map<string, number>();
    let decided = 0;
    for (const [i, text] of answers.entries()) {
      const answer = JSON.parse(text) as Json;
      if (answer.error === undefined) {
        if (typeof answer.action === 'string') decided += 1;
        else failures.set(`line ${i + 1}: neither a decision nor an error: ${text.slice(0, 120)}`, 1);
        continue;
      }
      const e = answer.error as Json;
      const problem =
        answer.line !== i + 1
          ? `answered as line ${String(answer.line)}`
          : !(String(e.code) in ERROR_CODES) || e.code === 'INTERNAL_ERROR'
            ? `code ${String(e.code)}: ${String(e.message).slice(0, 100)}`
            : typeof e.path !== 'string' || e.path === ''
              ? `no path: ${String(e.message).slice(0, 100)}`
              : undefined;
      if (problem !== undefined) failures.set(problem, (failures.get(problem) ?? 0) + 1);
    }
    expect([...failures].map(([p, n]) => `${n}x ${p}`)).toEqual([]);
    // Some mutations leave a scenario that still decides: the fuzz reaches the engine too.
    expect(decided).toBeGreaterThan(0);
  }, 300_000);
});
