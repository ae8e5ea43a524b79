// Secrets that must never reach the built site: the values of the environment's Sanity tokens,
// and any string shaped like a Sanity API token (`sk` and a long run of letters and digits), as
// an editor might paste one into content. The content check refuses documents holding one
// (naming `_id` and field path), and the build scans its output before it is swapped in
// (scripts/site-build/secret-scan.ts), naming the page.
import type { RawDocument } from './dataset.ts';
import { formatPath, type ContentProblem } from './problems.ts';

/** The environment variables whose values are secrets. */
export const SECRET_VARIABLES = ['SANITY_TOKEN', 'SANITY_WRITE_TOKEN', 'SANITY_AUTH_TOKEN'];

/** A Sanity API token's shape: `sk` and at least 60 letters and digits (real ones have ~180). */
export const TOKEN_SHAPE = /\bsk[A-Za-z0-9]{60,}/;

/** A secret value and the variable it came from. */
export interface Secret {
  name: string;
  value: string;
}

/** The secret values set in `env` (shorter than 8 characters they are no tokens). */
export function environmentSecrets(
  env: Record<string, string | undefined> = process.env,
): Secret[] {
  return SECRET_VARIABLES.map((name) => ({ name, value: env[name]?.trim() ?? '' })).filter(
    ({ value }) => value.length >= 8,
  );
}

/** What in `text` is a secret, described without repeating it; undefined when nothing is. */
export function secretIn(text: string, secrets: readonly Secret[]): string | undefined {
  for (const { name, value } of secrets) if (text.includes(value)) return `the value of ${name}`;
  const shaped = TOKEN_SHAPE.exec(text);
  return shaped ? `a string shaped like a Sanity API token (${shaped[0].slice(0, 4)}…)` : undefined;
}

/** Every string field of `documents` that holds a secret, as an error naming `_id` and path. */
export function secretProblems(
  documents: readonly RawDocument[],
  secrets: readonly Secret[],
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const document of documents) {
    const stack: Array<[unknown, PropertyKey[]]> = [[document, []]];
    while (stack.length > 0) {
      const [value, path] = stack.pop()!;
      if (typeof value === 'string') {
        const found = secretIn(value, secrets);
        if (found)
          problems.push({
            id: document._id,
            path: formatPath(path),
            message: `holds ${found}: a secret must never be published. Remove it, and revoke the token`,
            severity: 'error',
          });
      } else if (value !== null && typeof value === 'object')
        for (const [key, child] of Array.isArray(value) ? value.entries() : Object.entries(value))
          stack.push([child, [...path, key]]);
    }
  }
  return problems;
}
