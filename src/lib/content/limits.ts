// The limits of what one build takes, as documented numbers (docs/content-source.md, "Limits"):
// content beyond them is refused with a problem that names it, before anything deeper in the
// check (zod, GROQ, Astro) could crash on it or run the machine out of memory.
import type { RawDocument } from './dataset.ts';
import { formatPath, type ContentProblem } from './problems.ts';

export const LIMITS = {
  /** Levels of objects and arrays in one document (Portable Text needs ~6). */
  nestingDepth: 64,
  /** Characters in one string value. */
  fieldCharacters: 1_000_000,
  /** Published content documents in one build (the benchmark builds 100,000). */
  documents: 200_000,
  /** Bytes of the embedded dataset's data.ndjson. */
  datasetBytes: 1024 * 1024 * 1024,
  /**
   * Bytes of the Content Lake's answer (every published document at once; ~1.5 kB a document,
   * so 200,000 documents are ~300 MB). Counted while it streams in, so no more is ever held;
   * SANITY_MAX_ANSWER_MB sets another limit.
   */
  answerBytes: 512 * 1024 * 1024,
} as const;

/**
 * The first place in `document` beyond a limit, as a problem (an error), or undefined. Walks
 * with a stack of its own, not by recursion: any depth is measured without a stack overflow.
 */
export function documentLimitProblem(document: RawDocument): ContentProblem | undefined {
  const stack: Array<[unknown, PropertyKey[]]> = [[document, []]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (value.length > LIMITS.fieldCharacters)
        return {
          id: document._id,
          path: formatPath(path),
          message: `Texten har ${value.length} tecken, fler än gränsen ${LIMITS.fieldCharacters}: korta den.`,
          severity: 'error',
        };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= LIMITS.nestingDepth)
      return {
        id: document._id,
        path: `${formatPath(path.slice(0, 8))}…`,
        message: `Värdet är nästlat i fler än ${LIMITS.nestingDepth} nivåer, vilket är gränsen: förenkla det.`,
        severity: 'error',
      };
    const entries = Array.isArray(value)
      ? value.map((item, index) => [index, item] as const)
      : Object.entries(value);
    for (const [key, child] of entries) stack.push([child, [...path, key]]);
  }
  return undefined;
}
