// The content check of scripts/build.ts, in a child process of its own: the memory it takes to
// read and query the whole dataset (0.35 GB at 10,000 documents), and the content source's
// modules (~60 MB), go away with it before Astro renders, instead of staying with the build
// process. It writes the checked entries for Astro's loader (src/lib/content/checked-content.ts)
// and sends the build its findings over IPC, and, once the documents pass the integrity
// checks, their number, so that the build can start Astro beside the rest of the check.
import { checkContent } from '../../src/lib/content/check.ts';
import { writeCheckedContent } from '../../src/lib/content/checked-content.ts';
import type { ContentProblem } from '../../src/lib/content/problems.ts';
import { ContentSourceError } from '../../src/lib/content/retry.ts';
import { getContentSource, type ContentSource } from '../../src/lib/content/source.ts';

export type ContentCheckMessage =
  | { kind: 'setup-error'; message: string }
  | { kind: 'checking'; describe: string }
  /** The documents passed the integrity checks; the queries and schemas come next. */
  | { kind: 'validated'; published: number }
  | { kind: 'checked'; published: number; problems: ContentProblem[]; errors: ContentProblem[] }
  | { kind: 'source-error'; message: string };

const send = (message: ContentCheckMessage) =>
  new Promise<void>((resolve, reject) =>
    process.send!(message, (error: Error | null) => (error ? reject(error) : resolve())),
  );

const checkedContentFile = process.argv[2];
if (!checkedContentFile || !process.send) {
  console.error(
    'Run by scripts/build.ts: node scripts/build/check-content.ts <checked-content file>',
  );
  process.exit(2);
}

let source: ContentSource;
try {
  source = getContentSource(process.env);
} catch (error) {
  // A setting that cannot work (SANITY_PERSPECTIVE, a malformed project id).
  await send({ kind: 'setup-error', message: (error as Error).message });
  process.exit(0);
}
await send({ kind: 'checking', describe: source.describe });
try {
  const check = await checkContent(source, (published) => {
    process.send!({ kind: 'validated', published } satisfies ContentCheckMessage);
  });
  if (check.entries) await writeCheckedContent(checkedContentFile, check.entries);
  await send({
    kind: 'checked',
    published: check.published,
    problems: check.problems,
    errors: check.errors,
  });
} catch (error) {
  // A bug, not a content problem, is thrown on: its stack trace helps.
  if (!(error instanceof ContentSourceError)) throw error;
  await send({ kind: 'source-error', message: error.message });
}
// A remote source's open connections would keep the process alive.
process.exit(0);
