// The build concerns of an editors' preview (SANITY_PERSPECTIVE=drafts, npm run build:preview):
// - drafts are built only by scripts/build-preview.ts (it sets NARAVARD_PREVIEW_BUILD=1 and
//   writes into dist-preview/): any other build with the drafts perspective, such as
//   `SANITY_PERSPECTIVE=drafts npm run build`, stops before anything is written, so drafts
//   cannot end up in the public dist/;
// - after Astro, the build writes a robots.txt that disallows everything
//   (scripts/site-build/preview-robots.ts; the pages also carry
//   `<meta name="robots" content="noindex">` and a banner, see Base.astro).
// Public builds are untouched: the integration does nothing without the drafts perspective.
import type { AstroIntegration } from 'astro';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPreviewBuild } from '../lib/preview.ts';

export default function preview(): AstroIntegration {
  return {
    name: 'naravard-preview',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (!isPreviewBuild()) return;
        const intoPublicSite =
          path.resolve(fileURLToPath(config.outDir)) ===
          path.resolve(fileURLToPath(config.root), 'dist');
        if (process.env['NARAVARD_PREVIEW_BUILD'] !== '1' || intoPublicSite) {
          throw new Error(
            'The drafts perspective (SANITY_PERSPECTIVE=drafts) is for preview builds only: run npm run build:preview, which writes dist-preview/, never dist/.',
          );
        }
      },
    },
  };
}
