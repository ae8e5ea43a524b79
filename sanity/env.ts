// One reading of the project settings for the Studio (browser bundle) and the CLI (Node).
// The Studio build replaces the exact expression `process.env.SANITY_STUDIO_…` with the
// value when the variable is set; in the browser nothing else of `process` exists, so
// every read is written out in full and guarded. scripts/studio.ts copies the site's
// SANITY_PROJECT_ID / SANITY_DATASET into the SANITY_STUDIO_ names; Node sees both.

/** Stand-in so that offline commands (schema validate, schema extract, build) run without an account. */
export const PLACEHOLDER_PROJECT_ID = 'no-project-id';

function read(get: () => string | undefined): string | undefined {
  try {
    const value = get()?.trim();
    return value ? value : undefined;
  } catch {
    // ReferenceError: `process` is not defined in the browser when the variable is unset.
    return undefined;
  }
}

export const projectId =
  read(() => process.env.SANITY_STUDIO_PROJECT_ID) ??
  read(() => process.env.SANITY_PROJECT_ID) ??
  PLACEHOLDER_PROJECT_ID;

export const dataset =
  read(() => process.env.SANITY_STUDIO_DATASET) ??
  read(() => process.env.SANITY_DATASET) ??
  'production';

/**
 * The Content Lake's address, only for a stand-in: the Studio browser tests build the Studio
 * against a loopback lake (`https://localhost:PORT`; the client puts the project id in front,
 * and Chromium resolves `*.localhost` to loopback). Unset, the Studio talks to api.sanity.io.
 */
export const apiHost = read(() => process.env.SANITY_STUDIO_API_HOST);

/**
 * The preview build's address, for "Förhandsgranska" (sanity/actions.ts) and the Presentation
 * tool's frame (sanity/presentation.ts): as `npm start` serves it
 * (`ASTRO_OUT_DIR=dist-preview npm start -- --no-build`), unless set. The preview build in turn
 * lets this Studio frame it (STUDIO_URL, src/lib/preview.ts).
 */
export const previewUrl = (
  read(() => process.env.SANITY_STUDIO_PREVIEW_URL) ?? 'http://127.0.0.1:4321'
).replace(/\/$/, '');

/** The public site's address (the site's SITE_URL); without it there is no "Öppna på webbplatsen". */
export const siteUrl = (
  read(() => process.env.SANITY_STUDIO_SITE_URL) ??
  read(() => process.env.SITE_URL) ??
  ''
).replace(/\/$/, '');

export { SANITY_API_VERSION as API_VERSION } from '../src/lib/rules/api-version.ts';
