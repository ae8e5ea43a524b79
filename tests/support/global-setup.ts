// Global setup of the vitest 'site' project: builds the default site (embedded dataset, no
// Sanity variables) once into .cache/test-site/dist and provides its path as `distDir`.
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT, buildSiteOrThrow } from './site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the default site build. */
    distDir: string;
  }
}

export const DEFAULT_DIST = path.join(ROOT, '.cache', 'test-site', 'dist');

export default async function setup(project: TestProject): Promise<void> {
  const distDir = await buildSiteOrThrow({ outDir: DEFAULT_DIST });
  project.provide('distDir', distDir);
}
