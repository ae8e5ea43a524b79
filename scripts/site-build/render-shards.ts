// Merges the output of one render shard (src/lib/render-shards.ts) into the build's folder:
// every file and folder the build's folder lacks is moved in (a rename: the same filesystem).
// What both have is the same in both: the pages of routes without parameters, which every
// process renders, and the bundled scripts and styles, which every process builds alike; the
// build's copy is kept. At its start a build removes the chunk folders that shards of builds that
// have ended left in the project (removeEndedShardFolders).
import { existsSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { isRunning } from '../../src/lib/processes.ts';

/** Moves what `into` lacks from `from` into it, then removes `from`. */
export async function mergeShardOutput(from: string, into: string): Promise<void> {
  await moveMissing(from, into);
  await rm(from, { recursive: true, force: true });
}

async function moveMissing(from: string, into: string): Promise<void> {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(into, entry.name);
    if (!existsSync(target)) await rename(source, target);
    else if (entry.isDirectory()) await moveMissing(source, target);
  }
}

/**
 * Removes the chunk folders (renderShardServerFolder) of render shards that have ended: a build
 * removes its processes' own, but not when it was killed.
 */
export async function removeEndedShardFolders(root: string): Promise<void> {
  const folder = path.join(root, '.astro', 'render-shards');
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    const pid = Number(name);
    if (!(Number.isInteger(pid) && pid > 0 && isRunning(pid)))
      await rm(path.join(folder, name), { recursive: true, force: true });
  }
}
