// node bench/replies.bench.mjs (after npm run build) — measures the reply classifier
// (src/core/replies) on the labelled corpus in test/fixtures/replies: for dev.jsonl and holdout.jsonl
// separately, the accuracy, a per-class table (count, precision, recall), the confusion matrix, how
// often the out-of-office return day and the not-now come-back day are exactly right (over the lines
// that have one labelled: a missing or wrong day is a miss), and the time per reply (median and p99
// over several passes, after a warm-up pass; and the process's CPU time per reply, which a busy
// machine disturbs less than the wall clock).
//
// Options: --errors  lists the misclassified dev lines and the dev date misses (text included);
//                    for holdout only ids and kinds are ever printed, never its texts.
//          --dev     measures dev.jsonl only (what tuning looks at; holdout is the final measure).
//          --passes N timing passes (default 20).

import { readFileSync } from 'node:fs';
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
const passesAt = args.indexOf('--passes');
const PASSES = passesAt === -1 ? 20 : Number(args[passesAt + 1]);

const load = (name) =>
  readFileSync(join(root, 'test/fixtures/replies', name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));

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

report('dev.jsonl', load('dev.jsonl'), false);
if (!devOnly) report('holdout.jsonl', load('holdout.jsonl'), true);
