// The content a build has already checked, handed from scripts/build.ts to Astro's content
// loader through a file, so a build reads, checks and queries its content once: before, the
// loader ran every query and schema again (at 10,000 documents ~5 s, and a remote source was
// queried twice). The file lives only for one build; without it the loader reads the source.
// scripts/build.ts starts Astro while the check still runs (Astro's own start, ~3 s, needs no
// content), so the loader may have to wait for the file.
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { isRunning } from '../processes.ts';
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

export async function writeCheckedContent(file: string, entries: CheckedEntries): Promise<void> {
  await writeFile(`${file}.tmp`, JSON.stringify(entries));
  await rename(`${file}.tmp`, file);
}

const reads = new Map<string, Promise<CheckedEntries>>();

/** The checked entries named by the environment, read once per process; undefined without. */
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
    reads.set(file, read);
  }
  return read;
}

/** Resolves once `file` exists; without a writer at once. Written by rename, so it is whole. */
async function whenWritten(file: string, writer: number | undefined): Promise<void> {
  if (writer === undefined) return;
  while (!existsSync(file)) {
    if (!isRunning(writer))
      throw new Error(
        `The build (process ${writer}) that was checking the content has stopped before writing ${file}`,
      );
    await sleep(20);
  }
}
