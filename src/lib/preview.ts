// An editors' preview build (npm run build:preview) queries the drafts perspective: drafts
// overlaid on the published documents. Its pages say so (a banner) and ask search engines
// not to index them; the site's public build never sets SANITY_PERSPECTIVE.
export function isPreviewBuild(
  env: { SANITY_PERSPECTIVE?: string | undefined } = process.env,
): boolean {
  return env.SANITY_PERSPECTIVE?.trim() === 'drafts';
}

/** Where the Studio runs when STUDIO_URL is not set: `npm run studio` (`sanity dev`). */
export const DEFAULT_STUDIO_URL = 'http://localhost:3333';

/**
 * The origins of the Studios whose Presentation tool may show the preview in its frame (the
 * preview's `frame-ancestors`): `STUDIO_URL`, one or more http(s) addresses separated by spaces
 * or commas (`https://naravard.sanity.studio http://localhost:3333`), or the local Studio.
 * Throws, naming the value, on anything else: the value goes into a response header.
 */
export function studioOrigins(env: { STUDIO_URL?: string | undefined } = process.env): string[] {
  const given = env.STUDIO_URL?.trim() || DEFAULT_STUDIO_URL;
  const origins = given.split(/[\s,]+/).filter(Boolean);
  return [
    ...new Set(
      origins.map((value) => {
        let url: URL | undefined;
        try {
          url = new URL(value);
        } catch {
          url = undefined;
        }
        if (!url || !['http:', 'https:'].includes(url.protocol) || url.username || url.password) {
          throw new Error(
            `STUDIO_URL: "${value}" is not an http(s) address of a Studio (e.g. https://naravard.sanity.studio)`,
          );
        }
        return url.origin;
      }),
    ),
  ];
}
