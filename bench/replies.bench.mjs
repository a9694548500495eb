// node bench/replies.bench.mjs (after npm run build) — measures the reply classifier
// (src/core/replies) on the labelled corpus in test/fixtures/replies and on the classifier's own
// examples (src/core/replies/examples/*.jsonl): for dev.jsonl, the examples, holdout.jsonl and, once it
// exists, holdout2.jsonl separately, the accuracy, a per-class table (count, precision, recall), the confusion matrix, how
// often the out-of-office return day and the not-now come-back day are exactly right (over the lines
// that have one labelled: a missing or wrong day is a miss), and the time per reply (median and p99
// over several passes, after a warm-up pass; and the process's CPU time per reply, which a busy
// machine disturbs less than the wall clock).
//
// Options: --errors  lists the misclassified lines and the date misses of dev and the examples (text
//                    included); for the blind sets (holdout, holdout2) only ids and kinds are ever
//                    printed, never their texts.
//          --dev     measures dev.jsonl and the examples only (what tuning looks at; the blind sets
//                    are the final measure, each run once).
//          --only NAME  measures one set: dev, examples, holdout or holdout2.
//          --passes N timing passes (default 20).

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyReply } from '../dist/core/replies/classify.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const KINDS = [
  'positive',
  'neutral',
  'objection',
  'referral',
  'not-now',
  'not-interested',
  'out-of-office',
  'unsubscribe',
];
const SHORT = {
  positive: 'pos',
  neutral: 'neu',
  objection: 'obj',
  referral: 'ref',
  'not-now': 'now',
  'not-interested': 'noint',
  'out-of-office': 'ooo',
  unsubscribe: 'unsub',
};
const args = process.argv.slice(2);
const showErrors = args.includes('--errors');
const devOnly = args.includes('--dev');
const onlyAt = args.indexOf('--only');
const only = onlyAt === -1 ? undefined : args[onlyAt + 1];
const passesAt = args.indexOf('--passes');
const PASSES = passesAt === -1 ? 20 : Number(args[passesAt + 1]);

const FIXTURES = join(root, 'test/fixtures/replies');
const EXAMPLES = join(root, 'src/core/replies/examples');
const parse = (path) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
const load = (name) => parse(join(FIXTURES, name));
const examples = () =>
  readdirSync(EXAMPLES)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .flatMap((name) => parse(join(EXAMPLES, name)));

const toInput = (item) => ({
  subject: item.subject,
  text: item.text,
  headers: item.headers ?? {},
  receivedAt: Date.parse(item.receivedAt),
  zone: item.zone,
});

const pct = (n, d) => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

function timing(inputs) {
  for (const input of inputs) classifyReply(input);
  const cpuStart = process.cpuUsage();
  const perReply = [];
  for (let pass = 0; pass < PASSES; pass += 1) {
    for (const input of inputs) {
      const started = process.hrtime.bigint();
      classifyReply(input);
      perReply.push(Number(process.hrtime.bigint() - started) / 1000);
    }
  }
  const cpu = process.cpuUsage(cpuStart);
  const sorted = perReply.sort((a, b) => a - b);
  return {
    cpu: (cpu.user + cpu.system) / perReply.length,
    median: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    mean: sorted.reduce((s, v) => s + v, 0) / sorted.length,
  };
}

function dateRate(items, results, kind) {
  let labelled = 0;
  let right = 0;
  const misses = [];
  items.forEach((item, i) => {
    if (item.kind !== kind || item.until === null || item.until === undefined) return;
    labelled += 1;
    if (results[i].until === item.until) right += 1;
    else misses.push({ item, got: results[i] });
  });
  return { labelled, right, misses };
}

