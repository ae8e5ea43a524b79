// Pagefind's HTML parser separates words only at h1–h6, p, td, div, ul, li, article and
// section, and Astro writes no whitespace between tags, so `<dt>Region</dt><dd>Fyrbodal</dd>`
// would be indexed as the one word "regionfyrbodal". This middleware writes a space after the
// end tag of the other block and table elements the site uses, where browsers ignore it, so
// Pagefind's binary can read the built pages as they are (no rewritten copy of the site).
// Inline elements (`time`, `a`, …) are left alone: a space there would show.
import type { MiddlewareHandler } from 'astro';

const BLOCK_ELEMENTS = [
  'dt',
  'dd',
  'th',
  'caption',
  'figcaption',
  'blockquote',
  'summary',
  'legend',
  'address',
];
const BLOCK_END_TAGS = new RegExp(`</(?:${BLOCK_ELEMENTS.join('|')})>`, 'gi');

/** The page with a space after each end tag above. */
export function separateWords(html: string): string {
  return html.replace(BLOCK_END_TAGS, '$& ');
}

export const onRequest: MiddlewareHandler = async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  return new Response(separateWords(await response.text()), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
};
