// An editor works in the Presentation tool ("Förhandsgranskning"), with the real preview build
// (`npm run build:preview` of the small fixture, from this file's loopback lake) served where
// the Studio build expects it: the page shows in the frame with its draft, the page's document
// opens beside it, a click on a field in the page opens that field, and a document form lists
// the pages that show the document and opens one of them in the frame.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.ts';
import { previewTargetFile } from '../support/preview-address.ts';
import { withOwnAstroCache } from '../support/site.ts';
import {
  collectConsoleErrors,
  EDITOR,
  startStudioSession,
  type StudioSession,
} from '../support/studio.ts';
import { STUDIO_DATASET, STUDIO_PROJECT_ID } from '../support/studio-build.ts';
import { inheritedEnv, runScript } from '../roundtrip/support.ts';
import { fixtureDocuments } from '../trust/helpers.ts';
import { untilItTakes } from './editor.ts';

const PREVIEW_URL = inject('studioPreviewUrl');
const STEP = 120_000;
const PROGRAMME_PAGE = '/program/gr-vardens-medarbetare/';
/** The fixture's programme has a draft: the preview shows it, with this title. */
const DRAFT_TITLE = 'Vårdens medarbetare (utkast)';

let session: StudioSession;
let preview: StaticServer;

beforeAll(async () => {
  session = await startStudioSession({ dataset: fixtureDocuments() });
  // Beside this run's Studio build (removed with it).
  const outDir = path.join(path.dirname(inject('studioBuildDir')), 'dist-preview');
  const build = await withOwnAstroCache({}, outDir, (cacheEnv) =>
    runScript('build-preview.ts', ['--out', outDir], {
      ...inheritedEnv(),
      ...cacheEnv,
      ASTRO_TELEMETRY_DISABLED: '1',
      SANITY_PROJECT_ID: STUDIO_PROJECT_ID,
      SANITY_DATASET: STUDIO_DATASET,
      SANITY_API_HOST: session.lake.lake.apiHost,
      SANITY_TOKEN: EDITOR.token,
      // This session's Studio may frame the preview (frame-ancestors), no other.
      STUDIO_URL: session.studio.url,
    }),
  );
  if (build.code !== 0) {
    throw new Error(`npm run build:preview failed:\n${build.stdout.slice(-3000)}\n${build.stderr}`);
  }
  // Served on a port of its own; the run's preview address forwards to it (preview-address.ts).
  preview = await startStaticServer(outDir);
  await writeFile(previewTargetFile(inject('studioBuildDir')), String(preview.port));
});

afterAll(async () => {
  await preview?.close();
  await session?.close();
});

/** The preview build in Presentation's frame. */
function previewFrame(page: Page): FrameLocator {
  return page.frameLocator(`iframe[src^="${PREVIEW_URL}/"]`);
}

describe('the Presentation tool', () => {
  it("shows a page of the preview build in its frame, drafts included, with the page's document beside it, and opens the field clicked in the page", async () => {
    const page = await session.open(`/presentation?preview=${encodeURIComponent(PROGRAMME_PAGE)}`);
    const errors = collectConsoleErrors(page);
    const frame = previewFrame(page);
    await expect.poll(() => frame.locator('h1').innerText(), { timeout: STEP }).toBe(DRAFT_TITLE);
    expect(await frame.getByRole('note').innerText()).toContain('Förhandsvisning med utkast.');
    // The route's main document (resolve.mainDocuments) opens in the form beside the frame.
    await expect
      .poll(() => new URL(page.url()).pathname, { timeout: STEP })
      .toMatch(/^\/presentation\/programme\/programme-gr\/?$/);
    const form = page.getByTestId('document-pane');
    const title = form.getByLabel('Rubrik', { exact: true });
    await expect.poll(() => title.inputValue(), { timeout: STEP }).toBe(DRAFT_TITLE);
    expect(preview.requests).toContainEqual(expect.stringMatching(/^\/_astro\/page\..+\.js$/));

    // The overlays answer clicks once the page has connected to the Studio: click the lead (the
    // summary) until the Studio follows; a click before that is a click on plain text.
    const lead = frame.locator('p.lead');
    await expect
      .poll(
        async () => {
          await lead.click({ timeout: 10_000 }).catch(() => undefined);
          return new URL(page.url()).pathname;
        },
        { timeout: STEP, interval: 3_000 },
      )
      .toMatch(/^\/presentation\/programme\/programme-gr\/summary\/?$/);
    await form.locator('#summary').waitFor({ state: 'visible', timeout: STEP });
    // The Studio may frame the preview, and the overlays live within the preview's policy.
    expect(errors.filter((error) => error.includes('Content Security Policy'))).toEqual([]);
  });

  it('lists the pages that show a document in its form, and opens one in the frame', async () => {
    const page = await session.open('/structure/per-typ;delprojekt;delprojekt-gr-1');
    const banner = page.getByRole('button', { name: /^Visas på \d+ sidor$/ });
    await banner.waitFor({ timeout: STEP });
    const pane = page.getByTestId('document-pane');
    const location = (title: string) =>
      pane.getByRole('link').filter({ has: page.getByText(title, { exact: true }) });
    // The banner toggles the list; press it again only while no page of it shows.
    const firstPage = location('Delprojekt ett');
    await untilItTakes(page, 'Opening the list of pages', async () => {
      if (!(await firstPage.isVisible())) await banner.click({ timeout: 15_000 });
      return firstPage.waitFor({ timeout: 15_000 }).then(
        () => true,
        () => false,
      );
    });
    const pages: ReadonlyArray<readonly [title: string, href: string]> = [
      ['Delprojekt ett', '/delprojekt/gr-delprojekt-1/'],
      ['Delprojekt', '/delprojekt/'],
      [`Program: ${DRAFT_TITLE}`, PROGRAMME_PAGE],
      ['Dokument: Slutrapport', '/dokument/gr-slutrapport/'],
      ['Källsida: Nära vård och Vårdens medarbetare', '/kallor/gr-nara-vard/'],
      ['Tema: Samverkan', '/teman/samverkan/'],
    ];
    for (const [title, href] of pages) {
      await expect.poll(() => location(title).count(), { timeout: STEP }).toBe(1);
      expect(await location(title).innerText()).toContain(href);
    }
    expect(await banner.innerText()).toBe('Visas på 6 sidor');

    const inPresentation = () => new URL(page.url()).pathname.startsWith('/presentation');
    await untilItTakes(page, 'Opening the programme page in the frame', async () => {
      if (!inPresentation()) await location(`Program: ${DRAFT_TITLE}`).click({ timeout: 15_000 });
      return page.waitForURL(inPresentation, { timeout: 15_000 }).then(
        () => true,
        () => false,
      );
    });
    await expect
      .poll(() => previewFrame(page).locator('h1').innerText(), { timeout: STEP })
      .toBe(DRAFT_TITLE);
  });
});
