// The site's Content-Security-Policy. Astro's `security.csp` computes it for every page, adding
// the hash of each inline style and script it emits, so inlining choices never need a policy
// edit, and gives it to the build as the page's route header (src/integrations/build-records.ts
// is a static-headers adapter, so Astro writes no meta tag). After Astro, the build writes it
// into `<outDir>/_headers` with what only a header carries (`frame-ancestors`), for static hosts,
// `npm start` and the test server (scripts/site-build/security-headers.ts).
//
// Allowed, and why (everything else falls back to default-src 'none'):
// - scripts: the site's own files ('self': the search page's module and Pagefind's pagefind.js)
//   and 'wasm-unsafe-eval', which Pagefind needs to compile its WebAssembly search engine;
// - styles: the site's stylesheet ('self') and the hashes Astro adds for inline <style>;
// - images: 'self', and data: for the external-link icon drawn by a CSS mask in global.css;
// - fetch: 'self' (Pagefind's index files); fonts: 'self' (Atkinson Hyperlegible in /fonts/);
// - forms submit only to the site (the search form), <base> cannot move relative URLs away,
//   no plugins (object-src), and no other site may frame the pages.
import type { AstroIntegration, AstroUserConfig } from 'astro';

type CspOptions = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;
type CspDirective = NonNullable<CspOptions['directives']>[number];

export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"];
export const STYLE_SOURCES = ["'self'"];
export const DIRECTIVES: CspDirective[] = [
  "default-src 'none'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];
/** Directives a meta tag cannot carry (browsers ignore them there): sent as a header only. */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"];

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
    },
  };
}
