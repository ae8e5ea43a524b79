// The hand-over of the checked content from the build's content check to Astro's loader, all of
// it in this module: `npm run build` (scripts/build.ts) forks this file as the content check's
// own process, which checks the content (src/lib/content/check.ts), writes the checked entries
// to a file and reports over IPC; the build names that file to `astro build`
// (NARAVARD_CHECKED_CONTENT), whose loader (src/lib/content/loader.ts) stores those entries
// instead of reading the source again, so a build reads, checks and queries its content once.
//
// The check runs in a process of its own: the memory it takes to read and query the whole
// dataset (0.35 GB at 10,000 documents) and the content source's modules (~60 MB) go away with
// it before Astro renders. The build starts Astro once the documents pass the integrity checks
// (Astro's own start, ~3 s, needs no content), so the loader may have to wait for the file
// (NARAVARD_CHECKED_CONTENT_WRITER names the build it waits for). Without the variables
// (`astro dev`) the loader reads the source itself. A check of content, code, day and secrets
// that passed before is not run again: its result and entries come from the build's cache
// folder (src/lib/content/check-cache.ts).
import { fork, type ChildProcess } from 'node:child_process';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { whenWrittenBy } from '../processes.ts';
import type { ContentProblem } from './problems.ts';
import type { CollectionName } from './schemas.ts';

/** The environment variable naming the file, set by scripts/build.ts for its `astro build`. */
export const CHECKED_CONTENT = 'NARAVARD_CHECKED_CONTENT';
/**
 * The process id of the build whose content check will write that file (it may not exist yet):
 * the loader waits for the file while that process runs. The build stops Astro if the check
 * finds errors.
 */
export const CHECKED_CONTENT_WRITER = 'NARAVARD_CHECKED_CONTENT_WRITER';

export type CollectionEntries = Array<{ id: string; data: Record<string, unknown> }>;
export type CheckedEntries = Record<CollectionName, CollectionEntries>;

/** What the content check's process tells the build, in this order. */
export type ContentCheckMessage =
  | { kind: 'setup-error'; message: string }
  | { kind: 'checking'; describe: string }
  /** The documents passed the integrity checks; the queries and schemas come next. */
  | { kind: 'validated'; published: number }
  | {
      kind: 'checked';
      published: number;
      problems: ContentProblem[];
      errors: ContentProblem[];
      /** The result of an earlier check of the same content (src/lib/content/check-cache.ts). */
      cached?: boolean;
    }
  | { kind: 'source-error'; message: string };

const THIS_FILE = import.meta.url.startsWith('file:') ? fileURLToPath(import.meta.url) : '';
/** The repository (for the check's code and the cache folder). */
const ROOT = THIS_FILE && path.resolve(path.dirname(THIS_FILE), '..', '..', '..');

/** The build's side: starts the content check, which writes the checked entries to `file`. */
export function startContentCheck(file: string): ChildProcess {
  return fork(THIS_FILE, [file]);
}

/** The variables that hand `file`, written by the check of build `writer`, to `astro build`. */
export function handoverEnvironment(file: string, writer: number): Record<string, string> {
  return { [CHECKED_CONTENT]: file, [CHECKED_CONTENT_WRITER]: String(writer) };
}

export async function writeCheckedContent(file: string, entries: CheckedEntries): Promise<void> {
  await writeFile(`${file}.tmp`, JSON.stringify(entries));
  await rename(`${file}.tmp`, file);
}

/**
 * The reads of this process, on `globalThis`: Astro's loader (content.config.ts, loaded by Vite)
 * and the rendered pages (the built chunks, src/lib/presentation/collections.ts) each get their
 * own copy of this module, and must share one read.
 */
const READS = Symbol.for('naravard.checkedContent.reads');
const reads: Map<string, Promise<CheckedEntries>> = ((globalThis as Record<symbol, unknown>)[
  READS
] ??= new Map<string, Promise<CheckedEntries>>()) as Map<string, Promise<CheckedEntries>>;

/**
 * Astro's side (its loader and its pages): the checked entries named by the environment, read
 * once per process.
 */
