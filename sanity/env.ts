// One reading of the project settings for the Studio (browser bundle) and the CLI (Node).
// In the browser only SANITY_STUDIO_* variables exist; scripts/studio.ts copies the
// site's SANITY_PROJECT_ID / SANITY_DATASET into them, and Node sees both.

/** Stand-in so that offline commands (schema validate, build, typegen) run without an account. */
export const PLACEHOLDER_PROJECT_ID = 'no-project-id';

function read(name: string): string | undefined {
  const value = typeof process === 'undefined' ? undefined : process.env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export const projectId =
  read('SANITY_STUDIO_PROJECT_ID') ?? read('SANITY_PROJECT_ID') ?? PLACEHOLDER_PROJECT_ID;

export const dataset = read('SANITY_STUDIO_DATASET') ?? read('SANITY_DATASET') ?? 'production';

export const API_VERSION = '2025-02-19';
