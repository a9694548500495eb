// The simulator's half of npm run bench:model: one simulated quarter (63 business days) of the
// default world with 100 reps, every policy of `pursuit simulate` on one seed (the engine with the
// calibrated model, recalibrating every 30 days; the engine on the prior; oldest first; six fixed
// rules), from dist/ (npm run build first). Prints the time, per policy and in all, and the peak
// memory; target under 60 s.
//
// Run directly: node bench/model-simulate.mjs [--reps N] [--days N] [--seed N]; or import its
// default export, which prints the same lines and returns the figures.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => join(root, 'dist', p);

export default async function simulateQuarter({ reps = 100, days = 63, seed = 1, print = console.log } = {}) {
  const { loadPlaybook } = await import(dist('core/playbook/load.js'));
  const { WORLDS } = await import(dist('core/simulate/worlds.js'));
  const { withOverrides } = await import(dist('core/simulate/world.js'));
  const { drawLeads } = await import(dist('core/simulate/leads.js'));
  const { POLICIES } = await import(dist('core/simulate/policies.js'));
  const { runPolicy } = await import(dist('core/simulate/run.js'));
  const playbook = loadPlaybook(readFileSync(join(root, 'playbooks/default.yaml'), 'utf8'));
  const world = withOverrides(WORLDS.default, { reps, days });
  let peak = process.memoryUsage().rss;
  const started = performance.now();
  const leads = drawLeads(world, seed);
  const policies = [];
  let touches = 0;
  for (const policy of POLICIES) {
    const t0 = performance.now();
    const metrics = runPolicy({ world, playbook, policy, seed, leads });
    const seconds = (performance.now() - t0) / 1000;
    peak = Math.max(peak, process.memoryUsage().rss);
    touches += metrics.touches;
    policies.push({ policy: policy.name, seconds, touches: metrics.touches });
  }
  const seconds = (performance.now() - started) / 1000;
  print(
    `simulated quarter: ${reps} reps x ${days} business days, ${leads.length.toLocaleString('en-US')} leads, ` +
      `${POLICIES.length} policies, ${touches.toLocaleString('en-US')} touches: ${seconds.toFixed(1)} s ` +
      `(target under 60 s); peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB`,
  );
  print(`  per policy: ${policies.map((p) => `${p.policy} ${p.seconds.toFixed(1)} s`).join(', ')}`);
  return { seconds, reps, days, leads: leads.length, touches, policies, peakRss: peak };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i === -1 ? fallback : Number(process.argv[i + 1]);
  };
  await simulateQuarter({ reps: arg('--reps', 100), days: arg('--days', 63), seed: arg('--seed', 1) });
}
