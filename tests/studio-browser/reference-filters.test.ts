// In a Dokument, an editor picks the programme and then the delprojekt: the programme picker
// offers only programmes of the publisher's region and the regions above and below it, the
// delprojekt picker only the chosen programme's delprojekt (dokument.ts, reference-filters.ts);
// the summary shows its LIX as the editor types (sanity/components/LixInput.tsx).
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LakeDocument } from '../support/content-lake.ts';
import { embeddedDataset, startStudioSession, type StudioSession } from '../support/studio.ts';
import {
  createFromPane,
  openFromStructure,
  panes,
  pickOption,
  pickReference,
  referenceOptions,
} from './editor.ts';

/** A delprojekt of another programme (Fyrbodal's), which the picker must leave out. */
const OTHER_DELPROJEKT: LakeDocument = {
  _id: 'delprojekt-fyrbodal-halsoframjande',
  _type: 'delprojekt',
  _createdAt: '2026-11-23T09:00:00Z',
  _updatedAt: '2026-11-23T09:00:00Z',
  title: 'Hälsofrämjande arbetssätt i Fyrbodal',
  slug: { _type: 'slug', current: 'halsoframjande-arbetssatt-i-fyrbodal' },
  programme: { _type: 'reference', _ref: 'programme-fyrbodal-goda-forutsattningar' },
  summary: 'Ett delprojekt i ett annat program än Göteborgsregionens.',
};

let session: StudioSession;

/** The options' titles (their first line), once their previews have loaded. */
async function titlesOf(options: Locator): Promise<string[]> {
  return (await options.allInnerTexts()).map((text) => text.split('\n')[0]?.trim() ?? '');
}

beforeAll(async () => {
  session = await startStudioSession({ dataset: [...(await embeddedDataset()), OTHER_DELPROJEKT] });
});

afterAll(async () => {
  await session?.close();
});

describe('a Dokument’s programme and delprojekt', () => {
  it('offers only the region’s programmes, then only the chosen programme’s delprojekt', async () => {
    const page = await session.open();
    await openFromStructure(page, [
      'Per region',
      'Västra Götaland',
      'Regioner under',
      'Göteborgsregionen',
      'Dokument',
    ]);
    await createFromPane(page, (await panes(page).count()) - 1);
    await page.getByLabel('Rubrik', { exact: true }).fill('Lägesrapport om kompetensplattformen');

    // Before a programme is chosen, every delprojekt is offered, Fyrbodal's too.
    const before = await referenceOptions(page, 'delprojekt', 'Hälsofrämjande');
    await expect
      .poll(() => titlesOf(before), { timeout: 120_000 })
      .toEqual(['Hälsofrämjande arbetssätt i Fyrbodal']);
    await page.keyboard.press('Escape');

    // From Göteborgsregionen (the publisher's region, preset): its own programme and its
    // county's, not Fyrbodal's "Goda förutsättningar för vårdens medarbetare".
    const programmes = await referenceOptions(page, 'programme', '*');
    await expect
      .poll(async () => (await titlesOf(programmes)).sort(), { timeout: 120_000 })
      .toEqual(['Gemensam färdplan för Nära vård i Västra Götaland', 'Vårdens medarbetare']);
    await page.keyboard.press('Escape');

    await pickReference(page, 'programme', 'Vårdens', 'Vårdens medarbetare');
    await expect
      .poll(
        () =>
          session.lake.lake
            .getDocuments()
            .find((document) => document['title'] === 'Lägesrapport om kompetensplattformen')?.[
            'programme'
          ],
        { timeout: 120_000 },
      )
      .toMatchObject({ _ref: 'programme-gr-vardens-medarbetare' });

    const offered = await referenceOptions(page, 'delprojekt', '*');
    await expect
      .poll(() => titlesOf(offered), { timeout: 120_000 })
      .toEqual([
        '1. Vårdens medarbetare och Nära vård',
        '2. Ta fram en digital plattform för kompetensutveckling',
        '3. FoU-studier',
      ]);
    await pickOption(page, 'delprojekt', '*', (options) =>
      options.filter({ hasText: 'Ta fram en digital plattform' }),
    );
    await expect
      .poll(
        () =>
          session.lake.lake
            .getDocuments()
            .find((document) => document['title'] === 'Lägesrapport om kompetensplattformen')?.[
            'delprojekt'
          ],
        { timeout: 120_000 },
      )
      .toMatchObject({ _ref: 'delprojekt-gr-2' });

    // LIX under the summary, recomputed as the editor types (tests/unit/rules/editorial.test.ts
    // computes 33 for this text by hand).
    await page
      .getByLabel('Sammanfattning', { exact: true })
      .fill(
        'Kommunen och regionen arbetar tillsammans. Målet är att du ska få vård nära ditt hem. Projektet pågår till 2025.',
      );
    await expect
      .poll(() => page.getByTestId('lix').first().innerText(), { timeout: 120_000 })
      .toBe('LIX 33 – lättläst (sikta på högst 60)');
  });
});
