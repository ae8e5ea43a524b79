// Global setup of the vitest 'studio-browser' project: builds the real Studio once per run,
// for a loopback Content Lake on a port chosen here (the Studio bundle carries its API host,
// so the port is fixed before the build; so does the preview build's address, which one test
// file, presentation.test.ts, serves a preview on). Each test file then starts its own lake on a
// port of its own, and its Chromium maps the build's address to that lake (startStudioSession
// in studio.ts), so the files run side by side and never share a lake. The preview address is
// held for the whole run (preview-address.ts).
//
// The build runs in the background, as the site's does (global-setup.ts); each test file
// waits for it in studio-ready.ts.
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { repoRoot as ROOT } from '../studio/support/sanity-cli.ts';
import { startInBackground } from './background-build.ts';
import { buildStudio } from './studio-build.ts';
import { freePort } from './free-port.ts';
import { holdPreviewAddress, previewTargetFile } from './preview-address.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of this run's Studio build. */
    studioBuildDir: string;
    /** The port in the Studio build's Content Lake address (https://localhost:PORT); nothing listens on it. */
    studioLakePort: number;
    /** Where the Studio build opens the preview build ("Förhandsgranska", Presentation). */
    studioPreviewUrl: string;
  }
}

const RUN_DIR = path.join(ROOT, '.cache', 'studio-browser', `run-${process.pid}`);

/** Where the background Studio build leaves its outcome. */
export function studioBuildResultFile(buildDir: string): string {
  return path.join(path.dirname(buildDir), 'build-result.json');
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const port = await freePort();
  const buildDir = path.join(RUN_DIR, 'studio');
  await rm(RUN_DIR, { recursive: true, force: true });
  await mkdir(RUN_DIR, { recursive: true });
  const preview = await holdPreviewAddress(previewTargetFile(buildDir));
  const previewUrl = preview.url;
  const built = startInBackground(studioBuildResultFile(buildDir), () =>
    buildStudio(buildDir, `https://localhost:${port}`, previewUrl),
  );
  project.provide('studioBuildDir', buildDir);
  project.provide('studioLakePort', port);
  project.provide('studioPreviewUrl', previewUrl);
  return async () => {
    await built;
    await preview.close();
    await rm(RUN_DIR, { recursive: true, force: true });
  };
}
