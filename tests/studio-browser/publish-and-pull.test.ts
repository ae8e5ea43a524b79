// An editor opens a programme in the Studio, changes its title, publishes, and the next
// `content:pull` brings the new title into the snapshot: the whole way from the Studio to git.
// From another programme, "Förhandsgranska" opens its page in the preview build.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { removeScratchDirs, runScript, scratchDir } from '../roundtrip/support.ts';
import { EDITOR, startStudioSession, type StudioSession } from '../support/studio.ts';
import { STUDIO_DATASET, STUDIO_PROJECT_ID } from '../support/studio-build.ts';
import { openFromStructure, publishButton } from './editor.ts';

const PROGRAMME_ID = 'programme-gr-vardens-medarbetare';
/** Where this run's Studio build opens the preview build (SANITY_STUDIO_PREVIEW_URL). */
const PREVIEW_URL = inject('studioPreviewUrl');
const NEW_TITLE = 'Vårdens medarbetare i Göteborgsregionen';

let session: StudioSession;

beforeAll(async () => {
  session = await startStudioSession();
});

afterAll(async () => {
  await session?.close();
  await removeScratchDirs();
});

describe('editing and publishing a programme', () => {
  it('publishes the edited title through the Actions API, and content:pull brings it back', async () => {
    const page = await session.open();
    await openFromStructure(page, ['Per typ', 'Program', 'Vårdens medarbetare']);
    const title = page.getByLabel('Rubrik', { exact: true });
    await expect.poll(() => title.inputValue(), { timeout: 120_000 }).toBe('Vårdens medarbetare');

    await title.fill(NEW_TITLE);
    const publish = publishButton(page);
    await expect.poll(() => publish.isEnabled(), { timeout: 120_000 }).toBe(true);
    await publish.click();

    // Published: the draft is gone and the published document has the new title.
    await expect
      .poll(
        () =>
          session.lake.lake
            .getDocuments()
            .filter((document) => document._id.endsWith(PROGRAMME_ID))
            .map((document) => [document._id, document['title']]),
        { timeout: 120_000 },
      )
      .toEqual([[PROGRAMME_ID, NEW_TITLE]]);
    expect(session.lake.actions.map((action) => action.actionType)).toContain(
      'sanity.action.document.publish',
    );
    // The Studio shows the published state: nothing left to publish.
    await expect.poll(() => publish.isDisabled(), { timeout: 120_000 }).toBe(true);

    const dir = await scratchDir('studio-pull');
    const pulled = await runScript('content-pull.ts', ['--dir', dir], {
      SANITY_PROJECT_ID: STUDIO_PROJECT_ID,
      SANITY_DATASET: STUDIO_DATASET,
      SANITY_API_HOST: session.lake.lake.apiHost,
      SANITY_TOKEN: EDITOR.token,
    });
    expect(pulled.code, pulled.stderr).toBe(0);
    const lines = (await readFile(path.join(dir, 'data.ndjson'), 'utf8')).split('\n');
    const programme = lines
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { _id: string; title?: string })
      .find((document) => document._id === PROGRAMME_ID);
    expect(programme?.title).toBe(NEW_TITLE);
  });

  it('opens the programme’s page in the preview build from the document’s actions', async () => {
    const page = await session.open();
    // The preview build as `npm start` serves it; here a stand-in page, to see what is asked.
    const asked: string[] = [];
    await page.context().route(`${PREVIEW_URL}/**`, (route) => {
      asked.push(route.request().url());
      return route.fulfill({ contentType: 'text/html', body: '<title>Förhandsgranskning</title>' });
    });
    await openFromStructure(page, [
      'Per typ',
      'Program',
      'Gemensam färdplan för Nära vård i Västra Götaland',
    ]);
    const menu = page
      .getByTestId('document-pane')
      .getByRole('button', { name: 'Öppna dokumentåtgärder' });
    const preview = page.getByRole('menuitem', { name: 'Förhandsgranska' });
    // The action is disabled until the document has loaded, and the menu can close when the
    // pane re-renders, even between finding the item and clicking it: open the menu, click,
    // and wait a while for the new tab; when none comes, start over. A tab that comes late
    // (a new renderer on a loaded machine) still counts on a later try.
    let popup: Page | undefined;
    page.context().once('page', (opened) => void (popup = opened));
    for (let attempt = 1; !popup; attempt++) {
      if (!(await preview.isVisible())) await menu.click({ timeout: 10_000 }).catch(() => {});
      const ready = await preview
        .waitFor({ state: 'visible', timeout: 5_000 })
        .then(() => preview.isEnabled())
        .catch(() => false);
      const clicked =
        ready &&
        !popup &&
        (await preview.click({ timeout: 5_000 }).then(
          () => true,
          () => false,
        ));
      for (let waited = 0; clicked && !popup && waited < 15_000; waited += 250)
        await page.waitForTimeout(250);
      if (!popup && attempt >= 15) {
        throw new Error(
          `"Förhandsgranska" opened no tab after ${attempt} tries; the preview build was asked for ${JSON.stringify(asked)}`,
        );
      }
    }
    await popup.waitForLoadState();
    // A try whose tab came late may have asked once more: every request is for the page.
    expect(asked.length).toBeGreaterThan(0);
    expect(new Set(asked)).toEqual(
      new Set([`${PREVIEW_URL}/program/vastra-gotaland-gemensam-fardplan/`]),
    );
  });
});
