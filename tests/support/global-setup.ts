// Global setup of the vitest 'site' project: builds the default site (embedded dataset, no
// Sanity variables) once and provides its path as `distDir`. Each run has its own folder, so
// two test runs at once (in development) never read a build the other is replacing. It also
// starts one Chromium for the run's browser tests (`chromiumEndpoint`, see browser.ts).
//
// The build runs in the background: Vitest runs every project's global setup before any test,
// so waiting here would hold up the 'unit' project too. The 'unit' files that start processes
// run first (tests/support/sequencer.ts) while the site builds; each 'site' test file waits for
// the build before it starts (site-ready.ts, its setup file).
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startInBackground } from './background-build.ts';
import { launchBrowserServer } from './browser.ts';
import { ROOT, buildSiteOrThrow } from './site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the default site build (complete once site-ready.ts has resolved). */
    distDir: string;
  }
}

const RUN_DIR = path.join(ROOT, '.cache', 'test-site', `run-${process.pid}`);

/** Where the background build leaves its outcome: `{ ok: true }` or `{ ok: false, error }`. */
export function buildResultFile(distDir: string): string {
  return path.join(path.dirname(distDir), 'build-result.json');
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const distDir = path.join(RUN_DIR, 'dist');
  await rm(RUN_DIR, { recursive: true, force: true });
  await mkdir(RUN_DIR, { recursive: true });
  const built = startInBackground(buildResultFile(distDir), () =>
    buildSiteOrThrow({ outDir: distDir }),
  );
  project.provide('distDir', distDir);
  // A browser that cannot start is reported by the first test that needs one (launchBrowser
  // then launches its own, and fails saying what to install).
  const server = await launchBrowserServer().catch(() => undefined);
  project.provide('chromiumEndpoint', server?.wsEndpoint() ?? '');
  return async () => {
    await built;
    await server?.close();
    await rm(RUN_DIR, { recursive: true, force: true });
  };
}
