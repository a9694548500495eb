// A line after the run's summary: how many tests were skipped, and why. A suite that cannot run on
// this machine (no PostgreSQL, no Chromium, no Dovecot) says why in its title as "(skipped: why)";
// the tests under it are counted by that reason.

import type { Reporter, TestModule } from 'vitest/node';

/** The text inside "(skipped: ...)", parentheses within it included; undefined when there is none. */
export function skipReason(name: string): string | undefined {
  const start = name.indexOf('(skipped: ');
  if (start === -1) return undefined;
  let depth = 0;
  for (let i = start; i < name.length; i++) {
    if (name[i] === '(') depth += 1;
    else if (name[i] === ')' && --depth === 0) return name.slice(start + '(skipped: '.length, i);
  }
  return name.slice(start + '(skipped: '.length);
}

export default class SkipReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const reasons = new Map<string, number>();
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        if (test.result().state !== 'skipped') continue;
        const reason = skipReason(test.fullName) ?? 'marked to skip in the test itself';
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      }
    }
    if (reasons.size === 0) return;
    const total = [...reasons.values()].reduce((a, b) => a + b, 0);
    const lines = [...reasons].sort((a, b) => b[1] - a[1]).map(([why, n]) => `  ${n}: ${why}`);
    process.stdout.write(
      `\n${total} test${total === 1 ? '' : 's'} skipped on this machine:\n${lines.join('\n')}\n`,
    );
  }
}
