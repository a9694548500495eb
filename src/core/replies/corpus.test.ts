// The classifier's own examples (src/core/replies/examples) and the corpus's dev set
// (test/fixtures/replies/dev.jsonl) as a regression guard: every example is read as labelled, and the
// dev set stays at or above the accuracy it had when this test was written. The blind sets
// (holdout, holdout2) are measured by npm run bench:replies only, never asserted. Generous timeouts:
// some 700 examples on a loaded machine.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifyReply } from './classify.js';

interface Line {
  id: string;
  kind: string;
  until?: string | null;
  subject: string;
  text: string;
  headers?: Record<string, string>;
  receivedAt: string;
  zone: string;
}

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const parse = (path: string): Line[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Line);

function misses(lines: Line[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const got = classifyReply({
      subject: line.subject,
      text: line.text,
      headers: line.headers ?? {},
      receivedAt: Date.parse(line.receivedAt),
      zone: line.zone,
    });
    const until = line.until ?? undefined;
    const dated = line.kind === 'out-of-office' || line.kind === 'not-now';
    if (got.kind !== line.kind) out.push(`${line.id}: read as ${got.kind}`);
    else if (dated && until !== undefined && got.until !== until)
      out.push(`${line.id}: date ${got.until ?? 'none'} instead of ${until}`);
  }
  return out;
}

describe('the reply corpus', () => {
  it('reads every one of the classifier’s own examples as labelled, dates included', () => {
    const dir = here('./examples/');
    const lines = readdirSync(dir)
      .filter((name) => name.endsWith('.jsonl'))
      .flatMap((name) => parse(`${dir}${name}`));
    expect(lines.length).toBeGreaterThan(500);
    expect(misses(lines)).toEqual([]);
  }, 60_000);

  it('keeps the dev set at 99% or better', () => {
    const lines = parse(here('../../../test/fixtures/replies/dev.jsonl'));
    const wrong = misses(lines);
    expect(wrong.length, wrong.join('\n')).toBeLessThanOrEqual(Math.floor(lines.length * 0.01));
  }, 60_000);
});
