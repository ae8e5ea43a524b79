// The `_headers` file: what the build writes, the servers read back, path patterns as static
// hosts apply them; and the header policy built from the policies Astro gave the pages.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  headerOnlyDirectives,
  headerPolicy,
  writeSecurityHeaders,
} from '../../../scripts/site-build/security-headers.ts';
import { recordsOfRouteHeaders } from '../../../src/lib/build-records.ts';
import {
  formatHeadersFile,
  headersFor,
  parseHeadersFile,
  type HeaderRule,
} from '../../../src/lib/static-headers.ts';

describe('_headers', () => {
  const rules: HeaderRule[] = [
    {
      pattern: '/*',
      headers: [
        ['Content-Security-Policy', "default-src 'none'"],
        ['X-Content-Type-Options', 'nosniff'],
      ],
    },
    { pattern: '/pagefind/*', headers: [['Cache-Control', 'max-age=60']] },
    { pattern: '/sok/', headers: [['Content-Security-Policy', "default-src 'self'"]] },
  ];

  it('reads back what it writes, comments skipped', () => {
    const text = formatHeadersFile(rules, 'written by the build\nsecond line');
    expect(
      text.startsWith('# written by the build\n# second line\n/*\n  Content-Security-Policy: '),
    ).toBe(true);
    expect(parseHeadersFile(text)).toEqual(rules);
  });

  it('applies prefix and exact patterns in order, later rules replacing earlier headers', () => {
    expect(headersFor(rules, '/regioner/')).toEqual({
      'content-security-policy': "default-src 'none'",
      'x-content-type-options': 'nosniff',
    });
    expect(headersFor(rules, '/pagefind/pagefind.js')['cache-control']).toBe('max-age=60');
    expect(headersFor(rules, '/sok/')['content-security-policy']).toBe("default-src 'self'");
    expect(headersFor(rules, '/sok/x')['content-security-policy']).toBe("default-src 'none'");
  });

  it('refuses a header line outside a path block', () => {
    expect(() => parseHeadersFile('  X-Frame-Options: DENY\n')).toThrow(/line 1/);
  });
});

describe('the header policy', () => {
  it("joins the pages' policies source by source and adds frame-ancestors", () => {
    const a =
      "default-src 'none';img-src 'self' data:; script-src 'self' 'sha256-A='; style-src 'self' 'sha256-B=';";
    const b =
      "default-src 'none';img-src 'self' data:; script-src 'self' 'sha256-A='; style-src 'self' 'sha256-C=';";
    expect(headerPolicy([a, b])).toBe(
      "default-src 'none'; img-src 'self' data:; script-src 'self' 'sha256-A='; style-src 'self' 'sha256-B=' 'sha256-C='; frame-ancestors 'none'",
    );
  });

  const quiet = { info: () => {}, warn: () => {} };
  const route = (type: string, policy?: string) => ({
    headers: new Headers(policy ? [['content-security-policy', policy]] : []),
    route: { type },
  });

  it("writes _headers from the pages' route headers, endpoints without a policy left aside", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'security-headers-'));
    try {
      const records = recordsOfRouteHeaders(
        new Map([
          ['/', route('page', "default-src 'none'; style-src 'self' 'sha256-B='")],
          ['/sok/', route('page', "default-src 'none'; style-src 'self' 'sha256-C='")],
          ['/rss.xml', route('endpoint')],
        ]),
      );
      await writeSecurityHeaders(dir, records, quiet);
      const [rule] = parseHeadersFile(await readFile(path.join(dir, '_headers'), 'utf8'));
      expect(rule).toEqual({
        pattern: '/*',
        headers: [
          [
            'Content-Security-Policy',
            "default-src 'none'; style-src 'self' 'sha256-B=' 'sha256-C='; frame-ancestors 'none'",
          ],
          ['X-Content-Type-Options', 'nosniff'],
        ],
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a page Astro gave no policy, naming it', async () => {
    const records = recordsOfRouteHeaders(
      new Map([
        ['/', route('page', "default-src 'none'")],
        ['/tom/', route('page')],
      ]),
    );
    await expect(writeSecurityHeaders('/nowhere', records, quiet)).rejects.toThrow(
      'Astro gave the page /tom/ no Content-Security-Policy header',
    );
  });
});

describe('who may frame the pages', () => {
  const preview = { SANITY_PERSPECTIVE: 'drafts' };

  it('nobody on the public site, whatever STUDIO_URL says', () => {
    expect(headerOnlyDirectives({ STUDIO_URL: 'https://naravard.sanity.studio' })).toEqual([
      "frame-ancestors 'none'",
    ]);
  });

  it('in a preview, the Studios of STUDIO_URL (their origins), else the local Studio', () => {
    expect(headerOnlyDirectives(preview)).toEqual(['frame-ancestors http://localhost:3333']);
    expect(
      headerOnlyDirectives({
        ...preview,
        STUDIO_URL:
          'https://naravard.sanity.studio/desk, http://localhost:3333 https://naravard.sanity.studio',
      }),
    ).toEqual(['frame-ancestors https://naravard.sanity.studio http://localhost:3333']);
  });

  it('refuses a STUDIO_URL that is not an http(s) address, naming it', () => {
    for (const value of ["'self'", '*', 'javascript:alert(1)', 'https://a.se;script-src *']) {
      expect(() => headerOnlyDirectives({ ...preview, STUDIO_URL: value }), value).toThrow(
        'is not an http(s) address of a Studio',
      );
    }
  });
});