export function checkedContent(
  env: Record<string, string | undefined> = process.env,
): Promise<CheckedEntries> | undefined {
  const file = env[CHECKED_CONTENT]?.trim();
  if (!file) return undefined;
  let read = reads.get(file);
  if (!read) {
    const writer = Number(env[CHECKED_CONTENT_WRITER]);
    read = whenWritten(file, Number.isInteger(writer) && writer > 0 ? writer : undefined)
      .then(() => readFile(file, 'utf8'))
      .then(
        (text) => JSON.parse(text) as CheckedEntries,
        (error: Error) => {
          throw new Error(
            `${CHECKED_CONTENT} names ${file}, which cannot be read: ${error.message}`,
          );
        },
      );
    // Started by the loader, awaited by the pages: a failed read is theirs to report (and the
    // build stops Astro when the check fails), not an unhandled rejection meanwhile.
    read.catch(() => {});
    reads.set(file, read);
  }
  return read;
}

/** Resolves once `file` exists, while the build `writer` runs; without a writer at once. */
async function whenWritten(file: string, writer: number | undefined): Promise<void> {
  if (writer === undefined) return;
  await whenWrittenBy(
    file,
    writer,
    () =>
      new Error(
        `The build (process ${writer}) that was checking the content has stopped before writing ${file}`,
      ),
  );
}

/** The check's own process: checks the content, writes the entries, reports over IPC. */
async function runContentCheck(file: string): Promise<void> {
  // Imported here, not above: Astro's loader imports this module and needs none of them.
  const [
    { checkContent },
    { ContentSourceError },
    { getContentSource },
    { contentCheckKey, keepCheck, takeCachedCheck },
    { cacheFolder, projectCache },
  ] = await Promise.all([
    import('./check.ts'),
    import('./retry.ts'),
    import('./source.ts'),
    import('./check-cache.ts'),
    import('../build-cache.ts'),
  ]);
  // A build killed while this process was still starting is gone before 'disconnect' could be
  // handled: the first message then finds the channel closed, and no one to report to.
  const send = (message: ContentCheckMessage) =>
    new Promise<void>((resolve) => {
      if (!process.connected) process.exit(1);
      process.send!(message, (error: Error | null) => (error ? process.exit(1) : resolve()));
    });
  let source: ReturnType<typeof getContentSource>;
  try {
    source = getContentSource(process.env);
  } catch (error) {
    // A setting that cannot work (SANITY_PERSPECTIVE, a malformed project id).
    await send({ kind: 'setup-error', message: (error as Error).message });
    return;
  }
  await send({ kind: 'checking', describe: source.describe });
  try {
    // The same content, code, day and secrets as a check that passed before: its result.
    const cacheDir = projectCache(cacheFolder(ROOT), 'content-check');
    const key = await contentCheckKey(source, ROOT);
    const cached = key && (await takeCachedCheck(cacheDir, key, file));
    if (cached) {
      await send({ kind: 'validated', published: cached.published });
      await send({ kind: 'checked', ...cached, errors: [], cached: true });
      return;
    }
    const check = await checkContent(source, (published) => {
      void send({ kind: 'validated', published });
    });
    if (check.entries) {
      await writeCheckedContent(file, check.entries);
      // A cache that cannot be written costs the next build a check, not this build.
      if (key)
        await keepCheck(cacheDir, key, file, {
          published: check.published,
          problems: check.problems,
        }).catch(() => {});
    }
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
}

if (THIS_FILE && process.argv[1] && path.resolve(process.argv[1]) === THIS_FILE) {
  const file = process.argv[2];
  if (!file || !process.send) {
    console.error(
      'Run by scripts/build.ts (startContentCheck): node src/lib/content/handover.ts <checked-content file>',
    );
    process.exit(2);
  }
  // The build is gone (killed with SIGKILL): its check has no one to report to.
  process.on('disconnect', () => process.exit(1));
  // Not awaited: this module must finish evaluating first, as check.ts imports it in turn. A
  // rejection (a bug) ends the process with its stack trace.
  // A remote source's open connections would keep the process alive, hence the exit.
  void runContentCheck(file).then(() => process.exit(0));
}
