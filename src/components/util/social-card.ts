// The social image of a content page: one card per section and county ("Program och projekt ·
// Västerbotten"), shared by every programme page in Västerbotten, instead of one per page.
// Drawing a card costs ~50 ms, so one per page made the social images 40 minutes of a
// 10,000-page build; per section and county there are at most 8 × 21 (+ 8 without a
// county), whatever the number of pages. The page's own title stays in og:title, which every
// link preview shows next to the image.
import type { DocumentType } from '../../lib/content/schemas.ts';
import type { IndexableDocument } from '../../lib/search/index-meta.ts';
import { ownRegions } from '../../lib/search/index-meta.ts';
import { SECTION } from '../../lib/urls.ts';
import { primaryRegion } from './site.ts';

/** What a shared card shows and where it is: the layout links it, the integration draws it. */
export interface SocialCard {
  /** `/og/kort/program-vasterbotten.png`. */
  image: string;
  /** The big line: the county, or "Hela landet". */
  title: string;
  /** The line above it: the section (none on a list page's card). */
  kicker?: string | undefined;
}

/** Sections whose pages share cards; theme pages (a dozen) keep their own. */
export const SHARED_CARD_LABELS: Partial<Record<DocumentType, string>> = {
  region: 'Regioner och kommuner',
  programme: 'Program och projekt',
  malbild: 'Målbilder',
  delprojekt: 'Delprojekt',
  kontaktperson: 'Kontaktpersoner',
  dokument: 'Dokument',
  handelse: 'Händelser',
  kalla: 'Källor',
};

export const NO_COUNTY = { slug: 'hela-landet', name: 'Hela landet' } as const;

/** The card of a section and county (or of the section across the country). */
export function sharedCard(
  type: DocumentType,
  county: { slug: string; name: string } = NO_COUNTY,
): SocialCard | undefined {
  const kicker = SHARED_CARD_LABELS[type];
  if (!kicker) return undefined;
  return { image: `/og/kort/${SECTION[type]}-${county.slug}.png`, title: county.name, kicker };
}

/** The shared card of a content page: its section, and the county of its most specific region. */
export async function socialCardFor(doc: IndexableDocument): Promise<SocialCard | undefined> {
  const region = await primaryRegion(ownRegions(doc));
  const county =
    region &&
    (region.ancestors[0]
      ? { slug: region.ancestors[0].slug, name: region.ancestors[0].title }
      : region);
  return sharedCard(doc._type, county);
}
