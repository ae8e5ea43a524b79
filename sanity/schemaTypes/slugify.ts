// Slugs become URLs that must stay stable and readable, so Swedish letters are
// folded to plain ASCII (å/ä → a, ö → o, é → e) instead of being percent-encoded.

const MAX_LENGTH = 96;

export function slugify(input: string): string {
  const folded = input
    .toLowerCase()
    // NFD splits å, ä, ö, é, ü … into a base letter plus a combining mark; dropping
    // the marks gives a, a, o, e, u. Letters without a decomposition (ø, æ, ß) are
    // stripped below like any other character outside a–z and 0–9.
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    // "GR:s" and "Region's" read better as "grs" than as "gr-s".
    .replace(/['’´`]/g, '');

  const slug = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_LENGTH) return slug;
  // Cut at a word boundary so a long heading does not end in half a word.
  const cut = slug.slice(0, MAX_LENGTH + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : slug.slice(0, MAX_LENGTH)).replace(
    /-+$/g,
    '',
  );
}
