// The build concerns of an editors' preview (SANITY_PERSPECTIVE=drafts, npm run build:preview):
// - drafts are built only by scripts/build-preview.ts (it sets NARAVARD_PREVIEW_BUILD=1 and
//   writes into dist-preview/): any other build with the drafts perspective, such as
//   `SANITY_PERSPECTIVE=drafts npm run build`, stops before anything is written, so drafts
//   cannot end up in the public dist/;
// - after Astro, the build writes a robots.txt that disallows everything
//   (scripts/site-build/preview-robots.ts; the pages also carry
//   `<meta name="robots" content="noindex">` and a banner, see Base.astro);
// - every page loads src/browser/visual-editing.ts, the click-to-edit overlays of the Studio's
//   Presentation tool (src/lib/visual-editing.ts marks the fields), and the Studio's address
//   may frame the pages (`frame-ancestors`, scripts/site-build/security-headers.ts).
// Public builds are untouched: the integration does nothing without the drafts perspective.
import type { AstroIntegration } from 'astro';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPreviewBuild } from '../lib/preview.ts';

const VISUAL_EDITING_SCRIPT = fileURLToPath(
  new URL('../browser/visual-editing.ts', import.meta.url),
);

export default function preview(): AstroIntegration {
  return {
    name: 'naravard-preview',
    hooks: {
      'astro:config:setup': ({ injectScript }) => {
        if (!isPreviewBuild()) return;
        injectScript('page', `import ${JSON.stringify(VISUAL_EDITING_SCRIPT)};`);
      },
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
