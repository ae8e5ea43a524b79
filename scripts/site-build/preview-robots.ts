// An editors' preview (npm run build:preview, SANITY_PERSPECTIVE=drafts) is never indexed: its
// pages carry `<meta name="robots" content="noindex">` (src/layouts/Base.astro), it has no
// sitemap, and this step writes a robots.txt that disallows everything over the public one
// (src/pages/robots.txt.ts, which names the sitemap).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { StepLogger } from './steps.ts';

export const PREVIEW_ROBOTS = 'User-agent: *\nDisallow: /\n';

export async function writePreviewRobots(siteDir: string, logger: StepLogger): Promise<void> {
  await writeFile(path.join(siteDir, 'robots.txt'), PREVIEW_ROBOTS);
  logger.info('preview build: robots.txt disallows all; every page is marked noindex');
}
