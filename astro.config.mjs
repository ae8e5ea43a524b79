// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import pagefind from './src/integrations/pagefind.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  trailingSlash: 'always',
  outDir: process.env.ASTRO_OUT_DIR ?? 'dist',
  // pagefind stays last: it indexes what the build and the other integrations wrote.
  integrations: [mdx(), pagefind()],
});
