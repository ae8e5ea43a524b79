// The content check of scripts/build.ts, in a worker thread: the memory it takes to read and
// query the whole dataset (0.35 GB at 10,000 documents) is returned when the thread ends,
// instead of staying with the build process while Astro renders. It writes the checked
// entries for Astro's loader (src/lib/content/checked-content.ts) and posts the problems.
import { parentPort, workerData } from 'node:worker_threads';
import { checkContent } from '../../src/lib/content/check.ts';
import { writeCheckedContent } from '../../src/lib/content/checked-content.ts';
import type { ContentProblem } from '../../src/lib/content/problems.ts';
import { ContentSourceError } from '../../src/lib/content/retry.ts';
import { getContentSource } from '../../src/lib/content/source.ts';

export type ContentCheckMessage =
  | { kind: 'checked'; published: number; problems: ContentProblem[]; errors: ContentProblem[] }
  | { kind: 'source-error'; message: string };

const { checkedContentFile } = workerData as { checkedContentFile: string };
let message: ContentCheckMessage;
try {
  const check = await checkContent(getContentSource(process.env));
  if (check.entries) await writeCheckedContent(checkedContentFile, check.entries);
  message = {
    kind: 'checked',
    published: check.published,
    problems: check.problems,
    errors: check.errors,
  };
} catch (error) {
  // A bug, not a content problem, is thrown on: the build prints its stack trace.
  if (!(error instanceof ContentSourceError)) throw error;
  message = { kind: 'source-error', message: error.message };
}
parentPort?.postMessage(message);
// A remote source's open connections would keep the thread alive.
process.exit(0);
