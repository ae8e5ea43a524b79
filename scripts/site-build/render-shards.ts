// Merges the output of one render shard (src/lib/render-shards.ts) into the build's folder:
// every file and folder the build's folder lacks is moved in (a rename: the same filesystem).
// What both have is the same in both: the pages of routes without parameters, which every
// process renders, and the bundled scripts and styles, which every process builds alike; the
// build's copy is kept.
import { existsSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

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
