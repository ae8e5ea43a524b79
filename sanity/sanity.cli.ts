import { defineCliConfig } from 'sanity/cli';
import { dataset, PLACEHOLDER_PROJECT_ID, projectId } from './env';

// `sanity build` bakes only SANITY_STUDIO_* variables into the Studio bundle. Mirroring the
// site's SANITY_PROJECT_ID / SANITY_DATASET here lets one pair of settings serve both.
if (projectId !== PLACEHOLDER_PROJECT_ID) process.env.SANITY_STUDIO_PROJECT_ID ??= projectId;
process.env.SANITY_STUDIO_DATASET ??= dataset;
// The site's public address, for "Öppna på webbplatsen" (sanity/actions.ts).
if (process.env.SITE_URL) process.env.SANITY_STUDIO_SITE_URL ??= process.env.SITE_URL;

export default defineCliConfig({
  api: { projectId, dataset },
});
