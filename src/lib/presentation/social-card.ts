// The social image of a content page: one card per county ("Västerbotten"), shared by every
// content page in Västerbotten, instead of one per page. Drawing a card costs ~50 ms of CPU,
// so one per page made the social images 40 minutes of a 10,000-page build, and one per
// section and county (176 cards) still ~8 s; per county there are 21 (+ 1 for pages without
// a county), whatever the number of pages. The page's own title stays in og:title, which link
// previews show next to the image.
import { DOCUMENT_TYPES, type DocumentType } from '../content/schemas.ts';
import type { IndexableDocument } from '../search/index-meta.ts';
import { ownRegions } from '../search/index-meta.ts';
import { primaryRegion } from './site.ts';

/** What a shared card shows and where it is: the layout links it, the integration draws it. */
export interface SocialCard {
  /** `/og/kort/lan/vasterbotten.png`. */
  image: string;
  /** The big line: the county, or "Hela landet". */
  title: string;
  /** The line above it: the section (none on a list page's card). */
  kicker?: string | undefined;
}

/** Sections whose pages share cards; theme pages (a dozen) keep their own. */
const SHARED_CARD_TYPES = new Set<DocumentType>(DOCUMENT_TYPES.filter((type) => type !== 'tema'));

/**
 * The card of pages without a county. County cards have a folder of their own, `lan/`, so no
 * county's slug (`hela-landet` included) can name the same file.
 */
export const NATIONAL_CARD: SocialCard = {
  image: '/og/kort/hela-landet.png',
  title: 'Hela landet',
};

/** The card of a county (or of the whole country), for a page of a section that shares cards. */
export function sharedCard(
  type: DocumentType,
  county?: { slug: string; name: string },
): SocialCard | undefined {
  if (!SHARED_CARD_TYPES.has(type)) return undefined;
  return county ? { image: `/og/kort/lan/${county.slug}.png`, title: county.name } : NATIONAL_CARD;
}

/** The shared card of a content page: the county of its most specific region, or the country's. */
export async function socialCardFor(doc: IndexableDocument): Promise<SocialCard | undefined> {
  // A national event is the whole country's, whichever region's material mentions it.
  if (doc._type === 'handelse' && doc.scope === 'nationell') return sharedCard(doc._type);
  const region = await primaryRegion(ownRegions(doc));
  const county =
    region &&
    (region.ancestors[0]
      ? { slug: region.ancestors[0].slug, name: region.ancestors[0].title }
      : region);
  return sharedCard(doc._type, county);
}
