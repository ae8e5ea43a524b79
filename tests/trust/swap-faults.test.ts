// The swap of a finished build into the output folder (scripts/site-build/swap.ts, the last step
// of `npm run build`) on a real filesystem that resists it: an immutable output folder
// (`chattr +i`), an output folder that is a mount point (a container volume: EBUSY on rename),
// a file in the earlier site that cannot be deleted. Each is refused or survived with a message
// and no stack trace, the output folder is as it was (or the new site when it got in), and what
// is left beside it does not stop a later build. Needs root, as chattr and mount do.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeLeftovers, SwapError, swapIn } from '../../scripts/site-build/swap.ts';
import { fingerprint } from './helpers.ts';

/** The id of a process that has ended. */
const endedPid = () => spawnSync('true').pid!;

describe('the swap survives or refuses cleanly', () => {
  let site: string;
  let outDir: string;
  let building: string;
  let replaced: string;
  const undo: Array<() => void> = [];

  beforeEach(async () => {
    site = await mkdtemp(path.join(tmpdir(), 'naravard-trust-swapfault-'));
    outDir = path.join(site, 'dist');
    const pid = endedPid();
    building = path.join(site, `.dist.building-${pid}`);
    replaced = path.join(site, `.dist.replaced-${pid}`);
    await mkdir(path.join(outDir, 'gammal'), { recursive: true });
    await writeFile(path.join(outDir, 'gammal', 'index.html'), 'gammal');
    await mkdir(building);
    await writeFile(path.join(building, 'index.html'), 'ny');
  });
  afterEach(async () => {
    for (const step of undo.splice(0).reverse()) step();
    await rm(site, { recursive: true, force: true });
  });

  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => error,
    );

  it('refuses an immutable output folder, leaving it and nothing else', async () => {
    const before = await fingerprint(outDir);
    execFileSync('chattr', ['+i', outDir]);
    undo.push(() => execFileSync('chattr', ['-i', outDir]));
    const error = await refusal(swapIn(building, outDir, replaced));
    expect(error).toBeInstanceOf(SwapError);
    expect((error as Error).message).toMatch(
      /^Could not move the earlier .*dist\/ aside .*EPERM.*cannot be changed \(read-only, immutable, or another owner\)\. Nothing was replaced; .*dist\/ is unchanged\.$/,
    );
    expect(await fingerprint(outDir)).toEqual(before);
    expect(await readdir(site)).toEqual(['dist']);
  });

  it('refuses an output folder that is a mount point, leaving it and nothing else', async () => {
    execFileSync('mount', ['-t', 'tmpfs', 'tmpfs', outDir]);
    undo.push(() => execFileSync('umount', [outDir]));
    await writeFile(path.join(outDir, 'gammal.html'), 'gammal');
    const before = await fingerprint(outDir);
    const error = await refusal(swapIn(building, outDir, replaced));
    expect(error).toBeInstanceOf(SwapError);
    expect((error as Error).message).toContain('EBUSY');
    expect((error as Error).message).toContain('a mount point (a container volume)');
    expect(await fingerprint(outDir)).toEqual(before);
    expect(await readdir(site)).toEqual(['dist']);
  });

  it('puts the new site in, leaves the earlier one for the next build, which says what it cannot delete', async () => {
    const stuck = path.join(outDir, 'gammal', 'index.html');
    execFileSync('chattr', ['+i', stuck]);
    undo.push(() => execFileSync('chattr', ['-i', path.join(replaced, 'gammal', 'index.html')]));
    await swapIn(building, outDir, replaced);
    expect(Object.keys(await fingerprint(outDir))).toEqual(['index.html']);
    // The earlier site waits beside it for the next build.
    expect(Object.keys(await fingerprint(replaced))).toEqual(['gammal/', 'gammal/index.html']);

    // The next build's start: a warning for what it cannot remove, no crash.
    const warnings = await removeLeftovers(outDir);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /\.dist\.replaced-\d+\/, left by an earlier build, could not be removed: .+/,
    );
    // Once the file can go, the next build removes it.
    execFileSync('chattr', ['-i', path.join(replaced, 'gammal', 'index.html')]);
    undo.pop();
    expect(await removeLeftovers(outDir)).toEqual([]);
    expect(await readdir(site)).toEqual(['dist']);
    expect(existsSync(path.join(outDir, 'index.html'))).toBe(true);
  });
});
