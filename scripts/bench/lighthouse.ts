// Lighthouse (the npm package, its default mobile configuration with simulated throttling) on
// pages of a served build, with Debian's Chromium started by chrome-launcher. One Chromium per
// page, so no page warms another's cache.
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS } from '../chromium.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LighthousePage {
  /** What the page is: start, region, programme, search. */
  name: string;
  path: string;
  /** 0–100 per category. */
  scores: Record<Category, number>;
  /** Audits that cost points (score below 1), with their category, for the fix list. */
  failing: Array<{
    category: Category;
    id: string;
    title: string;
    score: number;
    displayValue?: string;
  }>;
  /**
   * Lighthouse's own measure of the machine's speed during the run (higher is faster; its
   * simulated throttling assumes a machine of about 1,000 and more): a busy machine shows here.
   */
  benchmarkIndex?: number | undefined;
  metrics: {
    firstContentfulPaintMs: number;
    largestContentfulPaintMs: number;
    totalBlockingTimeMs: number;
    cumulativeLayoutShift: number;
    speedIndexMs: number;
  };
}

export async function runLighthouse(
  baseUrl: string,
  pages: Array<{ name: string; path: string }>,
  chromePath: string,
): Promise<LighthousePage[]> {
  const results: LighthousePage[] = [];
  for (const { name, path } of pages) {
    const chrome = await chromeLauncher.launch({
      chromePath,
      chromeFlags: CHROMIUM_ARGS,
      logLevel: 'silent',
    });
    try {
      const run = await lighthouse(`${baseUrl}${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      if (!run) throw new Error(`Lighthouse returned nothing for ${path}`);
      const { lhr } = run;
      if (lhr.runtimeError)
        throw new Error(`Lighthouse failed on ${path}: ${lhr.runtimeError.message}`);
      const scores = Object.fromEntries(
        CATEGORIES.map((category) => [
          category,
          Math.round((lhr.categories[category]?.score ?? 0) * 100),
        ]),
      ) as Record<Category, number>;
      const failing: LighthousePage['failing'] = [];
      for (const category of CATEGORIES) {
        for (const ref of lhr.categories[category]?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
          failing.push({
            category,
            id: audit.id,
            title: audit.title,
            score: audit.score,
            ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
          });
        }
      }
      const metric = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? NaN);
      results.push({
        name,
        path,
        scores,
        failing,
        benchmarkIndex: lhr.environment?.benchmarkIndex,
        metrics: {
          firstContentfulPaintMs: metric('first-contentful-paint'),
          largestContentfulPaintMs: metric('largest-contentful-paint'),
          totalBlockingTimeMs: metric('total-blocking-time'),
          cumulativeLayoutShift:
            Math.round((lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN) * 1000) / 1000,
          speedIndexMs: metric('speed-index'),
        },
      });
    } finally {
      chrome.kill();
    }
  }
  return results;
}

/** The detail pages of a section of a built site (`program`), by size, smallest first. */
export async function detailPagesBySize(
  dist: string,
  section: string,
): Promise<Array<{ path: string; bytes: number }>> {
  const dir = path.join(dist, section);
  if (!existsSync(dir)) return [];
  const pages = await Promise.all(
    (await readdir(dir)).map(async (slug) => {
      const file = path.join(dir, slug, 'index.html');
      return existsSync(file)
        ? { path: `/${section}/${slug}/`, bytes: (await stat(file)).size }
        : undefined;
    }),
  );
  return pages
    .filter((page): page is { path: string; bytes: number } => page !== undefined)
    .sort((a, b) => a.bytes - b.bytes);
}
