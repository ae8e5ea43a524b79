import { defineCliConfig } from 'sanity/cli';
import { dataset, PLACEHOLDER_PROJECT_ID, projectId } from './env';

// `sanity build` bakes only SANITY_STUDIO_* variables into the Studio bundle. Mirroring the
// site's SANITY_PROJECT_ID / SANITY_DATASET here lets one pair of settings serve both.
if (projectId !== PLACEHOLDER_PROJECT_ID) process.env.SANITY_STUDIO_PROJECT_ID ??= projectId;
process.env.SANITY_STUDIO_DATASET ??= dataset;

export default defineCliConfig({
  api: { projectId, dataset },
  typegen: {
    // Queries live in the site; typing them from here keeps one generated file.
    path: '../src/**/*.{ts,tsx,astro}',
    schema: '../src/lib/sanity.schema.json',
    generates: '../src/lib/sanity.types.ts',
    // Overloads augment @sanity/client's fetch; the site also queries offline with
    // groq-js, so plain named result types serve both paths.
    overloadClientMethods: false,
  },
});
