// npm run bench:decide — the decision engine's speed, in one run, two ways:
//
// 1. The engine alone, in process: the worked examples and the bench scenarios (parsed once) run
//    through normalizeScenario (the validating path the CLI and the API take), the trusted path for
//    stored data (stateFromStored), decide() alone, and normalize + decide together; each figure is
//    the median over several rounds of microseconds per scenario. The target: one decision in under
//    5 µs of engine time.
// 2. The CLI: 100,000 scenarios (the same corpus, cycled so that every rule is exercised) through
//    `pursuit decide --jsonl` on one thread, against the floor measured in the same run: the same
//    lines JSON-parsed and written by the same line pipeline without deciding. Prints the mix by
//    rule, the medians over several alternating runs, and their ratio.
//
// Options: --lines N (default 100000), --runs N (default 5), --rounds N (engine rounds, default 9),
// --engine (the engine alone, no CLI runs).

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
const ROUNDS = arg('--rounds', 9);
const ENGINE_ONLY = process.argv.includes('--engine');
const TARGET_MICROS = 5;

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

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// ---- 1. The engine alone ----

const dist = (path) => import(join(root, 'dist', path));
const { decide } = await dist('core/decide.js');
const { loadPlaybook } = await dist('core/playbook/load.js');
const { priorModel } = await dist('core/model/stopping-model.js');
const { normalizeScenario, stateFromStored } = await dist('core/scenario/normalize.js');

const playbook = loadPlaybook(readFileSync(join(root, 'playbooks/default.yaml'), 'utf8'));
const model = priorModel(playbook);
const inputs = corpus.map((line) => JSON.parse(line));
const states = inputs.map((input) => normalizeScenario(input));
/** Scenarios per timed pass: the corpus, repeated, so that one pass takes some tens of milliseconds. */
const REPEAT = Math.max(1, Math.ceil(20_000 / inputs.length));
const PER_PASS = REPEAT * inputs.length;

let sink = 0;
const passes = {
  normalize: () => {
    for (let r = 0; r < REPEAT; r += 1)
      for (const input of inputs) sink += normalizeScenario(input).events.length;
  },
  trusted: () => {
    for (let r = 0; r < REPEAT; r += 1)
      for (const input of inputs) sink += stateFromStored(input).events.length;
  },
  decide: () => {
    for (let r = 0; r < REPEAT; r += 1)
      for (const state of states) sink += decide(state, playbook, model).action.length;
  },
  together: () => {
    for (let r = 0; r < REPEAT; r += 1)
      for (const input of inputs) sink += decide(normalizeScenario(input), playbook, model).action.length;
  },
  trustedTogether: () => {
    for (let r = 0; r < REPEAT; r += 1)
      for (const input of inputs) sink += decide(stateFromStored(input), playbook, model).action.length;
  },
};

/** Microseconds per scenario of one pass: wall-clock, and CPU time of this process (what a shared machine's other load leaves out). */
function micros(pass) {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  pass();
  const wall = Number(process.hrtime.bigint() - started) / 1e3 / PER_PASS;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / PER_PASS };
}

// Warm up (the JIT, and the bounded caches a batch fills on its first decisions), then alternate.
for (const pass of Object.values(passes)) pass();
const times = Object.fromEntries(Object.keys(passes).map((name) => [name, []]));
for (let round = 0; round < ROUNDS; round += 1) {
  for (const [name, pass] of Object.entries(passes)) times[name].push(micros(pass));
}
const engine = Object.fromEntries(
  Object.entries(times).map(([name, list]) => [
    name,
    {
      wall: median(list.map((t) => t.wall)),
      best: Math.min(...list.map((t) => t.wall)),
      cpu: median(list.map((t) => t.cpu)),
    },
  ]),
);
const verdict = (us) => (us < TARGET_MICROS ? 'OK' : 'ABOVE TARGET');

