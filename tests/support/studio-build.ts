// Builds the real Studio (sanity/) for the browser tests: `sanity build` with the loopback
// Content Lake's address baked in, as SANITY_STUDIO_API_HOST, and the preview build's, as
// SANITY_STUDIO_PREVIEW_URL (see sanity/env.ts).
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { runSanity } from '../studio/support/sanity-cli.ts';

export const STUDIO_PROJECT_ID = 'naravard';
export const STUDIO_DATASET = 'production';

/**
 * `sanity build` of the Studio workspace into `outDir`, talking to `apiHost`, with "Förhandsgranska"
 * and the Presentation tool showing the preview build at `previewUrl`.
 */
export async function buildStudio(
  outDir: string,
  apiHost: string,
  previewUrl: string,
): Promise<string> {
  const result = await runSanity(['build', outDir, '--yes'], {
    SANITY_STUDIO_PROJECT_ID: STUDIO_PROJECT_ID,
    SANITY_STUDIO_DATASET: STUDIO_DATASET,
    SANITY_STUDIO_API_HOST: apiHost,
    SANITY_STUDIO_PREVIEW_URL: previewUrl,
  });
  const index = await stat(path.join(outDir, 'index.html')).catch(() => undefined);
  if (result.code !== 0 || !index) {
    throw new Error(
      `sanity build failed (exit ${result.code}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`,
    );
  }
  return outDir;
}
