// An editor adds a contact with neither e-mail nor phone: the Studio says, in Swedish, that
// visitors cannot reach the person, and the message goes once a phone number is written.
// The rule is a warning (as in the shared rule module): a publisher may list a contact
// without either, and details are never invented.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTACT_DETAILS_MESSAGE } from '../../src/lib/rules/contact.ts';
import { startStudioSession, type StudioSession } from '../support/studio.ts';
import { createFromPane, openFromStructure, panes } from './editor.ts';

const FIRST_SENTENCE = CONTACT_DETAILS_MESSAGE.split('. ')[0] as string;

let session: StudioSession;

beforeAll(async () => {
  session = await startStudioSession();
});

afterAll(async () => {
  await session?.close();
});

describe('a contact without e-mail or phone', () => {
  it('shows the Swedish message until a phone number is written', async () => {
    const page = await session.open();
    await openFromStructure(page, [
      'Per region',
      'Västra Götaland',
      'Regioner under',
      'Fyrbodal',
      'Kontaktpersoner',
    ]);
    await createFromPane(page, (await panes(page).count()) - 1);
    const form = page.getByTestId('document-pane');
    await form.locator('#name').fill('Eva Exempel');
    await form.locator('#organisation').fill('Fyrbodals kommunalförbund');

    await form.getByRole('button', { name: 'Validering' }).click();
    await expect
      .poll(() => page.locator('body').innerText(), { timeout: 60_000 })
      .toContain(FIRST_SENTENCE);

    await form.locator('#phone').fill('0522-44 08 20');
    await expect
      .poll(() => page.locator('body').innerText(), { timeout: 60_000 })
      .not.toContain(FIRST_SENTENCE);
    expect(
      session.lake.lake
        .getDocuments()
        .find(
          (document) => document._type === 'kontaktperson' && document['name'] === 'Eva Exempel',
        ),
    ).toMatchObject({ phone: '0522-44 08 20', regions: [{ _ref: 'region-fyrbodal' }] });
  });
});
