// Slugs of the synthetic documents. The one place the dataset takes `slugify` from.

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Gives each slug once per type: a repeated base gets `-2`, `-3`, … (amortised O(1)). */
export class SlugRegistry {
  private readonly used = new Set<string>();
  private readonly next = new Map<string, number>();
  take(text: string, maxLength = 70): string {
    let base = slugify(text);
    if (base.length > maxLength)
      base = base.slice(0, maxLength).replace(/-[^-]*$/, '') || base.slice(0, maxLength);
    let slug = base;
    let n = this.next.get(base) ?? 2;
    while (this.used.has(slug)) slug = `${base}-${n++}`;
    this.next.set(base, n);
    this.used.add(slug);
    return slug;
  }
  has(slug: string): boolean {
    return this.used.has(slug);
  }
}
