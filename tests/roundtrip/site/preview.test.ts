// `npm run build:preview`: a real build from the loopback Content Lake with the drafts
// perspective, where one programme has an unpublished draft. The preview shows the draft,
// the shared public build (inject('distDir')) does not; every preview page says it is a
// preview and is noindex; no sitemap; the token is nowhere in the output. Drafts never reach
// a build other than build:preview. The preview's pages mark their fields for the Studio's
// click-to-edit and load visual editing, and only the Studio may frame them; public pages do
// none of that.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readDataset, type RawDocument } from '../../../src/lib/content/dataset.ts';
import { PREVIEW_ROBOTS } from '../../../scripts/site-build/preview-robots.ts';
import { DEFAULT_STUDIO_URL } from '../../../src/lib/preview.ts';
import { startContentLake, type ContentLake } from '../../support/content-lake.ts';
import { buildSite, listFiles, withOwnAstroCache } from '../../support/site.ts';
import {
  DATASET,
  EMBEDDED_DATASET,
  inheritedEnv,
  PROJECT_ID,
  READ_TOKEN,
  runScript,
  type CliResult,
} from '../support.ts';

const BANNER = 'Förhandsvisning med utkast.';
const NOINDEX = '<meta name="robots" content="noindex">';

describe('npm run build:preview', () => {
  const publicDist = inject('distDir');
  // Beside this run's shared build (removed with it).
  const OUT_DIR = path.join(path.dirname(publicDist), 'dist-preview');
  let lake: ContentLake;
  let build: CliResult;
  let programme: RawDocument;
  let draftTitle: string;
  let pagePath: string;

  beforeAll(async () => {
    const { documents } = await readDataset(EMBEDDED_DATASET);
    programme = documents.find((document) => document._type === 'programme') as RawDocument;
    draftTitle = `${String(programme['title'])}: ny rubrik under arbete`;
    const draft = { ...programme, _id: `drafts.${programme._id}`, title: draftTitle };
    pagePath = path.join(
      'program',
      (programme['slug'] as { current: string }).current,
      'index.html',
    );
    lake = await startContentLake({
      dataset: [...documents, draft],
      projectId: PROJECT_ID,
      datasetName: DATASET,
      token: READ_TOKEN,
    });
    build = await withOwnAstroCache({}, OUT_DIR, (cacheEnv) =>
      runScript('build-preview.ts', ['--out', OUT_DIR], {
        ...inheritedEnv(),
        ...cacheEnv,
        ASTRO_TELEMETRY_DISABLED: '1',
        SANITY_PROJECT_ID: PROJECT_ID,
        SANITY_DATASET: DATASET,
        SANITY_API_HOST: lake.apiHost,
        SANITY_TOKEN: READ_TOKEN,
      }),
    );
  });

  afterAll(async () => {
    await lake?.close();
  });

  it('builds from the drafts perspective with the read token', () => {
    expect(build.code, `${build.stdout}\n${build.stderr}`).toBe(0);
    const queries = lake.requests.filter((request) => request.route?.endpoint === 'query');
    // One snapshot of the drafts perspective (drafts over published documents).
    expect(queries).toHaveLength(1);
    for (const request of queries) {
      expect(request.perspective).toBe('drafts');
      expect(request.headers.authorization).toBe(`Bearer ${READ_TOKEN}`);
    }
  });

  it('shows the draft, which the public build does not', async () => {
    const preview = await readFile(path.join(OUT_DIR, pagePath), 'utf8');
    const published = await readFile(path.join(publicDist, pagePath), 'utf8');
    expect(preview).toContain(draftTitle);
    expect(published).not.toContain(draftTitle);
    expect(published).toContain(String(programme['title']));
  });

  it('marks every preview page with the banner and noindex, and no public page', async () => {
    const pages = await listFiles(OUT_DIR, (file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(50);
    for (const page of pages) {
      const html = await readFile(path.join(OUT_DIR, page), 'utf8');
      expect(html, page).toContain(BANNER);
      expect(html, page).toContain(NOINDEX);
      expect(html, page).not.toContain('rel="sitemap"');
    }
    for (const page of await listFiles(publicDist, (file) => file.endsWith('.html'))) {
      expect(await readFile(path.join(publicDist, page), 'utf8'), page).not.toContain(BANNER);
    }
    expect(await readFile(path.join(publicDist, pagePath), 'utf8')).not.toContain(NOINDEX);
  });

  it('marks fields for click-to-edit and loads visual editing in the preview only; only the Studio may frame it', async () => {
    const previewPage = await readFile(path.join(OUT_DIR, pagePath), 'utf8');
    const id = programme._id;
    for (const field of ['title', 'summary']) {
      expect(previewPage).toContain(`data-sanity="id=${id};type=programme;path=${field};`);
    }
    expect(previewPage).toMatch(/<script type="module" src="\/_astro\/page\.[\w-]+\.js">/);
    expect(await readFile(path.join(OUT_DIR, '_headers'), 'utf8')).toContain(
      `frame-ancestors ${DEFAULT_STUDIO_URL}\n`,
    );

    // The public build: no attribute, no visual-editing code, no framing.
    for (const page of await listFiles(publicDist, (file) => file.endsWith('.html'))) {
      const html = await readFile(path.join(publicDist, page), 'utf8');
      expect(html, page).not.toContain('data-sanity');
      expect(html, page).not.toMatch(/\/_astro\/page\./);
    }
    const publicFiles = await listFiles(publicDist);
    expect(publicFiles.filter((file) => /VisualEditing|visual-editing/i.test(file))).toEqual([]);
    expect(await readFile(path.join(publicDist, '_headers'), 'utf8')).toContain(
      "frame-ancestors 'none'\n",
    );
  });

  it('has no sitemap, a robots.txt that disallows all, and the token nowhere', async () => {
    const files = await listFiles(OUT_DIR);
    expect(files.filter((file) => file.startsWith('sitemap'))).toEqual([]);
    expect(
      (await listFiles(publicDist)).filter((file) => file.startsWith('sitemap')).length,
    ).toBeGreaterThan(0);
    expect(await readFile(path.join(OUT_DIR, 'robots.txt'), 'utf8')).toBe(PREVIEW_ROBOTS);
    for (const file of files) {
      expect((await readFile(path.join(OUT_DIR, file))).includes(READ_TOKEN), file).toBe(false);
    }
    expect(`${build.stdout}${build.stderr}`).not.toContain(READ_TOKEN);
  });

  it('never builds drafts into dist/ or through another build', async () => {
    const intoDist = await runScript('build-preview.ts', ['--out', 'dist'], {
      ...inheritedEnv(),
      SANITY_TOKEN: READ_TOKEN,
    });
    expect(intoDist.code).toBe(2);
    expect(intoDist.stderr).toContain('never into dist/');
    const plain = await buildSite({
      outDir: path.join(path.dirname(publicDist), 'dist-drafts-refused'),
      env: {
        SANITY_PROJECT_ID: PROJECT_ID,
        SANITY_DATASET: DATASET,
        SANITY_API_HOST: lake.apiHost,
        SANITY_TOKEN: READ_TOKEN,
        SANITY_PERSPECTIVE: 'drafts',
      },
    });
    expect(plain.exitCode).not.toBe(0);
    expect(plain.output).toContain('is for preview builds only: run npm run build:preview');
    expect(await listFiles(plain.outDir).catch(() => [])).toEqual([]);
  });
});
