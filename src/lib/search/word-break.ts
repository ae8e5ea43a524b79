// Pagefind's HTML parser separates words only at h1–h6, p, td, div, ul, li, article and
// section, and Astro writes no whitespace between tags, so `<dt>Region</dt><dd>Fyrbodal</dd>`
// would be indexed as the one word "regionfyrbodal". The components write this space after the
// end tag of every other block or table element they use (dt, dd, th, caption, figcaption,
// blockquote, summary, legend, address): `</dt>{WORD_BREAK}`. Browsers ignore it there; inline
// elements (`time`, `a`, …) get none, since a space there would show. Not `{' '}`: Prettier
// turns that into a literal space and, on its next run, into a line break, which Astro drops.
// tests/site/gates-html.test.ts finds any such end tag without its space on every built page.
export const WORD_BREAK = ' ';
