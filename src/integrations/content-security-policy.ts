// The site's Content-Security-Policy. Astro's `security.csp` writes it into every page as
// `<meta http-equiv="content-security-policy">`, adding the hash of each inline style and
// script it emits, so inlining choices never need a policy edit. After the build, the policy
// goes into `<outDir>/_headers` with what a meta tag cannot carry (`frame-ancestors`), for static
// hosts, `npm start` and the test server (src/lib/static-headers.ts).
//
// Allowed, and why (everything else falls back to default-src 'none'):
// - scripts: the site's own files ('self': the search page's module and Pagefind's pagefind.js)
//   and 'wasm-unsafe-eval', which Pagefind needs to compile its WebAssembly search engine;
// - styles: the site's stylesheet ('self') and the hashes Astro adds for inline <style>;
// - images: 'self', and data: for the external-link icon drawn by a CSS mask in global.css;
// - fetch: 'self' (Pagefind's index files); no fonts (the site uses the system's);
// - forms submit only to the site (the search form), <base> cannot move relative URLs away,
//   no plugins (object-src), and no other site may frame the pages.
import type { AstroIntegration, AstroIntegrationLogger, AstroUserConfig } from 'astro';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtPages, readHeads, stepsRunAfterAstro } from '../lib/built-pages.ts';
import { HEADERS_FILE, formatHeadersFile } from '../lib/static-headers.ts';

type CspOptions = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;
type CspDirective = NonNullable<CspOptions['directives']>[number];

export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"];
export const STYLE_SOURCES = ["'self'"];
export const DIRECTIVES: CspDirective[] = [
  "default-src 'none'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];
/** Directives a meta tag cannot carry (browsers ignore them there): sent as a header only. */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"];

const META = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;

/** The policy of a built page's meta tag (entities decoded), or undefined. */
export function policyOfPage(html: string): string | undefined {
  const match = META.exec(html);
  if (!match) return undefined;
  return (match[1] as string)
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

type Policy = Map<string, string[]>;

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
 * differ only in the hashes of their inline styles), plus the header-only directives. Browsers
 * enforce the header and a page's meta tag both, so each page stays as tight as its own meta.
 */
export function headerPolicy(pagePolicies: Iterable<string>): string {
  const merged: Policy = new Map();
  for (const policy of pagePolicies) {
    for (const [name, sources] of parsePolicy(policy)) {
      const known = merged.get(name) ?? [];
      merged.set(name, [...known, ...sources.filter((source) => !known.includes(source))]);
    }
  }
  for (const [name, sources] of parsePolicy(HEADER_ONLY_DIRECTIVES.join(';')))
    merged.set(name, sources);
  return [...merged].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * The distinct policies of the built pages, collected head by head (readHeads); the first page
 * without one is kept as the problem, which writeSecurityHeaders throws.
 */
export class PagePolicies {
  readonly policies = new Set<string>();
  pages = 0;
  problem: Error | undefined;
  readonly #outDir: string;
  constructor(outDir: string) {
    this.#outDir = outDir;
  }

  readonly read = (file: string, head: string): void => {
    this.pages++;
    const policy = policyOfPage(head);
    if (policy) this.policies.add(policy);
    else
      this.problem ??= new Error(
        `${path.relative(this.#outDir, file)} has no Content-Security-Policy meta tag`,
      );
  };
}

/** The build step: `<outDir>/_headers` with the policy of every built page. */
export async function writeSecurityHeaders(
  outDir: string,
  logger: AstroIntegrationLogger,
  /** The policies, when the caller has read the pages' heads already (readHeads). */
  collected?: PagePolicies,
): Promise<void> {
  if (!collected) {
    collected = new PagePolicies(outDir);
    await readHeads(await builtPages(outDir), [collected.read]);
  }
  if (collected.problem) throw collected.problem;
  const { policies } = collected;
  const text = formatHeadersFile(
    [
      {
        pattern: '/*',
        headers: [
          ['Content-Security-Policy', headerPolicy(policies)],
          ['X-Content-Type-Options', 'nosniff'],
        ],
      },
    ],
    'Response headers for static hosts (Netlify, Cloudflare Pages format), written by the build:\n' +
      "the pages' Content-Security-Policy (every page's hashes) plus frame-ancestors. See docs/security.md.",
  );
  await writeFile(path.join(outDir, HEADERS_FILE), text);
  logger.info(
    `${HEADERS_FILE}: one Content-Security-Policy for ${collected.pages} pages (${policies.size} page ${policies.size === 1 ? 'policy' : 'policies'})`,
  );
}

export default function contentSecurityPolicy(): AstroIntegration {
  return {
    name: 'naravard:content-security-policy',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          security: {
            csp: {
              algorithm: 'SHA-256',
              directives: DIRECTIVES,
              scriptDirective: { resources: SCRIPT_SOURCES },
              styleDirective: { resources: STYLE_SOURCES },
            },
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (stepsRunAfterAstro()) {
          logger.info('_headers is written once Astro has exited (scripts/build.ts).');
          return;
        }
        await writeSecurityHeaders(fileURLToPath(dir), logger);
      },
    },
  };
}
