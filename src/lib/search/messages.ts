// The search page's Swedish sentences, in one place.

/** `1 träff`, `12 träffar`. */
export function hitCount(count: number): string {
  return `${count} ${count === 1 ? 'träff' : 'träffar'}`;
}

/**
 * The status line read to screen readers after each search:
 * `12 träffar för ”egenvård”`, `Inga träffar för ”x”`, `5 träffar med valda filter`.
 */
export function resultStatus(count: number, query: string, filtered: boolean): string {
  const scope = query ? `för ”${query}”` : 'med valda filter';
  const suffix = query && filtered ? ' med valda filter' : '';
  if (count === 0) return `Inga träffar ${scope}${suffix}.`;
  return `${hitCount(count)} ${scope}${suffix}.`;
}

export const MESSAGES = {
  empty: 'Skriv ett eller flera sökord, eller välj ett filter.',
  loading: 'Söker …',
  failed:
    'Sökningen kunde inte laddas. Hitta i stället via regionerna, teman eller dokumenten nedan.',
  showMore: 'Visa fler träffar',
  undatedLast: 'Sidor utan datum visas sist.',
  loosened: (query: string) =>
    `Inga träffar med exakt stavning för ”${query}”. Visar träffar där bokstäver med och utan prickar eller accent räknas lika (å, ä och ö som a och o, é som e, ć som c).`,
} as const;
