// The build's cache folder is never trusted beyond what wrote it whole: Astro's incremental cache
// is dropped when a build stopped while rendering and refused to a second build at the same time
// (src/integrations/incremental-cache.ts), and the content check's result is found only by the
// digest of the dataset, code, day and secrets it was made from (src/lib/content/check-cache.ts).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import incrementalCache, {
  INCREMENTAL_MANIFEST,
  RENDERING_MARK,
} from '../../src/integrations/incremental-cache.ts';
import { contentCheckKey, keepCheck, takeCachedCheck } from '../../src/lib/content/check-cache.ts';
import { createLocalSource } from '../../src/lib/content/source.ts';
import { ROOT } from '../support/site.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'build-cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the guard of Astro's incremental cache", () => {
  const warnings: string[] = [];
  const logger = {
    warn: (message: string) => void warnings.push(message),
  } as unknown as AstroIntegrationLogger;
  /** The integration's hooks, as Astro calls them, with `dir` as the cache folder. */
  function hooks() {
    const integration = incrementalCache();
    const call = (name: keyof AstroIntegration['hooks'], options: object) =>
      (integration.hooks[name] as (options: object) => Promise<void> | void)(options);
    void call('astro:config:done', { config: { cacheDir: pathToFileURL(`${dir}/`) } });
    return {
      start: () => call('astro:build:start', { logger }),
      generated: () => call('astro:build:generated', {}),
    };
  }
  const manifest = () => path.join(dir, INCREMENTAL_MANIFEST);
  const mark = () => path.join(dir, RENDERING_MARK);

  it('keeps the cache of a build that finished rendering', async () => {
    await writeFile(manifest(), '{}');
    const build = hooks();
    await build.start();
    expect(await readFile(mark(), 'utf8')).toBe(String(process.pid));
    await build.generated();
    expect(existsSync(mark())).toBe(false);
    expect(existsSync(manifest())).toBe(true);
  });

  it('drops the cached pages a build left when it stopped while rendering', async () => {
    await writeFile(manifest(), '{}');
    // The mark of a build whose process has ended.
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    await writeFile(mark(), String(gone));
    warnings.length = 0;
    await hooks().start();
    expect(existsSync(manifest())).toBe(false);
    expect(warnings.join('\n')).toContain('every page is rendered again');
  });

  it('refuses a cache folder another running build renders with', async () => {
    await writeFile(manifest(), '{}');
    await writeFile(mark(), String(process.ppid));
    await expect(hooks().start()).rejects.toThrow(
      `Another build (process ${process.ppid}) is rendering with the cache folder`,
    );
    expect(existsSync(manifest())).toBe(true);
  });
});

describe("the content check's cache", () => {
  async function dataset(name: string, text: string) {
    await mkdir(path.join(dir, name), { recursive: true });
    await writeFile(path.join(dir, name, 'data.ndjson'), text);
    return createLocalSource(path.join(dir, name));
  }
  const line = (title: string) =>
    `${JSON.stringify({ _id: 'tema-a', _type: 'tema', name: title })}\n`;

  it('is keyed by the whole dataset and the secrets in the environment', async () => {
    const a = await contentCheckKey(await dataset('a', line('Samverkan')), ROOT, {});
    expect(await contentCheckKey(await dataset('b', line('Samverkan')), ROOT, {})).toBe(a);
    expect(await contentCheckKey(await dataset('c', line('Egenvård')), ROOT, {})).not.toBe(a);
    const secret = { SANITY_TOKEN: 'sk-a-token-of-some-length' };
    expect(await contentCheckKey(await dataset('d', line('Samverkan')), ROOT, secret)).not.toBe(a);
    expect(await contentCheckKey(createLocalSource(path.join(dir, 'missing')), ROOT, {})).toBe(
      undefined,
    );
  });

  it('hands over a kept check whole, and keeps only the latest', async () => {
    const cache = path.join(dir, 'cache');
    const handover = path.join(dir, 'content.json');
    expect(await takeCachedCheck(cache, 'k1', handover)).toBe(undefined);
    expect(existsSync(handover)).toBe(false);
    await writeFile(handover, '{"teman":[]}');
    await keepCheck(cache, 'k1', handover, { published: 1, problems: [] });
    await keepCheck(cache, 'k2', handover, { published: 2, problems: [] });
    await rm(handover);
    expect(await takeCachedCheck(cache, 'k1', handover)).toBe(undefined);
    expect(await takeCachedCheck(cache, 'k2', handover)).toEqual({ published: 2, problems: [] });
    expect(await readFile(handover, 'utf8')).toBe('{"teman":[]}');
    expect((await readdir(cache)).sort()).toEqual(['k2.entries.json', 'k2.json']);
  });
});
