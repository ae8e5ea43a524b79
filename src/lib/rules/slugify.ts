// Slugs become URLs that must stay stable and readable, so Swedish letters are
// folded to plain ASCII (å/ä → a, ö → o, é → e) instead of being percent-encoded.
import { SLUG_MAX_LENGTH } from './slug.ts';

export function slugify(input: string, maxLength = SLUG_MAX_LENGTH): string {
  const slug = input
    .toLowerCase()
    // NFD splits å, ä, ö, é, ü … into a base letter plus a combining mark; dropping
    // the marks gives a, a, o, e, u.
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    // "Region's" reads better as "regions" than as "region-s".
    .replace(/['’´`]/g, '')
    // Spaces, punctuation, dashes and symbols separate words ("2021–2022" → "2021-2022").
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    // Letters with no ASCII base (ø, æ, ß) are stripped, not turned into separators.
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
  if (slug.length <= maxLength) return slug;
  // Cut at a word boundary so a long heading does not end in half a word.
  const cut = slug.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : slug.slice(0, maxLength)).replace(/-+$/, '');
}