function report(name, items, secret) {
  const inputs = items.map(toInput);
  const results = inputs.map((input) => classifyReply(input));
  const confusion = new Map(KINDS.map((k) => [k, new Map(KINDS.map((j) => [j, 0]))]));
  let correct = 0;
  items.forEach((item, i) => {
    confusion.get(item.kind).set(results[i].kind, confusion.get(item.kind).get(results[i].kind) + 1);
    if (results[i].kind === item.kind) correct += 1;
  });
  console.log(`\n== ${name}: ${items.length} replies ==`);
  console.log(`accuracy: ${pct(correct, items.length).trim()} (${correct}/${items.length})`);
  console.log(
    `\n${'class'.padEnd(16)} ${'count'.padStart(5)} ${'precision'.padStart(9)} ${'recall'.padStart(8)}`,
  );
  for (const k of KINDS) {
    const count = [...confusion.get(k).values()].reduce((s, v) => s + v, 0);
    const predicted = KINDS.reduce((s, j) => s + confusion.get(j).get(k), 0);
    const hit = confusion.get(k).get(k);
    console.log(
      `${k.padEnd(16)} ${String(count).padStart(5)} ${pct(hit, predicted).padStart(9)} ${pct(hit, count).padStart(8)}`,
    );
  }
  console.log(`\nconfusion (rows: labelled, columns: classified)`);
  console.log(`${''.padEnd(7)}${KINDS.map((k) => SHORT[k].padStart(6)).join('')}`);
  for (const k of KINDS) {
    console.log(
      `${SHORT[k].padEnd(7)}${KINDS.map((j) => String(confusion.get(k).get(j) || '.').padStart(6)).join('')}`,
    );
  }
  const ooo = dateRate(items, results, 'out-of-office');
  const now = dateRate(items, results, 'not-now');
  console.log(
    `\nout-of-office return day exact: ${pct(ooo.right, ooo.labelled).trim()} (${ooo.right}/${ooo.labelled})`,
  );
  console.log(
    `not-now come-back day exact:    ${pct(now.right, now.labelled).trim()} (${now.right}/${now.labelled})`,
  );
  const t = timing(inputs);
  console.log(
    `time per reply: median ${t.median.toFixed(1)} µs, p99 ${t.p99.toFixed(1)} µs, mean ${t.mean.toFixed(1)} µs; CPU ${t.cpu.toFixed(1)} µs (${PASSES} passes after a warm-up)`,
  );
  if (!showErrors) return;
  const wrong = items
    .map((item, i) => ({ item, got: results[i] }))
    .filter(({ item, got }) => item.kind !== got.kind);
  console.log(`\nmisclassified (${wrong.length}):`);
  for (const { item, got } of wrong) {
    console.log(`- ${item.id}: labelled ${item.kind}, classified ${got.kind} (${got.confidence})`);
    if (secret) continue;
    console.log(`  phrases: ${JSON.stringify(got.phrases)}`);
    console.log(`  own text: ${JSON.stringify(got.ownText.slice(0, 400))}`);
  }
  console.log(`\ndate misses (out-of-office ${ooo.misses.length}, not-now ${now.misses.length}):`);
  for (const { item, got } of [...ooo.misses, ...now.misses]) {
    console.log(`- ${item.id}: labelled ${item.until}, got ${got.until ?? 'none'} (classified ${got.kind})`);
    if (secret) continue;
    console.log(
      `  received ${item.receivedAt} ${item.zone}; own text: ${JSON.stringify(got.ownText.slice(0, 400))}`,
    );
  }
}

// [name, lines, secret]: the texts of a secret (blind) set are never printed.
const SETS = [
  ['dev', () => ['dev.jsonl', load('dev.jsonl'), false]],
  ['examples', () => ['examples/*.jsonl', examples(), false]],
  ['holdout', () => ['holdout.jsonl', load('holdout.jsonl'), true]],
  ['holdout2', () => ['holdout2.jsonl', load('holdout2.jsonl'), true]],
];
for (const [key, set] of SETS) {
  if (only !== undefined ? key !== only : devOnly && (key === 'holdout' || key === 'holdout2')) continue;
  if (key === 'holdout2' && !existsSync(join(FIXTURES, 'holdout2.jsonl'))) continue;
  report(...set());
}
