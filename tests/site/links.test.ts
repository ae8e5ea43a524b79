// Links in the built site: no broken internal link or anchor on any page (href, src, srcset),
// links to other sites marked and safe, no JavaScript on content pages; and the one Portable
// Text renderer keeps only safe links and escapes all text.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { renderPortableText, uniqueId } from '../../src/lib/presentation/portable-text.ts';

let dist: string;
let htmlFiles: string[];
const parsed = new Map<string, HTMLElement>();

function root(file: string): HTMLElement {
  let doc = parsed.get(file);
  if (!doc) {
    doc = parse(readFileSync(file, 'utf8'));
    parsed.set(file, doc);
  }
  return doc;
}

/** The URL path a built file answers (`regioner/x/index.html` → `/regioner/x/`). */
function urlPathOf(file: string): string {
  const rel = path.relative(dist, file).split(path.sep).join('/');
  return `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** The built file a site path points at, or undefined. */
function target(pathname: string): string | undefined {
  const decoded = decodeURIComponent(pathname);
  const candidates = decoded.endsWith('/')
    ? [path.join(dist, decoded, 'index.html')]
    : [path.join(dist, decoded)];
  return candidates.find((file) => existsSync(file));
}

beforeAll(() => {
  dist = inject('distDir');
  htmlFiles = readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind'))
    .map((file) => path.join(dist, file));
});

describe('internal links', () => {
  it('all lead to a built file, and every #anchor to an id on that page', () => {
    const broken: string[] = [];
    for (const file of htmlFiles) {
      const from = urlPathOf(file);
      const doc = root(file);
      const refs = [
        ...doc
          .querySelectorAll('a[href], link[href]')
          .map((el) => el.getAttribute('href') as string),
        ...doc
          .querySelectorAll('img[src], script[src]')
          .map((el) => el.getAttribute('src') as string),
        ...doc
          .querySelectorAll('img[srcset], source[srcset]')
          .flatMap((el) =>
            (el.getAttribute('srcset') as string)
              .split(',')
              .map((part) => part.trim().split(/\s+/)[0] as string),
          ),
        ...doc.querySelectorAll('form[action]').map((el) => el.getAttribute('action') as string),
      ];
      for (const ref of refs) {
        const url = new URL(ref, `http://site${from}`);
        if (url.host !== 'site') continue;
        const file2 = target(url.pathname);
        if (!file2) {
          broken.push(`${from} → ${ref}`);
          continue;
        }
        if (url.hash && file2.endsWith('.html')) {
          const id = decodeURIComponent(url.hash.slice(1));
          if (!root(file2).querySelector(`[id="${id}"]`))
            broken.push(`${from} → ${ref} (no #${id})`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('use the trailing-slash form of page addresses', () => {
    const wrong = htmlFiles.flatMap((file) =>
      root(file)
        .querySelectorAll('a[href^="/"]')
        .map((a) => a.getAttribute('href') as string)
        .filter((href) => {
          const { pathname } = new URL(href, 'http://site');
          return !pathname.endsWith('/') && !/\.[a-z0-9]+$/.test(pathname);
        })
        .map((href) => `${urlPathOf(file)} → ${href}`),
    );
    expect(wrong).toEqual([]);
  });

  it('give every page unique ids', () => {
    for (const file of htmlFiles) {
      const ids = root(file)
        .querySelectorAll('[id]')
        .map((el) => el.id);
      expect(
        ids.filter((id, i) => ids.indexOf(id) !== i),
        urlPathOf(file),
      ).toEqual([]);
    }
  });
});

describe('external links', () => {
  it('use only http(s), mailto and tel, and links to other sites are marked and carry rel="noopener noreferrer"', () => {
    for (const file of htmlFiles) {
      for (const a of root(file).querySelectorAll('main a[href]')) {
        const href = a.getAttribute('href') as string;
        const url = new URL(href, 'http://site/');
        expect(['http:', 'https:', 'mailto:', 'tel:'], `${urlPathOf(file)}: ${href}`).toContain(
          url.protocol,
        );
        if (url.host !== 'site' && url.protocol.startsWith('http')) {
          expect(a.getAttribute('rel'), href).toBe('noopener noreferrer');
          expect(a.textContent, href).toContain('(extern länk)');
        }
      }
    }
  });
});

describe('content pages', () => {
  it('ship no JavaScript (only JSON-LD data)', () => {
    for (const file of htmlFiles) {
      const doc = root(file);
      if (!doc.querySelector('main[data-pagefind-body]')) continue;
      const scripts = doc
        .querySelectorAll('script')
        .filter((s) => s.getAttribute('type') !== 'application/ld+json');
      expect(
        scripts.map((s) => s.toString().slice(0, 80)),
        urlPathOf(file),
      ).toEqual([]);
    }
  });
});

describe('Portable Text', () => {
  const block = (text: string, extra: Record<string, unknown> = {}) => ({
    _type: 'block',
    _key: Math.random().toString(36).slice(2),
    style: 'normal',
    markDefs: [],
    children: [{ _type: 'span', _key: 's', text, marks: [] as string[] }],
    ...extra,
  });
  const linked = (text: string, href: string) => ({
    ...block(text),
    markDefs: [{ _type: 'link', _key: 'l', href }],
    children: [{ _type: 'span', _key: 's', text, marks: ['l'] }],
  });

  it('gives headings stable, de-duplicated ids from their text', () => {
    const { html, headings } = renderPortableText(
      [
        block('Om projektet', { style: 'h2' }),
        block('Om projektet', { style: 'h2' }),
        block('Mål för 2030: nära vård', { style: 'h3' }),
      ],
      { usedIds: new Set(['innehall']) },
    );
    expect(headings.map((h) => h.id)).toEqual([
      'om-projektet',
      'om-projektet-2',
      'mal-for-2030-nara-vard',
    ]);
    expect(html).toContain('<h2 id="om-projektet">Om projektet</h2>');
    expect(html).toContain('<h3 id="mal-for-2030-nara-vard">');
    expect(uniqueId('Innehåll', new Set(['innehall']))).toBe('innehall-2');
  });

  it('renders only http, https, mailto and tel links and marks external ones', () => {
    const { html } = renderPortableText(
      [
        linked('extern', 'https://example.org/a?b=1&c=2'),
        linked('intern', 'https://naravard.example/regioner/'),
        linked('mejl', 'mailto:a@example.org'),
        linked('ring', 'tel:+46313355176'),
        linked('farlig', 'javascript:alert(1)'),
        linked('data', 'data:text/html,<script>alert(1)</script>'),
        linked('relativ', '/regioner/'),
      ],
      { siteOrigin: 'https://naravard.example' },
    );
    expect(html).toContain(
      '<a class="external" href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">extern<span class="visually-hidden"> (extern länk)</span></a>',
    );
    expect(html).toContain('<a href="https://naravard.example/regioner/">intern</a>');
    expect(html).toContain('<a href="mailto:a@example.org">mejl</a>');
    expect(html).toContain('<a href="tel:+46313355176">ring</a>');
    expect(html).toContain('<p>farlig</p>');
    expect(html).toContain('<p>data</p>');
    expect(html).toContain('<p>relativ</p>');
    expect(html).not.toMatch(/javascript:|data:text|<script/);
  });

  it('escapes all text', () => {
    const { html, headings } = renderPortableText([
      block('<script>alert("x")</script> & <b>', { style: 'h2' }),
      block('</p><img src=x onerror=alert(1)>'),
    ]);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
    expect(headings[0]?.id).toBe('script-alert-x-script-b');
  });

  it('drops block types the content model does not know', () => {
    const { html } = renderPortableText([{ _type: 'image', _key: 'i' } as never, block('kvar')]);
    expect(html).toBe('<p>kvar</p>');
  });
});
