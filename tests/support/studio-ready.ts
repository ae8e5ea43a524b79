// Setup file of the vitest 'studio-browser' project: waits until this run's Studio, which the
// global setup builds in the background, is built, and fails the test file with the build's
// output when the build failed.
import { inject } from 'vitest';
import { waitForBackgroundBuild } from './background-build.ts';
import { studioBuildResultFile } from './studio-global-setup.ts';

await waitForBackgroundBuild(studioBuildResultFile(inject('studioBuildDir')), 'The Studio');
