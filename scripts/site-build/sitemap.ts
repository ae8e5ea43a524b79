// The sitemap (`sitemap-index.xml`, `sitemap-0.xml` …), written once the whole site is built,
// from the records of the pages Astro generated (src/lib/build-records.ts), each with the
// `lastmod` its layout set. A build may render its pages in several Astro processes (render
// shards, scripts/build.ts), none of which knows every page, so the sitemap cannot come from
// inside one of them. @astrojs/sitemap still writes it: its integration is driven here through
// its hooks, with this site's settings as astro.config.mjs gives them to Astro (base `/`,
// `trailingSlash: 'always'`, pages as folders), so the format is the library's.
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { pathToFileURL } from 'node:url';
import type { BuildRecords } from '../../src/lib/build-records.ts';
import type { StepLogger } from './steps.ts';

/** The search page lists results; it is not content of its own. */
const inSitemap = (page: string): boolean => !new URL(page).pathname.startsWith('/sok/');

/**
 * A page's path as the site links it (`trailingSlash: 'always'`). Astro records the pages of
 * routes without parameters (`/regioner/`) without the slash (`/regioner`).
 */
const pageAddress = (pathname: string) => (pathname.endsWith('/') ? pathname : `${pathname}/`);

/**
 * `addresses` in the order @astrojs/sitemap sorts their URLs: `localeCompare(…, 'en', { numeric:
 * true })`, which makes a collator for each comparison (0.5 s of CPU at 10,000 pages). Handed
 * them in order, its own sort compares each URL once; the sitemap is the same either way.
 */
function inSitemapOrder(addresses: string[], site: string): string[] {
  const { compare } = new Intl.Collator('en', { numeric: true });
  return addresses
    .map((address) => ({ address, url: new URL(address, site).href }))
    .sort((a, b) => compare(a.url, b.url))
    .map(({ address }) => address);
}

/** Writes the sitemap of the pages in `records` into `siteDir`, with their addresses on `site`. */
export async function writeSitemap(
  siteDir: string,
  records: BuildRecords,
  site: string,
  logger: StepLogger,
): Promise<void> {
  const pages = records.routes.filter((route) => route.type === 'page');
  const lastmods = new Map<string, string>();
  for (const route of pages)
    if (route.lastmod) lastmods.set(pageAddress(route.pathname), route.lastmod);
  const integration = sitemap({
    filter: inSitemap,
    serialize: (item) => {
      const lastmod = lastmods.get(new URL(item.url).pathname);
      return lastmod ? { ...item, lastmod } : item;
    },
  });
  // Only what the integration reads of each hook's argument, as Astro passes it for this site.
  type Hook = (argument: unknown) => Promise<void> | void;
  const hooks = integration.hooks as Record<keyof AstroIntegration['hooks'], Hook | undefined>;
  const call = async (name: keyof AstroIntegration['hooks'], argument: unknown) => {
    const hook = hooks[name];
    if (!hook) throw new Error(`@astrojs/sitemap has no ${name} hook any more`);
    await hook(argument);
  };
  await call('astro:routes:resolved', { routes: [] });
  await call('astro:config:done', {
    config: { site, base: '/', trailingSlash: 'always', build: { format: 'directory' } },
  });
  // The integration logs its errors and returns; here they fail the build.
  const errors: string[] = [];
  await call('astro:build:done', {
    dir: pathToFileURL(`${siteDir}/`),
    pages: inSitemapOrder(
      pages.map((route) => pageAddress(route.pathname)),
      site,
    ).map((address) => ({ pathname: address.slice(1) })),
    logger: { ...logger, error: (message: string) => errors.push(message) },
  });
  if (errors.length > 0) throw new Error(errors.join('; '));
}
