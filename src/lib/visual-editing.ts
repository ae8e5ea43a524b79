// Click-to-edit in the editors' preview (npm run build:preview) inside the Studio's
// Presentation tool: the elements that show a document's field carry a `data-sanity` attribute
// naming the document, its type and the field (`createDataAttribute` from
// @sanity/visual-editing), and the preview's pages load `enableVisualEditing`
// (src/browser/visual-editing.ts, injected by src/integrations/preview.ts), which draws the
// overlays and tells the Studio which field was clicked.
//
// Why attributes and not stega: stega encodes the Content Lake's content source maps
// (`resultSourceMap`) into the strings, and neither the embedded dataset (groq-js) nor a
// static build from a snapshot has them. Attributes name the field directly and need nothing
// from the query.
//
// The public build renders none of it: every helper returns no attribute unless this is a
// preview build, so public pages keep no JavaScript and their Content-Security-Policy.
import { createDataAttribute } from '@sanity/visual-editing/create-data-attribute';
import type { DocumentType } from './content/schemas.ts';
import { isPreviewBuild } from './preview.ts';

/** The attribute the overlays look for. */
export const EDIT_ATTRIBUTE = 'data-sanity';

/** The field that holds each type's name, shown as its page's h1. */
export const TITLE_FIELD: Record<DocumentType, string> = {
  region: 'name',
  tema: 'name',
  kontaktperson: 'name',
  programme: 'title',
  malbild: 'title',
  delprojekt: 'title',
  dokument: 'title',
  handelse: 'title',
  kalla: 'title',
};

/**
 * The field each type's page shows as its lead under the h1; none for a source page, whose
 * lead is the site's own sentence.
 */
export const LEAD_FIELD: Record<DocumentType, string | undefined> = {
  region: 'shortDescription',
  tema: 'description',
  kontaktperson: 'role',
  programme: 'summary',
  malbild: 'summary',
  delprojekt: 'summary',
  dokument: 'summary',
  handelse: 'summary',
  kalla: undefined,
};

export type EditAttributes = { [EDIT_ATTRIBUTE]?: string };

/**
 * `{ 'data-sanity': 'id=…;type=…;path=…' }` for the element showing `field` of `document`, in a
 * preview build; `{}` otherwise (and when there is no field). Spread it onto the element.
 */
export function editAttributes(
  document: { _id: string; _type: DocumentType },
  field: string | undefined,
  preview: boolean = isPreviewBuild(),
): EditAttributes {
  if (!preview || !field) return {};
  return {
    [EDIT_ATTRIBUTE]: createDataAttribute({
      id: document._id,
      type: document._type,
      path: field,
    }).toString(),
  };
}
