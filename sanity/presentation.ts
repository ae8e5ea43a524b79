// The Presentation tool ("Förhandsgranskning"): the preview build (npm run build:preview) in a
// frame beside the document forms, at the address "Förhandsgranska" opens (`previewUrl`,
// sanity/env.ts). Its pages carry click-to-edit overlays (src/lib/visual-editing.ts). A
// document form lists the pages that show the document, and a page in the frame opens its
// document beside it (sanity/locations.ts).
import type { ClientPerspective } from '@sanity/client';
import { map } from 'rxjs';
import { presentationTool, type DocumentLocationResolver } from 'sanity/presentation';
import { DOCUMENT_TYPES } from '../src/lib/rules/documents.ts';
import { previewUrl } from './env';
import {
  documentLocations,
  isDocumentType,
  LOCATIONS_LISTEN,
  LOCATIONS_QUERY,
  MAIN_DOCUMENTS,
  type LocationsResult,
} from './locations';

const locations: DocumentLocationResolver = ({ id, type, perspectiveStack }, { documentStore }) =>
  isDocumentType(type)
    ? documentStore
        .listenQuery(
          { fetch: LOCATIONS_QUERY, listen: LOCATIONS_LISTEN },
          { id, types: [...DOCUMENT_TYPES] },
          { perspective: perspectiveStack as ClientPerspective, tag: 'naravard.locations' },
        )
        .pipe(map((result: LocationsResult | null) => documentLocations(result)))
    : null;

export const presentation = presentationTool({
  title: 'Förhandsgranskning',
  // A static build: no draft mode to switch on, the preview build shows the drafts already.
  previewUrl: { initial: previewUrl },
  resolve: { locations, mainDocuments: MAIN_DOCUMENTS },
});
