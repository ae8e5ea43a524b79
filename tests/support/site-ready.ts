// Setup file of the vitest 'site' project: waits until the default site, which the global setup
// builds in the background, is complete, and fails the test file with the build's output when
// the build failed.
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { buildResultFile } from './global-setup.ts';

const resultFile = buildResultFile(inject('distDir'));
const deadline = Date.now() + 900_000;
for (;;) {
  const text = await readFile(resultFile, 'utf8').catch(() => undefined);
  if (text !== undefined) {
    const result = JSON.parse(text) as { ok: boolean; error?: string };
    if (!result.ok) throw new Error(`The default site did not build:\n${result.error}`);
    break;
  }
  if (Date.now() > deadline) throw new Error(`No build result in ${resultFile} after 15 minutes`);
  await new Promise((resolve) => setTimeout(resolve, 250));
}
