// The last step of `npm run build` (scripts/build.ts): the new site, built in a temporary folder
// beside the output folder, takes the output folder's place by two renames; and at the start of
// the next build, beside its content check, what earlier builds left beside the output folder is
// removed: the site each replaced, and whatever a killed build left. Either refuses with a message
// that says why, never a stack trace, and leaves the output folder as it was.
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isRunning } from '../../src/lib/processes.ts';

/** A swap that could not be made; the output folder is unchanged and `building` removed. */
export class SwapError extends Error {}

/** Shows a folder as the build names it: relative to the working folder when inside it. */
export function shown(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative)
    ? `${relative}/`
    : `${dir}/`;
}

/**
 * Puts `building` in the place of `outDir`: `outDir` is renamed to `replaced`, `building` to
 * `outDir`. Throws a SwapError when either cannot be done (an immutable or read-only output
 * folder, a mount point). The earlier site stays in `replaced` until the next build removes it
 * (removeLeftovers): deleting ~20,000 files took 1.3–2 s at 10,000 documents, at the end of every
 * build, when the site was already in place.
 */
export async function swapIn(building: string, outDir: string, replaced: string): Promise<void> {
  const hadOutput = existsSync(outDir);
  try {
    if (hadOutput) await rename(outDir, replaced);
  } catch (error) {
    await rm(building, { recursive: true, force: true });
    const { code, message } = error as NodeJS.ErrnoException;
    throw new SwapError(
      `Could not move the earlier ${shown(outDir)} aside to put the new build in its place: ${message}. ` +
        (code === 'EBUSY'
          ? `${shown(outDir)} is in use or a mount point (a container volume): set ASTRO_OUT_DIR to a folder inside it, or mount its parent folder instead. `
          : code === 'EPERM' || code === 'EACCES'
            ? `${shown(outDir)} or the folder it is in cannot be changed (read-only, immutable, or another owner). `
            : '') +
        `Nothing was replaced; ${shown(outDir)} is unchanged.`,
    );
  }
  try {
    await rename(building, outDir);
  } catch (error) {
    if (hadOutput) await rename(replaced, outDir);
    await rm(building, { recursive: true, force: true });
    throw new SwapError(
      `Could not move the new build into place: ${(error as Error).message}. ${shown(outDir)} is unchanged.`,
    );
  }
}

/**
 * Removes what builds that have ended left beside `outDir`: the site each replaced
 * (`.<name>.replaced-<pid>`), and what a killed one left (`.<name>.building-<pid>`, `.content-`,
 * `.records-`, and their render shards' `.shard-<n>` and `.synced`); returns a warning for each
 * that cannot be removed.
 */
export async function removeLeftovers(outDir: string, ownPid = process.pid): Promise<string[]> {
  const parent = path.dirname(outDir);
  const name = path.basename(outDir);
  const pattern = new RegExp(
    `^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(building|replaced|content|records)-(\\d+)(?:\\.shard-\\d+|\\.synced)?(?:\\.json(?:\\.tmp)?)?$`,
  );
  const warnings: string[] = [];
  for (const entry of await readdir(parent).catch(() => [] as string[])) {
    const [, kind, pidText] = pattern.exec(entry) ?? [];
    const pid = Number(pidText);
    if (!pid || isRunning(pid)) {
      // This build's own files are written while this runs, beside the check. A site replaced
      // under its process id was left by an earlier process with the same id (the swap has not
      // run yet), and would be in the swap's way.
      if (!(pid === ownPid && kind === 'replaced')) continue;
    }
    await rm(path.join(parent, entry), { recursive: true, force: true }).catch((error: Error) =>
      warnings.push(
        `${shown(path.join(parent, entry))}, left by an earlier build, could not be removed: ${error.message}`,
      ),
    );
  }
  return warnings;
}

/**
 * The file every build writes into its output: a folder that holds files but not this one was
 * not made by `npm run build`, and the build, which replaces its output folder whole, refuses it.
 */
export const BUILD_MARKER = '.naravard-build';

export async function writeBuildMarker(building: string): Promise<void> {
  await writeFile(
    path.join(building, BUILD_MARKER),
    'Made by npm run build (Nära vård). Each build replaces this whole folder.\n',
  );
}

const real = (dir: string) => {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
};
const within = (dir: string, parent: string) => {
  const relative = path.relative(parent, dir);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

/**
 * Why `outDir` cannot be the build's output folder, or undefined when it can: the build replaces
 * it whole, so it must not be or hold the repository, its source, content or public folders or
 * the dataset the build reads, nor lie inside them; and an existing folder with files must be an
 * earlier build's (it holds BUILD_MARKER), except the repository's own dist/.
 */
export function outputFolderProblem(
  outDir: string,
  { root, contentDir }: { root: string; contentDir?: string | undefined },
): string | undefined {
  const out = real(outDir);
  const named = `ASTRO_OUT_DIR names ${outDir}`;
  const repositoryFolders = ['src', 'content', 'public', 'sanity', 'scripts', 'tests', '.git'].map(
    (name) => real(path.join(root, name)),
  );
  const guarded = [real(root), ...repositoryFolders];
  if (contentDir) guarded.push(real(path.resolve(contentDir)));
  for (const dir of guarded)
    if (within(dir, out))
      return `${named}, which is or holds ${dir}: the build replaces its output folder whole. Name a folder of its own, such as dist/.`;
  for (const dir of repositoryFolders)
    if (within(out, dir))
      return `${named}, which is inside ${dir}: the build's output must not go into the site's source or content. Name a folder of its own, such as dist/.`;
  if (!existsSync(out) || out === real(path.join(root, 'dist'))) return undefined;
  let entries: string[];
  try {
    entries = readdirSync(out);
  } catch (error) {
    return `${named}, which cannot be used as a folder: ${(error as Error).message}.`;
  }
  if (entries.length > 0 && !entries.includes(BUILD_MARKER))
    return `${named}, a folder that holds files but was not made by npm run build (it has no ${BUILD_MARKER}); the build replaces its output folder whole. Name a new or empty folder, or remove this one first.`;
  return undefined;
}
