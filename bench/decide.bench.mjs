// npm run bench:decide — feeds 100,000 scenarios (the worked examples and the bench scenarios, cycled
// so that every rule is exercised) through `pursuit decide --jsonl` on one thread, and measures in
// the same run the floor: the same lines JSON-parsed and written by the same line pipeline without
// deciding. Prints the mix by rule, the medians over several alternating runs, and their ratio.
//
// Options: --lines N (default 100000), --runs N (default 5).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const LINES = arg('--lines', 100_000);
const RUNS = arg('--runs', 5);

function scenarios(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'))
    .sort()
    .map((f) => JSON.stringify(JSON.parse(readFileSync(join(dir, f), 'utf8'))));
}

const corpus = [
  ...scenarios(join(root, 'test/fixtures/scenarios')),
  ...scenarios(join(root, 'bench/scenarios')),
];
const work = mkdtempSync(join(tmpdir(), 'pursuit-bench-'));
const input = join(work, 'scenarios.jsonl');
const lines = Array.from({ length: LINES }, (_, i) => corpus[i % corpus.length]);
writeFileSync(input, `${lines.join('\n')}\n`);
const bytes = lines.reduce((n, l) => n + l.length + 1, 0);

const floorScript = join(work, 'floor.mjs');
writeFileSync(
  floorScript,
  `import { mapLines } from ${JSON.stringify(join(root, 'dist/app/lines.js'))};
await mapLines(process.stdin, process.stdout, (line) => ({ output: JSON.stringify(JSON.parse(line)), ok: true }));
`,
);

function timed(args) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, {
    input: readFileSync(input),
    maxBuffer: 1024 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) {
    throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.toString().slice(0, 500)}`);
  }
  return { seconds, stdout: result.stdout };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

console.log(
  `bench:decide: ${LINES.toLocaleString('en-US')} scenarios (${corpus.length} distinct, cycled; ${(bytes / 1e6).toFixed(1)} MB), ${RUNS} alternating runs, one thread each`,
);

const decideTimes = [];
const floorTimes = [];
let output;
for (let run = 0; run < RUNS; run += 1) {
  floorTimes.push(timed([floorScript]).seconds);
  const decided = timed([join(root, 'dist/main.js'), 'decide', '--jsonl']);
  decideTimes.push(decided.seconds);
  output = decided.stdout;
}

const mix = new Map();
const decisions = output.toString().trim().split('\n');
if (decisions.length !== LINES) throw new Error(`expected ${LINES} decisions, got ${decisions.length}`);
for (const line of decisions) {
  const d = JSON.parse(line);
  if (d.error !== undefined) throw new Error(`a bench scenario failed: ${line}`);
  mix.set(d.rule, (mix.get(d.rule) ?? 0) + 1);
}
console.log('\nmix by rule:');
for (const [rule, count] of [...mix].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${rule.padEnd(22)} ${String(count).padStart(7)}  ${((100 * count) / LINES).toFixed(1)}%`);
}

const decideRate = LINES / median(decideTimes);
const floorRate = LINES / median(floorTimes);
console.log(
  `\nruns (s): decide ${decideTimes.map((t) => t.toFixed(2)).join(' ')} | floor ${floorTimes.map((t) => t.toFixed(2)).join(' ')}`,
);
console.log(
  `decide --jsonl: ${Math.round(decideRate).toLocaleString('en-US')} decisions/s (median of ${RUNS}, process start included)`,
);
console.log(`floor (parse + write, no decide): ${Math.round(floorRate).toLocaleString('en-US')} lines/s`);
const ratio = decideRate / floorRate;
console.log(`ratio: ${ratio.toFixed(3)} (target >= 0.25) ${ratio >= 0.25 ? 'OK' : 'BELOW TARGET'}`);
rmSync(work, { recursive: true, force: true });
