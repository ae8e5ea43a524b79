// A contact needs an e-mail address or a phone number (the shared rule module's error): an
// editor who adds a contact with neither cannot publish it and is told, in Swedish, what to
// do. Details are never invented, so when the source publishes none the editor ticks
// "Källan anger inga kontaktuppgifter", and then the contact can be published.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CONTACT_DETAILS_MESSAGE } from '../../src/lib/rules/contact.ts';
import { startStudioSession, type StudioSession } from '../support/studio.ts';
import {
  createFromPane,
  openFromStructure,
  panes,
  publishButton,
  showValidation,
} from './editor.ts';

const FIRST_SENTENCE = CONTACT_DETAILS_MESSAGE.split('. ')[0] as string;
const WHAT_TO_DO = 'kryssa i "Källan anger inga kontaktuppgifter"';

let session: StudioSession;

beforeAll(async () => {
  session = await startStudioSession();
});

afterAll(async () => {
  await session?.close();
});

const bodyText = (page: Page) => page.locator('body').innerText();

describe('a contact without e-mail or phone', () => {
  it('cannot be published, and the Swedish message says what to do until a phone number is written', async () => {
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

    await showValidation(page, FIRST_SENTENCE);
    expect(await bodyText(page)).toContain(WHAT_TO_DO);
    expect(await publishButton(page).isDisabled()).toBe(true);

    await form.locator('#phone').fill('0522-44 08 20');
    await expect.poll(() => bodyText(page), { timeout: 120_000 }).not.toContain(FIRST_SENTENCE);
    // The form validates what is typed at once; the Studio saves it to the lake a moment later.
    await expect
      .poll(
        () =>
          session.lake.lake
            .getDocuments()
            .find(
              (document) =>
                document._type === 'kontaktperson' && document['name'] === 'Eva Exempel',
            ),
        { timeout: 30_000 },
      )
      .toMatchObject({
        phone: '0522-44 08 20',
        noContactDetailsInSource: false,
        regions: [{ _ref: 'region-fyrbodal' }],
      });
  });

  it('blocks publishing a published contact whose phone is removed, until the source is marked as giving none', async () => {
    // Anna Haglund (GR) has a phone number only: the one way to reach her.
    const page = await session.open('/structure/per-typ;kontaktperson;kontaktperson-anna-haglund');
    const form = page.getByTestId('document-pane');
    const phone = form.locator('#phone');
    await expect.poll(() => phone.inputValue(), { timeout: 120_000 }).toBe('031-335 51 76');
    await phone.fill('');

    await showValidation(page, FIRST_SENTENCE);
    await expect.poll(() => publishButton(page).isDisabled(), { timeout: 120_000 }).toBe(true);

    await form.locator('#noContactDetailsInSource').check({ force: true });
    await expect.poll(() => bodyText(page), { timeout: 120_000 }).not.toContain(FIRST_SENTENCE);
    await expect.poll(() => publishButton(page).isDisabled(), { timeout: 120_000 }).toBe(false);
  });
});
