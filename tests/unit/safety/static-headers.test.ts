// The `_headers` file: what the build writes, the servers read back, path patterns as static
// hosts apply them; and the header policy built from the pages' meta policies.
import { describe, expect, it } from 'vitest';
import { headerPolicy, policyOfPage } from '../../../src/integrations/content-security-policy.ts';
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

  it('reads the policy of a built page, entities decoded', () => {
    const html = `<head><meta http-equiv="content-security-policy" content="default-src &#39;none&#39;; img-src &#39;self&#39;"></head>`;
    expect(policyOfPage(html)).toBe("default-src 'none'; img-src 'self'");
    expect(policyOfPage('<head></head>')).toBeUndefined();
  });
});
