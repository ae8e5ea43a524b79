import { defineCliConfig } from 'sanity/cli';
import { dataset, PLACEHOLDER_PROJECT_ID, projectId } from './env';

// `sanity build` bakes only SANITY_STUDIO_* variables into the Studio bundle. Mirroring the
// site's SANITY_PROJECT_ID / SANITY_DATASET here lets one pair of settings serve both.
if (projectId !== PLACEHOLDER_PROJECT_ID) process.env.SANITY_STUDIO_PROJECT_ID ??= projectId;
process.env.SANITY_STUDIO_DATASET ??= dataset;
// The site's public address, for "Öppna på webbplatsen" (sanity/actions.ts).
if (process.env.SITE_URL) process.env.SANITY_STUDIO_SITE_URL ??= process.env.SITE_URL;

// The typegen test regenerates into a scratch directory and compares with the committed files.
const typegenDir = process.env.NARAVARD_TYPEGEN_DIR;

export default defineCliConfig({
  api: { projectId, dataset },
  typegen: {
    // Queries live in the site; typing them from here keeps one generated file.
    path: '../src/**/*.{ts,tsx,astro}',
    schema: typegenDir ? `${typegenDir}/sanity.schema.json` : '../src/lib/sanity.schema.json',
    generates: typegenDir ? `${typegenDir}/sanity.types.ts` : '../src/lib/sanity.types.ts',
    // Overloads augment @sanity/client's fetch; the site also queries offline with
    // groq-js, so plain named result types serve both paths.
    overloadClientMethods: false,
  },
});
