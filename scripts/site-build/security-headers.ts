// `<outDir>/_headers` (the format of Netlify and Cloudflare Pages, read by `npm start` and the
// test server too: src/lib/static-headers.ts): the Content-Security-Policy Astro gave each page
// as a route header (src/integrations/content-security-policy.ts, handed over in the build's
// records: src/lib/build-records.ts), merged into one, plus what only a header can carry.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { HEADER_ONLY_DIRECTIVES } from '../../src/integrations/content-security-policy.ts';
import type { BuildRecords } from '../../src/lib/build-records.ts';
import { isPreviewBuild, studioOrigins } from '../../src/lib/preview.ts';
import { HEADERS_FILE, formatHeadersFile } from '../../src/lib/static-headers.ts';
import type { StepLogger } from './steps.ts';

type Policy = Map<string, string[]>;

/**
 * What only a header carries: on the public site no framing at all; in an editors' preview,
 * framing by the Studio's Presentation tool only (STUDIO_URL, src/lib/preview.ts).
 */
export function headerOnlyDirectives(env: NodeJS.ProcessEnv = process.env): readonly string[] {
  return isPreviewBuild(env)
    ? [`frame-ancestors ${studioOrigins(env).join(' ')}`]
    : HEADER_ONLY_DIRECTIVES;
}

function parsePolicy(policy: string): Policy {
  const parsed: Policy = new Map();
  for (const directive of policy.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/).filter(Boolean);
    if (name) parsed.set(name.toLowerCase(), sources);
  }
  return parsed;
}

/**
 * The header for a set of page policies: each directive with the sources of every page (pages
 * differ only in the hashes of their inline code), plus the header-only directives. One rule
 * for every path: static hosts join the values of several matching rules into one header,
 * which a browser would enforce as separate policies, each page's and the rule's.
 */
export function headerPolicy(
  pagePolicies: Iterable<string>,
  headerOnly: readonly string[] = HEADER_ONLY_DIRECTIVES,
): string {
  const merged: Policy = new Map();
  for (const policy of pagePolicies) {
    for (const [name, sources] of parsePolicy(policy)) {
      const known = merged.get(name) ?? [];
      merged.set(name, [...known, ...sources.filter((source) => !known.includes(source))]);
    }
  }
  for (const [name, sources] of parsePolicy(headerOnly.join(';'))) merged.set(name, sources);
  return [...merged].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** The build step: `<siteDir>/_headers` with the policy of every page Astro generated. */
export async function writeSecurityHeaders(
  siteDir: string,
  records: BuildRecords,
  logger: StepLogger,
  headerOnly: readonly string[] = headerOnlyDirectives(),
): Promise<void> {
  const pages = records.routes.filter((route) => route.type === 'page');
  const without = pages.find((route) => !records.policies[route.policy]);
  if (without)
    throw new Error(`Astro gave the page ${without.pathname} no Content-Security-Policy header`);
  if (pages.length === 0) throw new Error('Astro generated no pages');
  // In a fixed order: Astro hands the pages over as they finish, which differs from build to
  // build (several in flight, cached pages first), and `_headers` must not.
  const used = new Set(pages.map((route) => records.policies[route.policy] as string).sort());
  const text = formatHeadersFile(
    [
      {
        pattern: '/*',
        headers: [
          ['Content-Security-Policy', headerPolicy(used, headerOnly)],
          ['X-Content-Type-Options', 'nosniff'],
        ],
      },
    ],
    'Response headers for static hosts (Netlify, Cloudflare Pages format), written by the build:\n' +
      "the pages' Content-Security-Policy (every page's hashes) plus frame-ancestors. See docs/security.md.",
  );
  await writeFile(path.join(siteDir, HEADERS_FILE), text);
  logger.info(
    `${HEADERS_FILE}: one Content-Security-Policy for ${pages.length} pages (${used.size} page ${used.size === 1 ? 'policy' : 'policies'})`,
  );
}
