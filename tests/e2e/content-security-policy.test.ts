// The Content-Security-Policy in Chromium: the server sends the build's `_headers` policy (the
// policies Astro gave the pages as route headers, merged), which covers the whole document
// (no meta tag in the page) and blocks nothing the site does, including Pagefind's WebAssembly
// on the search page, while injected inline script is refused.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSearch, openSite, readResults, waitForRendered, type SiteSession } from './helpers.ts';

interface Violation {
  directive: string;
  blocked: string;
  source: string;
}

/** Records every CSP violation and console error of the page from its first byte on. */
async function watchViolations(
  page: Page,
): Promise<{ violations: () => Promise<Violation[]>; consoleErrors: string[] }> {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    (window as unknown as { __cspViolations: unknown[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: `${event.sourceFile}:${event.lineNumber}`,
      }),
    );
  });
  return {
    consoleErrors,
    violations: () =>
      page.evaluate(() => (window as unknown as { __cspViolations: Violation[] }).__cspViolations),
  };
}

/** Directive name → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

let site: SiteSession;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe('the Content-Security-Policy', () => {
  it('is sent as a header, the page’s only policy, and forbids framing', async () => {
    const page = await site.page();
    const response = await page.goto('/program/gr-vardens-medarbetare/');
    const header = response?.headers()['content-security-policy'];
    expect(header, 'Content-Security-Policy header').toBeTruthy();
    expect(await page.locator('meta[http-equiv="content-security-policy" i]').count()).toBe(0);

    const fromHeader = directives(header as string);
    expect(fromHeader.get('frame-ancestors')).toEqual(["'none'"]);
    expect(fromHeader.get('default-src')).toEqual(["'none'"]);
    expect(fromHeader.get('object-src')).toEqual(["'none'"]);
    expect(fromHeader.get('base-uri')).toEqual(["'self'"]);
    expect(fromHeader.get('form-action')).toEqual(["'self'"]);
    expect(fromHeader.get('connect-src')).toEqual(["'self'"]);
    expect(fromHeader.get('img-src')).toEqual(["'self'", 'data:']);
    // Astro's hashes of the inline code it emits: the hoisted scripts it always adds.
    expect(fromHeader.get('script-src')?.some((source) => source.startsWith("'sha256-"))).toBe(
      true,
    );
    // Only the site's own files, Pagefind's WebAssembly and hashed inline code; never 'unsafe-inline'/'unsafe-eval'.
    for (const name of ['script-src', 'style-src']) {
      const extra = (fromHeader.get(name) ?? []).filter(
        (source) => !/^'sha256-[A-Za-z0-9+/=]+'$/.test(source),
      );
      expect(extra.sort(), name).toEqual(
        name === 'script-src' ? ["'self'", "'wasm-unsafe-eval'"] : ["'self'"],
      );
    }
  });

  it('blocks nothing on a content page, and refuses injected inline script and handlers', async () => {
    const page = await site.page();
    const watch = await watchViolations(page);
    await page.goto('/regioner/goteborgsregionen/');
    await page.waitForLoadState('load');
    expect(await watch.violations()).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    // Every stylesheet applied: the site's one file (astro.config.mjs: no inline styles) and any
    // inline one Astro hashed.
    const sheets = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLStyleElement | HTMLLinkElement>(
          'style, link[rel="stylesheet"]',
        ),
      ].map((element) => element.sheet?.cssRules.length ?? 0),
    );
    expect(sheets.length).toBeGreaterThan(0);
    expect(sheets.filter((rules) => rules === 0)).toEqual([]);

    // What an injection would try: an inline script and an event handler attribute.
    const ran = await page.evaluate(async () => {
      const flags = window as unknown as { injected?: boolean };
      const script = document.createElement('script');
      script.textContent = 'window.injected = true;';
      document.body.append(script);
      const holder = document.createElement('div');
      holder.innerHTML = '<img src="/favicon.svg" onload="window.injected = true">';
      document.body.append(holder);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return flags.injected === true;
    });
    expect(ran).toBe(false);
    const refused = (await watch.violations()).map((violation) => violation.directive);
    expect(refused).toContain('script-src-elem');
    expect(refused).toContain('script-src-attr');
  });

  it('blocks nothing on the search page while a search with filters runs (Pagefind WebAssembly included)', async () => {
    const page = await site.page();
    const watch = await watchViolations(page);
    await openSearch(page, 'q=n%C3%A4ra&region=vastra-gotaland');
    expect((await readResults(page)).length).toBeGreaterThan(0);
    // Tick a type filter too: the filter counts come from further index files.
    const typeFilter = page.locator('input[name="typ"]').first();
    await typeFilter.check();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('typ'));
    await waitForRendered(page);
    expect((await readResults(page)).length).toBeGreaterThan(0);
    expect(await watch.violations()).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });

  it('keeps the site out of frames on other pages', async () => {
    const page = await site.page();
    await page.goto('about:blank');
    await page.setContent(`<iframe src="${site.server.url}/"></iframe>`);
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    expect(frame, 'the iframe').toBeTruthy();
    await frame?.waitForLoadState('load');
    // Chromium shows its error page in place of a page that refuses to be framed.
    expect(frame?.url()).toMatch(/^chrome-error:/);
    expect(await frame?.title()).not.toContain('Nära vård');
  });
});
