// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import buildRecords from './src/integrations/build-records.ts';
import contentSecurityPolicy from './src/integrations/content-security-policy.ts';
import incrementalCache from './src/integrations/incremental-cache.ts';
import preview from './src/integrations/preview.ts';
import renderShard from './src/integrations/render-shard.ts';
import { cacheFolder } from './src/lib/build-cache.ts';
import {
  currentRenderShard,
  renderShardCacheFolder,
  renderShardServerFolder,
} from './src/lib/render-shards.ts';
import { siteUrl } from './src/lib/site-url.ts';

const ROOT = fileURLToPath(new URL('.', import.meta.url));
const RENDER_SHARD = currentRenderShard();

export default defineConfig({
  // SITE_URL, checked by scripts/build.ts before Astro starts; else http://localhost:4321.
  site: siteUrl(),
  trailingSlash: 'always',
  // All styles in one cached file (~5 kB gzip), not in a <style> of every page: at 10,000
  // pages that was 2.7 kB of every page's HTML, each hashed into its Content-Security-Policy.
  // Several pages in flight: each page's folder and file are written on the thread pool while
  // the next renders, instead of the renderer waiting for each (~0.45 ms a page here).
  // A build rendering in several processes (src/lib/render-shards.ts) gives each its own folder
  // for Astro's server chunks, which must lie inside the project for their imports to resolve.
  build: {
    inlineStylesheets: 'never',
    concurrency: 4,
    ...(RENDER_SHARD.count > 1 ? { server: renderShardServerFolder(ROOT, process.pid) } : {}),
  },
  // Scoped styles by class, not by a data-astro-cid-* attribute on every element (a quarter
  // of a county page's HTML at 10,000 documents).
  scopedStyleStrategy: 'class',
  vite: {
    build: {
      cssCodeSplit: false,
      // Astro's MDX pages carry a "use astro:head-inject" directive that Rolldown warns about,
      // ten lines a page every build, though Astro handles it (withastro/astro#18087).
      rolldownOptions: { checks: { moduleLevelDirective: false } },
    },
  },
  outDir: process.env.ASTRO_OUT_DIR ?? 'dist',
  // Astro's log less its line for every page: a count every 1,000 pages instead (src/lib/build-log.ts).
  logger: { entrypoint: new URL('./src/lib/build-log.ts', import.meta.url) },
  // The build's caches (src/lib/build-cache.ts): Astro's content data store, the pages of the
  // incremental build, the content check's result and the social images, all in `.cache/astro/`
  // for a CI job to restore and save. Another folder (ASTRO_CACHE_DIR) lets a benchmark build
  // another dataset while the tests build theirs (scripts/bench.ts).
  // A build rendering in several processes gives each its own folder inside (src/lib/render-shards.ts).
  cacheDir: renderShardCacheFolder(cacheFolder(ROOT), RENDER_SHARD),
  // Unchanged pages are copied from the last build instead of rendered: each page from
  // getStaticPaths() has a cacheKey that digests what it shows (src/lib/presentation/cache-keys.ts).
  experimental: { incrementalBuild: true },
  integrations: [
    mdx(),
    preview(),
    contentSecurityPolicy(),
    incrementalCache(),
    renderShard(),
    // Only `npm run build` builds the site: the search index, the sitemap, the social images and
    // _headers come after Astro (scripts/site-build/), from what this hands over.
    buildRecords(),
  ],
});
