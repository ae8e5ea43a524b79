import { defineConfig } from 'vitest/config';
import { ProcessesFirstSequencer } from './tests/support/sequencer.ts';

// Three projects: fast unit/data tests; tests on a built site (one build shared through
// globalSetup); and the real Studio in Chromium against a loopback Content Lake (one Studio
// build per run; each file starts its own lake and its own Chromium, which maps the build's lake
// address to it, so the Studio files run side by side: see startStudioSession in
// tests/support/studio.ts).
// Most tests wait on a child process (a build, the Sanity CLI, Chromium), so four test files
// at a time keep both cores busy; Vitest's default on two cores is one.
// The three projects run as one group (no barrier between them): the 'unit' files that start
// processes first, while the global setups build the site and the Studio in the background
// (tests/support/global-setup.ts, studio-global-setup.ts; a 'site' or 'studio-browser' file
// waits for its build in its setup file), then the browser files, then the in-process 'unit'
// files to fill the end (tests/support/sequencer.ts).
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 600_000,
    maxWorkers: 4,
    sequence: { sequencer: ProcessesFirstSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'tests/unit/**/*.test.ts',
            'tests/studio/**/*.test.ts',
            'tests/dataset/**/*.test.ts',
            'tests/trust/**/*.test.ts',
            'tests/roundtrip/*.test.ts',
          ],
          // A Sanity CLI run takes 15 s on a quiet machine, and minutes beside other loads.
          testTimeout: 300_000,
          hookTimeout: 300_000,
          // One worker runs file after file with the modules it has imported (a fresh worker per
          // file costs 1-2 CPU s of imports): the files restore what they change (process.env)
          // and keep no state in shared modules.
          isolate: false,
        },
      },
      {
        test: {
          name: 'site',
          include: [
            'tests/site/**/*.test.ts',
            'tests/e2e/**/*.test.ts',
            'tests/roundtrip/site/*.test.ts',
          ],
          globalSetup: ['tests/support/global-setup.ts'],
          setupFiles: ['tests/support/site-ready.ts'],
          // As 'unit': shared workers, so the dataset's reading (siteContent) and the imports
          // are done once per worker, not once per file. Each file opens and closes its own
          // server and browser connection.
          isolate: false,
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'studio-browser',
          include: ['tests/studio-browser/**/*.test.ts'],
          globalSetup: ['tests/support/studio-global-setup.ts'],
          setupFiles: ['tests/support/studio-ready.ts'],
          // As 'unit': shared workers (each file starts its own lake and Chromium).
          isolate: false,
          // A real Studio in Chromium on two shared cores: a step that misses its moment (a menu
          // closed by a re-render while the document loads) is tried again, once, from the start;
          // a test that fails twice still fails.
          retry: 1,
          // Each step has its own limit (two minutes, tests/studio-browser/editor.ts) and fails
          // saying which; the longest test has a dozen steps, which took 300 s in all beside
          // a load average of 40-50 (a timeout then, and its retry passed).
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
