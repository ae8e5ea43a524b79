// The test builds' one retry: only for Astro's race on the repository's shared .astro/ folder,
// as CI printed it on a fresh clone (2026-11-30), never for another failure.
import { describe, expect, it } from 'vitest';
import { failedOnSharedDotAstro, retryingSharedDotAstroRace } from '../support/site.ts';

const RACE = `20:36:08 [content] Syncing content
[UnknownFilesystemError]
  Location:
    /tmp/naravard-ci-1796070779/node_modules/astro/dist/content/mutable-data-store.js:152:15
  Caused by:
  ENOENT: no such file or directory, rename '/tmp/naravard-ci-1796070779/.astro/content-assets.mjs.tmp' -> '/tmp/naravard-ci-1796070779/.astro/content-assets.mjs'
The build failed, see above. dist/ is unchanged.`;

describe("the retry for Astro's shared .astro/ race", () => {
  it('recognises the race and nothing else', () => {
    expect(failedOnSharedDotAstro({ exitCode: 1, output: RACE })).toBe(true);
    expect(failedOnSharedDotAstro({ exitCode: 0, output: RACE })).toBe(false);
    // The same error on a file of the site's own is a real failure.
    expect(
      failedOnSharedDotAstro({
        exitCode: 1,
        output: RACE.replaceAll('/.astro/content-assets.mjs', '/dist/sok/index.html'),
      }),
    ).toBe(false);
    expect(
      failedOnSharedDotAstro({
        exitCode: 1,
        output: 'programme-x · title · Texten innehåller ett otillåtet tecken (U+0007).',
      }),
    ).toBe(false);
  });

  it("runs the build once more only after the race, and gives the second run's output with the first's failure", async () => {
    const results = [
      { exitCode: 1, output: RACE },
      { exitCode: 0, output: 'built' },
    ];
    let runs = 0;
    const retried = await retryingSharedDotAstroRace(async () => results[runs++]!);
    expect(runs).toBe(2);
    expect(retried.exitCode).toBe(0);
    expect(retried.output).toContain('built');
    expect(retried.output).toContain(
      "the first attempt failed on Astro's shared .astro/ race: ENOENT: no such file or directory, rename '/tmp/naravard-ci-1796070779/.astro/content-assets.mjs.tmp'",
    );
    expect(retried.output).not.toContain('[UnknownFilesystemError]');

    runs = 0;
    const failure = { exitCode: 1, output: 'Content check failed: 3 problems' };
    const notRetried = await retryingSharedDotAstroRace(async () => (runs++, failure));
    expect(runs).toBe(1);
    expect(notRetried).toBe(failure);
  });
});
