// The Presentation tool ("Förhandsgranskning"): the preview build (npm run build:preview) in a
// frame beside the document forms, at the address "Förhandsgranska" opens (`previewUrl`,
// sanity/env.ts). Its pages carry click-to-edit overlays (src/lib/visual-editing.ts). A
// document form lists the pages that show the document, and a page in the frame opens its
// document beside it (sanity/locations.ts).
import type { ClientPerspective } from '@sanity/client';
import { combineLatest, map, of, type Observable } from 'rxjs';
import { presentationTool, type DocumentLocationResolver } from 'sanity/presentation';
import { DOCUMENT_TYPES } from '../src/lib/rules/documents.ts';
import { previewUrl } from './env';
import { LIST_PAGE_SIZE } from '../src/lib/presentation/list-order.ts';
import {
  documentLocations,
  isDocumentType,
  LIST_ENTRIES_LISTEN,
  LIST_ENTRIES_QUERY,
  LOCATIONS_LISTEN,
  LOCATIONS_QUERY,
  MAIN_DOCUMENTS,
  type ListEntriesResult,
  type LocationsResult,
} from './locations';

const locations: DocumentLocationResolver = ({ id, type, perspectiveStack }, { documentStore }) => {
  if (!isDocumentType(type)) return null;
  const options = { perspective: perspectiveStack as ClientPerspective, tag: 'naravard.locations' };
  const document = documentStore.listenQuery(
    { fetch: LOCATIONS_QUERY, listen: LOCATIONS_LISTEN },
    { id, types: [...DOCUMENT_TYPES] },
    options,
  ) as Observable<LocationsResult | null>;
  // The rest of a paginated list, for the page that shows the document: asked again only when
  // another document of the list changes, not on every edit of this one.
  const list = LIST_PAGE_SIZE[type]
    ? (documentStore.listenQuery(
        { fetch: LIST_ENTRIES_QUERY, listen: LIST_ENTRIES_LISTEN },
        { id, type },
        options,
      ) as Observable<ListEntriesResult | null>)
    : of(null);
  return combineLatest([document, list]).pipe(
    map(([result, entries]) => documentLocations(result, entries)),
  );
};

export const presentation = presentationTool({
  title: 'Förhandsgranskning',
  // A static build: no draft mode to switch on, the preview build shows the drafts already.
  previewUrl: { initial: previewUrl },
  resolve: { locations, mainDocuments: MAIN_DOCUMENTS },
});
