// Global setup of the vitest 'site' project: builds the default site (embedded dataset, no
// Sanity variables) once and provides its path as `distDir`. Each run has its own folder, so
// two test runs at once (in development) never read a build the other is replacing.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT, buildSiteOrThrow } from './site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the default site build. */
    distDir: string;
  }
}

const RUN_DIR = path.join(ROOT, '.cache', 'test-site', `run-${process.pid}`);

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const distDir = await buildSiteOrThrow({ outDir: path.join(RUN_DIR, 'dist') });
  project.provide('distDir', distDir);
  return () => rm(RUN_DIR, { recursive: true, force: true });
}
