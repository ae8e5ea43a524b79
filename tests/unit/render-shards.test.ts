// Render shards (src/lib/render-shards.ts): how many processes render a site (with
// scripts/site-build/render-settings.ts), which pages each renders, where each keeps its cache
// and chunks, and how the build puts their outputs, caches and records back together
// (scripts/site-build/render-shards.ts, mergeBuildRecords). The whole path, a site built by two
// processes equal to one built by one, is in tests/trust/render-shards.test.ts.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  mergeShardCaches,
  mergeShardOutput,
  removeEndedShardFolders,
} from '../../scripts/site-build/render-shards.ts';
import {
  keepRenderSettings,
  renderSettingsDigest,
  renderSettingsUnchanged,
} from '../../scripts/site-build/render-settings.ts';
import { removeLeftovers } from '../../scripts/site-build/swap.ts';
import { incrementalCacheIsWhole } from '../../src/integrations/incremental-cache.ts';
import { mergeBuildRecords, type BuildRecords } from '../../src/lib/build-records.ts';
import {
  currentRenderShard,
  inRenderShard,
  MAX_DOCUMENTS_TO_SHARD,
  MIN_DOCUMENTS_TO_SHARD,
  RENDER_SHARD,
  RENDER_SHARDS,
  RENDER_SHARDS_SYNCED,
  renderShardCacheFolder,
  renderShardCachesFolder,
  renderShardCount,
  renderShardServerFolder,
  renderShardsSettingProblem,
  whenFirstShardHasSynced,
} from '../../src/lib/render-shards.ts';

/** A temporary folder for each test of a block, and a way to write files into it. */
function temporaryFolder(prefix: string) {
  const folder = { path: '' };
  beforeEach(async () => {
    folder.path = await mkdtemp(path.join(tmpdir(), prefix));
  });
  afterEach(async () => {
    await rm(folder.path, { recursive: true, force: true });
  });
  const write = async (file: string, text: string) => {
    await mkdir(path.dirname(path.join(folder.path, file)), { recursive: true });
    await writeFile(path.join(folder.path, file), text);
  };
  return { folder, write };
}

describe('how many processes render a site', () => {
  it('two on two cores or more for a site between the bounds, else one', () => {
    expect(renderShardCount(10_000, 2, {})).toBe(2);
    expect(renderShardCount(10_000, 8, {})).toBe(2);
    expect(renderShardCount(MIN_DOCUMENTS_TO_SHARD, 2, {})).toBe(2);
    expect(renderShardCount(MAX_DOCUMENTS_TO_SHARD, 2, {})).toBe(2);
    expect(renderShardCount(10_000, 1, {})).toBe(1);
    // The embedded dataset, and the memory bound at 100,000 documents.
    expect(renderShardCount(77, 2, {})).toBe(1);
    expect(renderShardCount(MIN_DOCUMENTS_TO_SHARD - 1, 2, {})).toBe(1);
    expect(renderShardCount(100_000, 2, {})).toBe(1);
  });

  it('one when the cache holds an earlier build, unless NARAVARD_RENDER_SHARDS says otherwise', () => {
    expect(renderShardCount(10_000, 2, {}, true)).toBe(1);
    expect(renderShardCount(10_000, 2, {}, false)).toBe(2);
    expect(renderShardCount(10_000, 2, { [RENDER_SHARDS]: '2' }, true)).toBe(2);
  });

  it('the number NARAVARD_RENDER_SHARDS names, and no nonsense', () => {
    expect(renderShardCount(77, 1, { [RENDER_SHARDS]: '2' })).toBe(2);
    expect(renderShardCount(10_000, 2, { [RENDER_SHARDS]: ' 1 ' })).toBe(1);
    for (const wrong of ['0', '-1', '1.5', 'två', '17']) {
      const message = `NARAVARD_RENDER_SHARDS must be a whole number from 1 to 16, not "${wrong}"`;
      expect(renderShardsSettingProblem({ [RENDER_SHARDS]: wrong }), wrong).toBe(message);
      expect(() => renderShardCount(10_000, 2, { [RENDER_SHARDS]: wrong }), wrong).toThrow(message);
    }
    expect(renderShardsSettingProblem({ [RENDER_SHARDS]: '2' })).toBeUndefined();
    expect(renderShardsSettingProblem({})).toBeUndefined();
  });

  it("reads a process's share from NARAVARD_RENDER_SHARD", () => {
    expect(currentRenderShard({})).toEqual({ index: 0, count: 1 });
    expect(currentRenderShard({ [RENDER_SHARD]: '1/2' })).toEqual({ index: 1, count: 2 });
    for (const wrong of ['2/2', '1', 'a/b', '0/0'])
      expect(() => currentRenderShard({ [RENDER_SHARD]: wrong }), wrong).toThrow(RENDER_SHARD);
  });
});

