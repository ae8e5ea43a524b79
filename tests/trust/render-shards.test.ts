// A site rendered by two Astro processes (render shards, src/lib/render-shards.ts) is the site
// one process renders, byte for byte: every page, the search index, the sitemap, `_headers`, the
// social images. Their caches become the one cache a single process keeps, and the rebuild after
// an edit, in one process, reuses their pages and still equals a cold build (one process: the
// cache holds the settings Astro keys it by, scripts/site-build/render-settings.ts). The tests'
// sites are far below the size at which a build shards by itself (MIN_DOCUMENTS_TO_SHARD), so
// NARAVARD_RENDER_SHARDS asks for it.
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  renderSettingsDigest,
  renderSettingsUnchanged,
} from '../../scripts/site-build/render-settings.ts';
import type { RawDocument } from '../../src/lib/content/dataset.ts';
import { isRunning } from '../../src/lib/processes.ts';
import { RENDER_SHARDS } from '../../src/lib/render-shards.ts';
import {
  buildTempDir,
  fingerprint,
  fixtureDocuments,
  fixtureWithTitle,
  reusedPages,
  ROOT,
  runBuild,
  toNdjson,
  writeDataset,
} from './helpers.ts';

const EDITED_TITLE = 'Kompetenslyftet i Göteborgsregionen';

let run: string;
beforeAll(async () => {
  run = await buildTempDir('naravard-render-shards-');
});
afterAll(async () => {
  await rm(run, { recursive: true, force: true });
});

const edited = () => fixtureWithTitle('programme-gr', EDITED_TITLE, '2026-11-30T10:00:00Z');

async function build(
  name: string,
  documents: RawDocument[],
  shards: 1 | 2 | undefined,
  cache: string,
) {
  const data = await writeDataset(path.join(run, `${name}-data`), toNdjson(documents));
  const outDir = path.join(run, name);
  const { exitCode, output } = await runBuild({
    outDir,
    env: {
      CONTENT_DIR: data,
      ASTRO_CACHE_DIR: path.join(run, cache),
      ...(shards ? { [RENDER_SHARDS]: String(shards) } : {}),
      NARAVARD_LOG_PAGES: '1',
    },
  });
  expect(exitCode, output).toBe(0);
  return { outDir, output };
}

const rendered = (output: string) => output.match(/├─ \S+ \(\+[\d.]+\s*m?s\)/g) ?? [];

describe('a site rendered by two processes', () => {
  it('is the site one process renders, and a rebuild in one process with their caches is too', async () => {
    // Two builds at a time: each syncs into the project's `.astro/` (see tests/support/site.ts).
    const [two, one] = await Promise.all([
      build('two', fixtureDocuments(), 2, 'chain'),
      build('one', fixtureDocuments(), 1, 'cold-1'),
    ]);
    expect(two.output).toContain('Rendering in 2 Astro processes side by side');
    expect(one.output).not.toContain('Rendering in');
    // Each process rendered a share: neither rendered every page.
    const pages = rendered(one.output).length;
    const shares = two.output.match(/\[build\] (\d+) page\(s\) built/g) ?? [];
    expect(shares).toHaveLength(2);
    for (const share of shares) expect(Number(/\d+/.exec(share)![0])).toBeLessThan(pages);
    expect(await fingerprint(two.outDir)).toEqual(await fingerprint(one.outDir));

    // The processes' caches are one cache now, as one process leaves it.
    const cache = await readdir(path.join(run, 'chain'));
    expect(cache).toContain('incremental-build.json');
    expect(cache).not.toContain('render-shards');
    // Kept with the settings its pages were made with, which a rebuild with them reuses.
    expect(
      renderSettingsUnchanged(
        path.join(run, 'chain'),
        await renderSettingsDigest(ROOT, process.env),
      ),
    ).toBe(true);

    const [editedChain, editedOne] = await Promise.all([
      build('edited-chain', edited(), undefined, 'chain'),
      build('edited-one', edited(), 1, 'cold-2'),
    ]);
    // One process rebuilt it, taking the pages that do not show the programme from that cache.
    expect(editedChain.output).not.toContain('Rendering in');
    expect(reusedPages(editedChain.output)).toEqual(
      expect.arrayContaining(['/regioner/fyrbodal/index.html', '/tillganglighet/index.html']),
    );
    expect(rendered(editedChain.output).length).toBeLessThan(rendered(editedOne.output).length);
    expect(await fingerprint(editedChain.outDir)).toEqual(await fingerprint(editedOne.outDir));
    // Nothing of the processes is left beside the output or in the project.
    expect((await readdir(run)).filter((name) => name.startsWith('.'))).toEqual([]);
    // Each process's chunk folder is named by its process id: none left of an ended process.
    const chunks = await readdir(path.join(ROOT, '.astro', 'render-shards')).catch(() => []);
    expect(chunks.filter((folder) => !isRunning(Number(folder)))).toEqual([]);
  });
});
