// robots.txt: every page may be crawled, and the sitemap is named with the site's address. In
// an editors' preview the step after Astro (scripts/site-build/preview-robots.ts) writes the
// same disallow-all text over it.
import type { APIContext } from 'astro';
import { PREVIEW_ROBOTS } from '../../scripts/site-build/preview-robots.ts';
import { isPreviewBuild } from '../lib/preview.ts';

export function GET(context: APIContext): Response {
  const site = context.site ?? new URL('http://localhost:4321');
  const body = isPreviewBuild()
    ? PREVIEW_ROBOTS
    : `User-agent: *\nAllow: /\n\nSitemap: ${new URL('/sitemap-index.xml', site).href}\n`;
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
