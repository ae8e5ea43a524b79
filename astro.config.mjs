// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import buildRecords from './src/integrations/build-records.ts';
import contentSecurityPolicy from './src/integrations/content-security-policy.ts';
import pagefind from './src/integrations/pagefind.ts';
import preview from './src/integrations/preview.ts';
import { isPreviewBuild } from './src/lib/preview.ts';
import { siteUrl } from './src/lib/site-url.ts';

export default defineConfig({
  // SITE_URL, checked by scripts/build.ts before Astro starts; else http://localhost:4321.
  site: siteUrl(),
  trailingSlash: 'always',
  // All styles in one cached file (~5 kB gzip), not in a <style> of every page: at 10,000
  // pages that was 2.7 kB of every page's HTML, each hashed into its Content-Security-Policy.
  // Several pages in flight: each page's folder and file are written on the thread pool while
  // the next renders, instead of the renderer waiting for each (~0.45 ms a page here).
  build: { inlineStylesheets: 'never', concurrency: 4 },
  // Scoped styles by class, not by a data-astro-cid-* attribute on every element (a quarter
  // of a county page's HTML at 10,000 documents).
  scopedStyleStrategy: 'class',
  vite: { build: { cssCodeSplit: false } },
  outDir: process.env.ASTRO_OUT_DIR ?? 'dist',
  // Astro's build cache (the content data store): another folder lets a benchmark build another
  // dataset while the tests build theirs (scripts/bench.ts).
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  integrations: [
    mdx(),
    // The search page lists results, it is not content of its own. A preview (drafts) has no sitemap.
    ...(isPreviewBuild()
      ? []
      : [sitemap({ filter: (page) => !new URL(page).pathname.startsWith('/sok/') })]),
    preview(),
    contentSecurityPolicy(),
    pagefind(),
    // Only `npm run build` builds the site: the search index, the social images and _headers
    // come after Astro (scripts/site-build/), from what this hands over.
    buildRecords(),
  ],
});
