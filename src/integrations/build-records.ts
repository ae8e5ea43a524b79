// Hands what Astro knows about the pages it generated to `npm run build` (scripts/build.ts),
// which runs the steps after Astro (scripts/site-build/) from it instead of reading the HTML
// back (src/lib/build-records.ts). It declares itself a static-headers adapter: Astro then gives
// each page's Content-Security-Policy as a route header (instead of a meta tag in the page) and
// passes every route's headers to `astro:build:generated`, which writes them to the file the
// build names in NARAVARD_BUILD_RECORDS.
//
// `npm run build` is the only way the site is built: a plain `astro build` would leave out the
// content check, the search index, the social images and `_headers`, so it stops here.
import type { AstroIntegration } from 'astro';
import {
  BUILD_RECORDS,
  LASTMOD_HEADER,
  recordsOfRouteHeaders,
  writeBuildRecords,
} from '../lib/build-records.ts';

/** Each page's `lastmod` (LASTMOD_HEADER) by path, known once Astro has generated the pages. */
const lastModified = new Map<string, string>();

/**
 * The sitemap's `serialize` (@astrojs/sitemap writes the sitemap after the pages are generated):
 * each page's `lastmod` from the header its layout set (src/layouts/Base.astro). A page copied
 * from the incremental build's cache has its headers as they were when it was rendered.
 */
export function withLastmod<T extends { url: string; lastmod?: string | undefined }>(item: T): T {
  const lastmod = lastModified.get(new URL(item.url).pathname);
  return lastmod ? { ...item, lastmod } : item;
}

export default function buildRecords(): AstroIntegration {
  let building = false;
  return {
    name: 'naravard:build-records',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
        if (building && !process.env[BUILD_RECORDS]?.trim())
          throw new Error(
            'The site is built by `npm run build` (scripts/build.ts): it checks the content first, and writes the search index, the social images and _headers after Astro. A plain `astro build` would leave them out.',
          );
      },
      'astro:config:done': ({ setAdapter }) => {
        if (!building) return;
        setAdapter({
          name: 'naravard:static-site',
          entrypointResolution: 'auto',
          adapterFeatures: { buildOutput: 'static', staticHeaders: true },
          // A static build transforms images while it builds, with Astro's own sharp service.
          supportedAstroFeatures: { staticOutput: 'stable', sharpImageService: 'stable' },
        });
      },
      'astro:build:generated': async ({ routeToHeaders, logger }) => {
        lastModified.clear();
        for (const [pathname, { headers }] of routeToHeaders) {
          const lastmod = headers.get(LASTMOD_HEADER);
          if (lastmod) lastModified.set(pathname, lastmod);
        }
        const records = recordsOfRouteHeaders(routeToHeaders);
        await writeBuildRecords(process.env[BUILD_RECORDS] as string, records);
        logger.info(
          `Recorded ${records.routes.length} routes for the steps after Astro (${records.policies.length} Content-Security-Policies, ${records.cards.length} social images).`,
        );
      },
    },
  };
}