console.log(
  `bench:decide engine: ${inputs.length} scenarios x ${REPEAT} per pass, ${ROUNDS} rounds, µs per scenario (checksum ${sink % 997})`,
);
console.log(
  `  ${''.padEnd(40)} ${'wall'.padStart(7)} ${'best'.padStart(7)} ${'CPU'.padStart(7)}   (medians; best: fastest round)`,
);
const row = (label, t, judged = false) =>
  console.log(
    `  ${label.padEnd(40)} ${t.wall.toFixed(2).padStart(7)} ${t.best.toFixed(2).padStart(7)} ${t.cpu.toFixed(2).padStart(7)}${judged ? `   wall ${verdict(t.wall)}, CPU ${verdict(t.cpu)} (target < ${TARGET_MICROS} µs)` : ''}`,
  );
row('normalizeScenario (validating)', engine.normalize);
row('stateFromStored (trusted, stored data)', engine.trusted);
row('decide(state, playbook, model)', engine.decide, true);
row('normalize + decide (validating)', engine.together, true);
row('stateFromStored + decide (stored)', engine.trustedTogether, true);
console.log(
  `  engine decisions/s, one thread (median wall): ${Math.round(1e6 / engine.together.wall).toLocaleString('en-US')} validating, ${Math.round(1e6 / engine.trustedTogether.wall).toLocaleString('en-US')} stored`,
);

// ---- 2. The CLI against its JSON parse floor ----

if (!ENGINE_ONLY) {
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

  const timed = (args, stdin = readFileSync(input)) => {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, {
      input: stdin,
      maxBuffer: 1024 * 1024 * 1024,
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (result.status !== 0) {
      throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.toString().slice(0, 500)}`);
    }
    return { seconds, stdout: result.stdout };
  };

  console.log(
    `\nbench:decide CLI: ${LINES.toLocaleString('en-US')} scenarios (${corpus.length} distinct, cycled; ${(bytes / 1e6).toFixed(1)} MB), ${RUNS} alternating runs, one thread each`,
  );

  const decideTimes = [];
  const floorTimes = [];
  // Each process with no input: its start (loading modules, the playbook), to tell apart from lines/s.
  const decideStarts = [];
  const floorStarts = [];
  const cli = [join(root, 'dist/main.js'), 'decide', '--jsonl'];
  let output;
  for (let run = 0; run < RUNS; run += 1) {
    floorTimes.push(timed([floorScript]).seconds);
    const decided = timed(cli);
    decideTimes.push(decided.seconds);
    output = decided.stdout;
    floorStarts.push(timed([floorScript], '').seconds);
    decideStarts.push(timed(cli, '').seconds);
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
  const decideStart = median(decideStarts);
  const floorStart = median(floorStarts);
  const afterStart = (times, start) => LINES / Math.max(median(times) - start, 1e-3);
  console.log(
    `process start (no input, median): decide ${decideStart.toFixed(2)} s, floor ${floorStart.toFixed(2)} s; after the start: decide ${Math.round(afterStart(decideTimes, decideStart)).toLocaleString('en-US')} lines/s, floor ${Math.round(afterStart(floorTimes, floorStart)).toLocaleString('en-US')} lines/s (ratio ${(afterStart(decideTimes, decideStart) / afterStart(floorTimes, floorStart)).toFixed(3)})`,
  );
  rmSync(work, { recursive: true, force: true });
}

const summary = (label, t) =>
  `${label} ${t.wall.toFixed(2)} µs wall (${verdict(t.wall)}), ${t.cpu.toFixed(2)} µs CPU (${verdict(t.cpu)})`;
console.log(`\nengine target: one decision in under ${TARGET_MICROS} µs (medians)`);
console.log(`  ${summary('decide() alone:', engine.decide)}`);
console.log(`  ${summary('validating normalize + decide:', engine.together)}`);
console.log(`  ${summary('stored (trusted) + decide:', engine.trustedTogether)}`);
