// From a document to its page: "Förhandsgranska" opens it in the preview build (drafts
// shown), "Öppna på webbplatsen" on the public site once it is published. The paths are the
// site's own (src/lib/urls.ts, docs/content-model.md "URLs").
import { EyeOpenIcon } from '@sanity/icons/EyeOpen';
import { LaunchIcon } from '@sanity/icons/Launch';
import type { DocumentActionComponent, DocumentActionsResolver } from 'sanity';
import { SECTION } from '../src/lib/urls';
import { previewUrl, siteUrl } from './env';

/** The document's path on the site (`/program/vardens-medarbetare/`), if it has a slug. */
export function sitePath(
  type: string,
  document: Record<string, unknown> | null | undefined,
): string | undefined {
  const section = (SECTION as Record<string, string | undefined>)[type];
  const slug = (document?.['slug'] as { current?: unknown } | undefined)?.current;
  return section && typeof slug === 'string' && slug
    ? `/${section}/${encodeURIComponent(slug)}/`
    : undefined;
}

function open(url: string): void {
  window.open(url, '_blank', 'noopener');
}

const PreviewAction: DocumentActionComponent = ({ type, draft, published }) => {
  const path = sitePath(type, draft ?? published);
  return {
    label: 'Förhandsgranska',
    icon: EyeOpenIcon,
    disabled: !path,
    title: path
      ? `Öppna sidan i förhandsgranskningen (${previewUrl}${path}), med utkasten`
      : 'Sidan får en adress när dokumentet har en slug.',
    onHandle: () => path && open(`${previewUrl}${path}`),
  };
};

const OpenOnSiteAction: DocumentActionComponent = ({ type, published }) => {
  const path = sitePath(type, published);
  return {
    label: 'Öppna på webbplatsen',
    icon: LaunchIcon,
    disabled: !path,
    title: path
      ? `Öppna den publicerade sidan (${siteUrl}${path})`
      : 'Dokumentet är inte publicerat, eller har ingen slug än.',
    onHandle: () => path && open(`${siteUrl}${path}`),
  };
};

/** The Studio's own actions, then the two links (in the "…" menu beside Publicera). */
export const documentActions: DocumentActionsResolver = (previous, context) =>
  (SECTION as Record<string, string | undefined>)[context.schemaType]
    ? [...previous, PreviewAction, ...(siteUrl ? [OpenOnSiteAction] : [])]
    : previous;
