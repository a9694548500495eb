import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // One temporary directory per run, removed at its end (test/support/temp-dir.ts).
    globalSetup: ['./test/support/temp-dir.ts'],
    pool: 'threads',
    // Sized for a loaded 2-core machine: a test that starts a process, a server or a browser may
    // wait its turn for a core for many seconds without being wrong.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll gives up after 1 s by default: on a loaded machine a page may take longer than that
    // to show what it will show.
    expect: { poll: { timeout: 15_000 } },
    // The JSON results let .ci/run print a plain "N passed, N failed" line.
    // The skip reporter says, after the summary, how many tests were skipped and why.
    reporters: ['default', 'json', './test/support/skip-reporter.ts'],
    outputFile: { json: 'test-artifacts/vitest-results.json' },
  },
});
