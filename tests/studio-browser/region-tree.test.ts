// An editor works through the region tree ("Per region"): a new kommun under a county and a
// new delprojekt under a programme start linked to where the editor stands, and the tree
// stays open beside the new document (keepPanesOnCreate, templates after .child()).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LakeDocument } from '../support/content-lake.ts';
import { startStudioSession, type StudioSession } from '../support/studio.ts';
import { createFromPane, openFromStructure, panes, paneTitles } from './editor.ts';

let session: StudioSession;

beforeAll(async () => {
  session = await startStudioSession();
});

afterAll(async () => {
  await session?.close();
});

/** The editor's new draft of `type` whose `field` is `value`, once the Studio has saved it. */
function newDraft(type: string, field: string, value: string): LakeDocument | undefined {
  return session.lake.lake
    .getDocuments()
    .find(
      (document) =>
        document._type === type && document._id.startsWith('drafts.') && document[field] === value,
    );
}

describe('the region tree', () => {
  it('creates a kommun under a county with parent and kind preset, keeping the tree open', async () => {
    const page = await session.open();
    await openFromStructure(page, ['Per region', 'Västra Götaland', 'Regioner under']);
    const listIndex = (await panes(page).count()) - 1;
    const treeBefore = (await paneTitles(page)).slice(0, listIndex + 1);
    expect(treeBefore.at(-1)).toContain('Regioner under Västra Götaland');

    await createFromPane(page, listIndex, 'Kommun i regionen');
    await expect
      .poll(() => page.getByRole('radio', { name: 'Kommun', exact: true }).isChecked(), {
        timeout: 120_000,
      })
      .toBe(true);
    await page.getByLabel('Namn', { exact: true }).fill('Alingsås kommun');

    await expect
      .poll(() => newDraft('region', 'name', 'Alingsås kommun'), { timeout: 120_000 })
      .toMatchObject({
        kind: 'kommun',
        parent: { _ref: 'region-vastra-gotaland' },
      });
    // The county's panes are still open, with the new kommun's form beside its list.
    expect((await paneTitles(page)).slice(0, listIndex + 1)).toEqual(treeBefore);
    expect(await panes(page).count()).toBe(listIndex + 2);
    expect(new URL(page.url()).pathname).toMatch(
      /^\/structure\/per-region;region-vastra-gotaland;regioner/,
    );
  });

  it('creates a delprojekt from a programme with the programme preset', async () => {
    const page = await session.open();
    await openFromStructure(page, [
      'Per region',
      'Västra Götaland',
      'Regioner under',
      'Göteborgsregionen',
      'Program',
      'Vårdens medarbetare',
      'Delprojekt',
    ]);
    const listIndex = (await panes(page).count()) - 1;
    const treeBefore = (await paneTitles(page)).slice(0, listIndex + 1);

    await createFromPane(page, listIndex);
    await page.getByLabel('Rubrik', { exact: true }).fill('Uppföljning av kompetenssatsningen');

    await expect
      .poll(() => newDraft('delprojekt', 'title', 'Uppföljning av kompetenssatsningen'), {
        timeout: 120_000,
      })
      .toMatchObject({ programme: { _ref: 'programme-gr-vardens-medarbetare' } });
    expect((await paneTitles(page)).slice(0, listIndex + 1)).toEqual(treeBefore);
    // The form shows the programme it was created in.
    await expect
      .poll(() => page.getByTestId('document-pane').innerText(), { timeout: 120_000 })
      .toContain('Vårdens medarbetare');
  });
});
