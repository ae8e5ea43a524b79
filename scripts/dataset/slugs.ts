// Slugs of the synthetic documents. The one place the dataset takes `slugify` from: the
// content rules' own (src/lib/rules/slugify.ts), which the Studio and the site use too.
import { slugify } from '../../src/lib/rules/slugify.ts';

export { slugify };

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