describe('which pages a process renders', () => {
  const keys = Array.from({ length: 2000 }, (_, i) => `programme/syn-programme-${i}`);

  it('every page in exactly one share, the shares near even, the same in every build', () => {
    for (const count of [2, 3]) {
      const shares = Array.from({ length: count }, (_, index) =>
        keys.filter((key) => inRenderShard(key, { index, count })),
      );
      expect(shares.flat().sort()).toEqual([...keys].sort());
      for (const share of shares) {
        expect(share.length).toBeGreaterThan((keys.length / count) * 0.9);
        expect(share.length).toBeLessThan((keys.length / count) * 1.1);
      }
      expect(keys.filter((key) => inRenderShard(key, { index: 0, count }))).toEqual(shares[0]);
    }
    expect(keys.every((key) => inRenderShard(key, { index: 0, count: 1 }))).toBe(true);
  });

  it('each process its own cache folder and chunk folder, one process the usual ones', () => {
    const one = { index: 0, count: 1 };
    expect(renderShardCacheFolder('/p/.cache/astro', one)).toBe('/p/.cache/astro');
    expect(renderShardCacheFolder('/p/.cache/astro/', { index: 1, count: 2 })).toBe(
      '/p/.cache/astro/render-shards/2-of-2',
    );
    expect(renderShardCachesFolder('/p/.cache/astro/')).toBe('/p/.cache/astro/render-shards');
    expect(renderShardServerFolder('/p', 4242)).toBe('/p/.astro/render-shards/4242/');
  });

  it('a later process waits for the first to have synced, the first does not', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'naravard-shard-sync-'));
    const file = path.join(dir, 'synced');
    try {
      await whenFirstShardHasSynced({ [RENDER_SHARD]: '0/2', [RENDER_SHARDS_SYNCED]: file });
      let waited = false;
      const second = whenFirstShardHasSynced({
        [RENDER_SHARD]: '1/2',
        [RENDER_SHARDS_SYNCED]: file,
      }).then(() => (waited = true));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(waited).toBe(false);
      await writeFile(file, '1');
      await second;
      expect(waited).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("the processes' records as one build's", () => {
  const first: BuildRecords = {
    routes: [
      { pathname: '/', type: 'page', policy: 0, card: -1 },
      { pathname: '/program/a/', type: 'page', policy: 0, card: 0, lastmod: '2026-11-01' },
      { pathname: '/rss.xml', type: 'endpoint', policy: -1, card: -1 },
    ],
    policies: ["default-src 'none'"],
    cards: [{ image: '/og/a.png', title: 'A' }],
  };
  const second: BuildRecords = {
    routes: [
      { pathname: '/', type: 'page', policy: 1, card: -1 },
      { pathname: '/program/b/', type: 'page', policy: 0, card: 1, lastmod: '2026-11-02' },
      { pathname: '/program/c/', type: 'page', policy: 1, card: 0 },
      { pathname: '/rss.xml', type: 'endpoint', policy: -1, card: -1 },
    ],
    policies: ["default-src 'self'", "default-src 'none'"],
    cards: [
      { image: '/og/c.png', title: 'C', kicker: 'Program' },
      { image: '/og/a.png', title: 'A' },
    ],
  };

  it('each path once, each policy and card once, every route pointing at its own', () => {
    const merged = mergeBuildRecords([first, second]);
    expect(merged.routes.map((route) => route.pathname)).toEqual([
      '/',
      '/program/a/',
      '/rss.xml',
      '/program/b/',
      '/program/c/',
    ]);
    expect(merged.policies).toEqual(["default-src 'none'", "default-src 'self'"]);
    expect(merged.cards).toEqual([
      { image: '/og/a.png', title: 'A' },
      { image: '/og/c.png', title: 'C', kicker: 'Program' },
    ]);
    const of = (pathname: string) => merged.routes.find((route) => route.pathname === pathname)!;
    // What each route pointed at in its own records, it points at in the merged ones.
    for (const [records, pathname] of [
      [second, '/program/b/'],
      [second, '/program/c/'],
      [first, '/program/a/'],
    ] as const) {
      const own = records.routes.find((route) => route.pathname === pathname)!;
      expect(merged.policies[of(pathname).policy]).toBe(records.policies[own.policy]);
      expect(merged.cards[of(pathname).card]).toEqual(records.cards[own.card]);
      expect(of(pathname).lastmod).toBe(own.lastmod);
    }
    expect(of('/rss.xml')).toMatchObject({ policy: -1, card: -1 });
    expect(mergeBuildRecords([first])).toBe(first);
  });
});

describe("a process's output moved into the build's folder", () => {
  const { folder, write } = temporaryFolder('naravard-shard-merge-');

  it('moves what the folder lacks, keeps what it has, and removes the rest', async () => {
    await write('into/index.html', 'start, first');
    await write('into/program/a/index.html', 'a');
    await write('into/_astro/site.css', 'css');
    await write('from/index.html', 'start, second');
    await write('from/program/b/index.html', 'b');
    await write('from/program/b/kort.png', 'png');
    await write('from/dokument/c/index.html', 'c');
    await write('from/_astro/site.css', 'css');
    await mergeShardOutput(path.join(folder.path, 'from'), path.join(folder.path, 'into'));
    const files = (
      await readdir(path.join(folder.path, 'into'), { recursive: true, withFileTypes: true })
    )
      .filter((entry) => entry.isFile())
      .map((entry) =>
        path.relative(path.join(folder.path, 'into'), path.join(entry.parentPath, entry.name)),
      )
      .sort();
    expect(files).toEqual([
      '_astro/site.css',
      'dokument/c/index.html',
      'index.html',
      'program/a/index.html',
      'program/b/index.html',
      'program/b/kort.png',
    ]);
    expect(await readFile(path.join(folder.path, 'into/index.html'), 'utf8')).toBe('start, first');
    expect(existsSync(path.join(folder.path, 'from'))).toBe(false);
  });

  it('removes the chunk folders of shards that have ended, and only those', async () => {
    const ended = spawnSync('true').pid!;
    await write(`.astro/render-shards/${ended}/.prerender/chunk.mjs`, 'left');
    await write(`.astro/render-shards/${process.pid}/.prerender/chunk.mjs`, 'rendering');
    await write('.astro/render-shards/1-of-2/.prerender/chunk.mjs', 'older naming');
    await removeEndedShardFolders(folder.path);
    expect(await readdir(path.join(folder.path, '.astro', 'render-shards'))).toEqual([
      String(process.pid),
    ]);
  });

  it("the next build removes a stopped build's shard folders, records and mark", async () => {
    const pid = spawnSync('true').pid!;
    await write('dist/index.html', 'live');
    for (const leftover of [
      `.dist.building-${pid}.shard-1/program/b/index.html`,
      `.dist.records-${pid}.shard-1.json`,
      `.dist.building-${pid}.synced`,
    ])
      await write(leftover, 'left');
    expect(await removeLeftovers(path.join(folder.path, 'dist'))).toEqual([]);
    expect(await readdir(folder.path)).toEqual(['dist']);
  });

  it('the next build removes the site the last one replaced, beside its own files being written', async () => {
    const ended = spawnSync('true').pid!;
    await write('dist/index.html', 'live');
    await write(`.dist.replaced-${ended}/index.html`, 'the site before');
    // An earlier process with this build's id left a site: it would be in this build's swap.
    await write(`.dist.replaced-${process.pid}/index.html`, 'the site before that');
    // This build's own files, written while the removal runs.
    await write(`.dist.building-${process.pid}/index.html`, 'being built');
    await write(`.dist.content-${process.pid}.json`, '{}');
    expect(await removeLeftovers(path.join(folder.path, 'dist'))).toEqual([]);
    expect((await readdir(folder.path)).sort()).toEqual([
      `.dist.building-${process.pid}`,
      `.dist.content-${process.pid}.json`,
      'dist',
    ]);
  });
});

describe("the processes' caches as the one cache of a single process", () => {
  const { folder, write } = temporaryFolder('naravard-shard-caches-');
  const settings = { version: 1, configHash: 'config', lockfileHash: 'lockfile' };
  /** Astro's list of a cache: each route's code hash and its pages' keys and files. */
  const manifest = (
    keyDigest: string,
    routes: Record<string, [dependencyHash: string, pages: string[]]>,
  ) =>
    JSON.stringify({
      ...settings,
      keyDigest,
      routes: Object.fromEntries(
        Object.entries(routes).map(([component, [dependencyHash, pages]]) => [
          component,
          {
            dependencyHash,
            paths: Object.fromEntries(
              pages.map((page) => [
                page,
                { cacheKey: `key ${page}`, outputFile: `${page.slice(1)}index.html` },
              ]),
            ),
          },
        ]),
      ),
    });

  it("joins their lists and moves their pages in, replacing the cache's own", async () => {
    // What an earlier build left in the cache: replaced whole.
    await write('incremental-build.json', manifest('old', { 'src/pages/x.astro': ['h', ['/x/']] }));
    await write('dist/x/index.html', 'old x');
    await write('naravard/content-check/k.json', 'kept');
    await write(
      'render-shards/1-of-2/incremental-build.json',
      manifest('one', {
        'src/pages/program/[slug].astro': ['p', ['/program/a/']],
        'src/pages/teman/[slug].astro': ['t1', ['/teman/s/']],
      }),
    );
    await write('render-shards/1-of-2/dist/program/a/index.html', 'a');
    await write('render-shards/1-of-2/dist/teman/s/index.html', 's');
    await write(
      'render-shards/2-of-2/incremental-build.json',
      manifest('two', {
        'src/pages/program/[slug].astro': ['p', ['/program/b/']],
        // Another code hash for the same route: its pages render again next time.
        'src/pages/teman/[slug].astro': ['t2', ['/teman/u/']],
      }),
    );
    await write('render-shards/2-of-2/dist/program/b/index.html', 'b');
    await write('render-shards/2-of-2/dist/teman/u/index.html', 'u');

    await mergeShardCaches(folder.path, 2);

    const joined = JSON.parse(
      await readFile(path.join(folder.path, 'incremental-build.json'), 'utf8'),
    );
    expect(joined).toMatchObject({ ...settings, keyDigest: 'one' });
    expect(Object.keys(joined.routes)).toEqual(['src/pages/program/[slug].astro']);
    expect(joined.routes['src/pages/program/[slug].astro']).toEqual({
      dependencyHash: 'p',
      paths: {
        '/program/a/': { cacheKey: 'key /program/a/', outputFile: 'program/a/index.html' },
        '/program/b/': { cacheKey: 'key /program/b/', outputFile: 'program/b/index.html' },
      },
    });
    for (const [file, text] of [
      ['program/a/index.html', 'a'],
      ['program/b/index.html', 'b'],
    ] as const)
      expect(await readFile(path.join(folder.path, 'dist', file), 'utf8')).toBe(text);
    expect(existsSync(path.join(folder.path, 'dist', 'x'))).toBe(false);
    expect((await readdir(folder.path)).sort()).toEqual([
      'dist',
      'incremental-build.json',
      'naravard',
    ]);
    expect(incrementalCacheIsWhole(folder.path)).toBe(true);
  });

  it('drops the mark of a build that stopped while rendering with the cache, as its pages are gone', async () => {
    const ended = spawnSync('true').pid!;
    await write('incremental-build.json', manifest('old', {}));
    await write('naravard-rendering.pid', String(ended));
    expect(incrementalCacheIsWhole(folder.path)).toBe(false);
    await write('render-shards/1-of-2/incremental-build.json', manifest('one', {}));
    await write('render-shards/2-of-2/incremental-build.json', manifest('two', {}));
    await mergeShardCaches(folder.path, 2);
    expect(incrementalCacheIsWhole(folder.path)).toBe(true);
  });

  it('changes nothing while another build renders with the cache', async () => {
    const running = spawn('sleep', ['30']);
    try {
      await write('incremental-build.json', manifest('old', {}));
      await write('naravard-rendering.pid', String(running.pid));
      await write('render-shards/1-of-2/incremental-build.json', manifest('one', {}));
      await write('render-shards/2-of-2/incremental-build.json', manifest('two', {}));
      await expect(mergeShardCaches(folder.path, 2)).rejects.toThrow(
        `another build (process ${running.pid}) is rendering`,
      );
      expect(
        JSON.parse(await readFile(path.join(folder.path, 'incremental-build.json'), 'utf8')),
      ).toMatchObject({ keyDigest: 'old' });
    } finally {
      running.kill();
    }
  });

  it('refuses caches made with other settings', async () => {
    await write('render-shards/1-of-2/incremental-build.json', manifest('one', {}));
    await write(
      'render-shards/2-of-2/incremental-build.json',
      JSON.stringify({ ...JSON.parse(manifest('two', {})), configHash: 'other' }),
    );
    await expect(mergeShardCaches(folder.path, 2)).rejects.toThrow('different settings');
  });
});

describe('the settings a cache was made with, which decide whether a rebuild needs two processes', () => {
  const { folder, write } = temporaryFolder('naravard-render-settings-');
  const project = async () => {
    await write('project/astro.config.mjs', 'export default {};\n');
    await write('project/package-lock.json', '{"lockfileVersion": 3}\n');
    await write('project/src/layouts/Base.astro', '<html></html>\n');
    return path.join(folder.path, 'project');
  };

  it("changes with Astro's config, the lockfile, the site's address and a preview, not the source", async () => {
    const root = await project();
    const settings = () => renderSettingsDigest(root, {});
    const first = await settings();
    expect(await settings()).toBe(first);
    // Astro tells a route's code change itself, and reuses the routes it leaves alone.
    await write('project/src/layouts/Base.astro', '<html lang="sv"></html>\n');
    expect(await settings()).toBe(first);
    expect(await renderSettingsDigest(root, { SITE_URL: 'https://naravard.example' })).not.toBe(
      first,
    );
    expect(await renderSettingsDigest(root, { SANITY_PERSPECTIVE: 'drafts' })).not.toBe(first);
    await write('project/package-lock.json', '{"lockfileVersion": 3, "packages": {}}\n');
    const newLockfile = await settings();
    expect(newLockfile).not.toBe(first);
    await write('project/astro.config.mjs', "export default { site: 'https://a.example' };\n");
    expect(await settings()).not.toBe(newLockfile);
    const newConfig = await settings();
    // Without a lockfile of npm's the build still runs, and the change still counts.
    await rm(path.join(root, 'package-lock.json'));
    expect(await settings()).not.toBe(newConfig);
  });

  it('are the same only when a build kept the same ones with the cache', async () => {
    const root = await project();
    const cacheDir = path.join(folder.path, 'cache');
    const digest = await renderSettingsDigest(root, {});
    expect(renderSettingsUnchanged(cacheDir, digest)).toBe(false);
    await keepRenderSettings(cacheDir, digest);
    expect(renderSettingsUnchanged(cacheDir, digest)).toBe(true);
    await write('project/package-lock.json', '{"lockfileVersion": 3, "packages": {}}\n');
    expect(renderSettingsUnchanged(cacheDir, await renderSettingsDigest(root, {}))).toBe(false);
  });
});
