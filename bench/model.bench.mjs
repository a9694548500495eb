// npm run bench:model — calibration on 10,000,000 events: a synthetic team of 1,000,000 prospects
// with 10 events each (touches in silence stretches, responses, deals), given as the store hands
// histories over (each prospect's events as JSON array text), read one by one into counts exactly
// as `pursuit calibrate` does (lessonsFromHistory, Evidence), then fitted and checked on the held-out
// fifth. Prints the time and the peak memory (RSS), then the simulator's quarter (model-simulate.mjs).
// Options: --prospects N (default 1,000,000), --events N per prospect (default 10).

import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => join(root, 'dist', p);
const { lessonsFromHistory } = await import(dist('app/model/calibrate.js'));
const { Evidence, calibrate } = await import(dist('core/model/calibrate.js'));
const { loadPlaybook } = await import(dist('core/playbook/load.js'));
const { seeded } = await import(dist('core/simulate/random.js'));
const { readFileSync } = await import('node:fs');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const PROSPECTS = arg('--prospects', 1_000_000);
const EVENTS = arg('--events', 10);
const NOW = Date.parse('2026-03-10T15:00:00Z');
const DAY = 86_400_000;
const playbook = loadPlaybook(readFileSync(join(root, 'playbooks/default.yaml'), 'utf8'));

const SOURCES = ['outbound', 'inbound', 'referral', 'event'];
/** One prospect's history as JSON text: stretches of touches ended (or not) by a response. */
function history(r, id) {
  const events = [];
  let at = NOW - 200 * DAY;
  let attempt = 0;
  const responsive = r() < 0.6;
  while (events.length < EVENTS) {
    at += Math.floor((1 + r() * 5) * DAY);
    attempt += 1;
    const channel = r() < 0.6 ? 'call' : 'email';
    events.push({
      id: `${id}-${events.length}`,
      type: 'touch',
      at: new Date(at).toISOString(),
      contactId: 'c',
      channel,
      outcome: channel === 'call' ? 'voicemail' : 'sent',
    });
    if (responsive && r() < 0.3 / attempt && events.length < EVENTS) {
      events.push({
        id: `${id}-${events.length}`,
        type: 'response',
        at: new Date(at + 3_600_000).toISOString(),
        contactId: 'c',
        channel: 'email',
        sentiment: 'positive',
      });
      attempt = 0;
      if (r() < 0.1 && events.length < EVENTS)
        events.push({
          id: `${id}-${events.length}`,
          type: 'deal',
          at: new Date(at + 2 * DAY).toISOString(),
          result: r() < 0.4 ? 'won' : 'lost',
        });
    }
  }
  return JSON.stringify(events);
}

let peak = process.memoryUsage().rss;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const r = seeded(42);
const evidence = new Evidence();
let generating = 0;
const started = performance.now();
for (let i = 0; i < PROSPECTS; i += 1) {
  const g0 = performance.now();
  const id = `p${i}`;
  const json = history(r, id);
  generating += performance.now() - g0;
  const { trials, wins } = lessonsFromHistory(
    { id, source: SOURCES[i % 4], dealValue: i % 5 === 0 ? null : 5_000 + (i % 97) * 1_000 },
    json,
    NOW,
  );
  evidence.add(id, trials, wins);
  if (i % 50_000 === 0) sample();
}
const fitStarted = performance.now();
const result = calibrate(evidence, playbook.doc.model, { version: 1 });
const done = performance.now();
sample();
const reading = (fitStarted - started - generating) / 1000;
console.log(
  `calibration on ${(PROSPECTS * EVENTS).toLocaleString('en-US')} events (${PROSPECTS.toLocaleString('en-US')} prospects): ` +
    `${(reading + (done - fitStarted) / 1000).toFixed(1)} s (reading histories into counts ${reading.toFixed(1)} s, fitting and the held-out check ${((done - fitStarted) / 1000).toFixed(2)} s; ` +
    `generating the synthetic JSON, not counted, ${(generating / 1000).toFixed(1)} s); target under 30 s`,
);
console.log(`peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB (target under 1 GiB)`);
console.log(
  `${result.trials.toLocaleString('en-US')} touches, ${result.responses.toLocaleString('en-US')} responses; held-out log loss ${result.heldOut.logLoss.toFixed(4)} against the prior's ${result.heldOut.priorLogLoss.toFixed(4)}; ${result.refusal ?? 'calibrated'}`,
);
