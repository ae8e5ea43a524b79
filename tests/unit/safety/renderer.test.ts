// Defence in depth: what content validation refuses (tests/dataset, tests/studio) must still be
// harmless if it reached the renderers, e.g. from a dataset checked by an older schema. These
// inputs cannot be in the hostile build fixture (tests/fixtures/hostile), because the build
// refuses them; they are given to the renderers directly here.
import { describe, expect, it } from 'vitest';
import { serializeJsonLd } from '../../../src/lib/presentation/json-ld.ts';
import { safeHref, webHref } from '../../../src/lib/presentation/links.ts';
import { renderPortableText } from '../../../src/lib/presentation/portable-text.ts';

/** Hrefs a link must never get: script-running or local schemes, disguised ones, non-absolute ones. */
const REFUSED = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0000javascript:alert(1)',
  'javascript&colon;alert(1)',
  '&#106;avascript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'file:///etc/passwd',
  'blob:https://example.org/0b1c',
  'ftp://example.org/a',
  '//evil.example/',
  '/regioner/',
  '#innehall',
  '',
];

function linkBlock(href: unknown, text = 'länktext') {
  return {
    _type: 'block',
    _key: 'b',
    style: 'normal',
    markDefs: [{ _type: 'link', _key: 'l', href }],
    children: [{ _type: 'span', _key: 's', text, marks: ['l'] }],
  };
}

describe('links in Portable Text', () => {
  it.each(REFUSED)('renders %j as plain text, its text kept', (href) => {
    const { html } = renderPortableText([linkBlock(href)]);
    expect(html).toBe('<p>länktext</p>');
  });

  it.each([undefined, null, 42, { href: 'https://example.org/' }, ['https://example.org/']])(
    'renders a link mark whose href is %j as plain text',
    (href) => {
      expect(renderPortableText([linkBlock(href)]).html).toBe('<p>länktext</p>');
    },
  );

  it('keeps an allowed address inside its attribute, quotes and brackets escaped', () => {
    const { html } = renderPortableText(
      [linkBlock(`https://example.org/?q="><script>alert(1)</script>'`)],
      {
        siteOrigin: 'https://naravard.example',
      },
    );
    expect(html).toBe(
      `<p><a class="external" href="https://example.org/?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E%27" rel="noopener noreferrer">länktext<span class="visually-hidden"> (extern länk)</span></a></p>`,
    );
  });

  it('drops unknown marks, block types and styles but keeps the text escaped', () => {
    const block = {
      _type: 'block',
      _key: 'a',
      style: 'script',
      markDefs: [{ _type: 'html', _key: 'h', html: '<img src=x onerror=alert(1)>' }],
      children: [{ _type: 'span', _key: 's', text: '<b>fet</b>', marks: ['h', 'underline'] }],
    };
    const { html } = renderPortableText([
      block,
      { _type: 'html', _key: 'raw', html: '<script>alert(1)</script>' } as never,
      { _type: 'image', _key: 'i', asset: { _ref: 'image-x' }, alt: '"><script>' } as never,
    ]);
    expect(html).toBe('<p>&lt;b&gt;fet&lt;/b&gt;</p>');
  });

  it('renders styles and decorators outside the content model as plain paragraphs and text', () => {
    const block = (style: string, marks: string[]) => ({
      _type: 'block',
      _key: style,
      style,
      markDefs: [],
      children: [{ _type: 'span', _key: 's', text: style, marks }],
    });
    const { html } = renderPortableText([
      block('h1', ['underline']),
      block('h5', ['code']),
      block('h6', ['strike-through']),
    ]);
    expect(html).toBe('<p>h1</p><p>h5</p><p>h6</p>');
  });
});

describe('addresses outside Portable Text (region websites, source pages, attachments)', () => {
  it.each(REFUSED)('webHref refuses %j', (href) => {
    expect(webHref(href)).toBeUndefined();
  });

  it('webHref takes only http and https; safeHref also mailto and tel', () => {
    expect(webHref('https://www.vgregion.se/')?.href).toBe('https://www.vgregion.se/');
    expect(webHref('http://example.org/a b')?.href).toBe('http://example.org/a%20b');
    expect(webHref('mailto:a@example.se')).toBeUndefined();
    expect(webHref('tel:+46313355176')).toBeUndefined();
    expect(safeHref('mailto:a@example.se')?.href).toBe('mailto:a@example.se');
    expect(safeHref('tel:+46313355176')?.href).toBe('tel:+46313355176');
  });
});

describe('JSON-LD', () => {
  it('cannot end its script element or open a comment, and parses back to the same value', () => {
    const value = {
      name: '</script><script>alert(1)</script>',
      description: '<!-- <script> --> & \u2028\u2029 "citat"',
      nested: [{ url: 'https://example.org/?a=<b>&c=d' }],
    };
    const json = serializeJsonLd(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
