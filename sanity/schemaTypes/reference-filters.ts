// Reference pickers that offer only what fits the rest of the document.
import type { ReferenceFilterResolver } from 'sanity';

const published = (id: string) => id.replace(/^drafts\./, '');

/**
 * A delprojekt picker that offers only the delprojekt of the programme chosen in the same
 * document (its `programme` field); with no programme chosen yet, every delprojekt.
 */
export const delprojektOfChosenProgramme: ReferenceFilterResolver = ({ document }) => {
  const programme = (document as { programme?: { _ref?: string } }).programme?._ref;
  return programme
    ? {
        filter: 'programme._ref == $programme',
        params: { programme: published(programme) },
      }
    : {};
};

/**
 * A programme or målbild whose `regions` include one of `$regions`, one of their ancestors
 * (a county's programme is the municipality's work too) or one of their descendants (a
 * county's document may belong to a municipality's programme). The tree is at most three
 * deep (län → delregion → kommun), so two steps each way reach every relative.
 */
export const RELATED_REGIONS_FILTER = `count(regions[
  _ref in $regions
  || @->parent._ref in $regions
  || @->parent->parent._ref in $regions
  || _ref in *[_type == "region" && _id in $regions].parent._ref
  || _ref in *[_type == "region" && _id in $regions].parent->parent._ref
]) > 0`;

/** The ids of the regions a document is about: `regions`, else its publisher's region. */
export function regionIdsOf(document: unknown): string[] {
  const doc = (document ?? {}) as {
    regions?: readonly { _ref?: unknown }[];
    publisherRegion?: { _ref?: unknown };
  };
  const refs = Array.isArray(doc.regions)
    ? doc.regions.map((region) => region?._ref)
    : [doc.publisherRegion?._ref];
  return [
    ...new Set(
      refs.filter((ref): ref is string => typeof ref === 'string' && ref !== '').map(published),
    ),
  ];
}

/**
 * A programme or målbild picker that offers only those of the document's regions and their
 * ancestors and descendants; with no region chosen yet, every one.
 */
export const ofTheDocumentsRegions: ReferenceFilterResolver = ({ document }) => {
  const regions = regionIdsOf(document);
  return regions.length > 0 ? { filter: RELATED_REGIONS_FILTER, params: { regions } } : {};
};
