// Hands what Astro knows about the pages it generated to `npm run build` (scripts/build.ts),
// which runs the steps after Astro (scripts/site-build/) from it instead of reading the HTML
// back (src/lib/build-records.ts). It declares itself a static-headers adapter: Astro then gives
// each page's Content-Security-Policy as a route header (instead of a meta tag in the page) and
// passes every route's headers to `astro:build:generated`, which writes them to the file the
// build names in NARAVARD_BUILD_RECORDS.
//
// `npm run build` is the only way the site is built: a plain `astro build` would leave out the
// content check, the search index, the sitemap, the social images and `_headers`, so it stops
// here.
import type { AstroIntegration } from 'astro';
import { BUILD_RECORDS, recordsOfRouteHeaders, writeBuildRecords } from '../lib/build-records.ts';
import { currentRenderShard } from '../lib/render-shards.ts';

export default function buildRecords(): AstroIntegration {
  let building = false;
  return {
    name: 'naravard:build-records',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
        if (building && !process.env[BUILD_RECORDS]?.trim())
          throw new Error(
            'The site is built by `npm run build` (scripts/build.ts): it checks the content first, and writes the search index, the sitemap, the social images and _headers after Astro. A plain `astro build` would leave them out.',
          );
      },
      'astro:config:done': ({ setAdapter }) => {
        if (!building) return;
        setAdapter({
          name: 'naravard:static-site',
          entrypointResolution: 'auto',
          adapterFeatures: {
            buildOutput: 'static',
            staticHeaders: true,
            // Astro's chunks in the folder astro.config.mjs names for each render shard.
            preserveBuildServerDir: currentRenderShard().count > 1,
          },
          // A static build transforms images while it builds, with Astro's own sharp service.
          supportedAstroFeatures: { staticOutput: 'stable', sharpImageService: 'stable' },
        });
      },
      'astro:build:generated': async ({ routeToHeaders, logger }) => {
        const records = recordsOfRouteHeaders(routeToHeaders);
        await writeBuildRecords(process.env[BUILD_RECORDS] as string, records);
        logger.info(
          `Recorded ${records.routes.length} routes for the steps after Astro (${records.policies.length} Content-Security-Policies, ${records.cards.length} social images).`,
        );
      },
    },
  };
}
