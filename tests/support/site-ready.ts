// Setup file of the vitest 'site' project: waits until the default site, which the global setup
// builds in the background, is complete, and fails the test file with the build's output when
// the build failed.
import { inject } from 'vitest';
import { waitForBackgroundBuild } from './background-build.ts';
import { buildResultFile } from './global-setup.ts';

await waitForBackgroundBuild(buildResultFile(inject('distDir')), 'The default site');
