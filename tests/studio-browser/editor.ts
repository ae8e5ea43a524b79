// What an editor does in the Studio, in the words the Swedish UI shows: open items in the
// structure's panes, press a list's "+", publish. Every step waits as long as a loaded machine
// needs; a step that cannot happen fails with the pane's visible text.
import type { Locator, Page } from 'playwright-core';

const STEP_TIMEOUT = 120_000;

/** The panes of the structure tool, left to right. */
export function panes(page: Page): Locator {
  return page.locator('[data-pane-index]');
}

/** A list pane's item whose title is `title` (a subtitle may follow it). */
export function paneItem(pane: Locator, title: string): Locator {
  return pane
    .getByRole('link')
    .filter({ has: pane.page().getByText(title, { exact: true }) })
    .first();
}

/** How long one try of a step waits for its sign before the step is tried again. */
const TRY_TIMEOUT = 15_000;

async function pageText(page: Page): Promise<string> {
  return (
    await page
      .locator('body')
      .innerText()
      .catch(() => '')
  ).slice(0, 1500);
}

/**
 * Does what an editor does when a click had no effect (the Studio re-rendered a pane or closed a
 * menu between finding the element and clicking it): tries `step` (an action and the sign that
 * it took, true once it has) again until it takes, within STEP_TIMEOUT; then fails naming `what`
 * and the page's text. A step that throws counts as a try that did not take.
 */
export async function untilItTakes(
  page: Page,
  what: string,
  step: () => Promise<boolean>,
): Promise<void> {
  const deadline = Date.now() + STEP_TIMEOUT;
  for (let attempt = 1; ; attempt++) {
    let cause: unknown;
    const took = await step().catch((error: unknown) => {
      cause = error;
      return false;
    });
    if (took) return;
    if (Date.now() > deadline) {
      throw new Error(
        `${what}: no effect after ${attempt} tries. The page shows: ${await pageText(page)}`,
        {
          cause,
        },
      );
    }
    // A try that threw at once (an element gone mid-render) is not repeated in a tight loop.
    await page.waitForTimeout(250).catch(() => undefined);
  }
}

/** Resolves true once `locator` is visible within `timeout`, false otherwise. */
function appears(locator: Locator, timeout = TRY_TIMEOUT): Promise<boolean> {
  return locator.waitFor({ state: 'visible', timeout }).then(
    () => true,
    () => false,
  );
}

/**
 * Clicks `titles` in turn, each in the pane the previous click opened (the first in the last
 * pane already open), as an editor walks down the structure.
 */
export async function openFromStructure(page: Page, titles: readonly string[]): Promise<void> {
  for (const title of titles) {
    const pane = panes(page).last();
    const item = paneItem(pane, title);
    await item.waitFor({ timeout: STEP_TIMEOUT }).catch(async (error: Error) => {
      throw new Error(
        `No item "${title}" in the last pane. The page shows: ${await pageText(page)}`,
        {
          cause: error,
        },
      );
    });
    const before = await panes(page).count();
    // Clicking in the last pane opens one more to its right. The item is a link to that pane's
    // path, so a second click on it (when the first fell on a re-rendered list) opens the same.
    const opened = panes(page).nth(before);
    await untilItTakes(page, `Opening "${title}"`, async () => {
      if (!(await opened.isVisible())) await item.click({ timeout: TRY_TIMEOUT });
      return appears(opened);
    });
  }
}

/**
 * Opens the document's "Validering" list and resolves once it shows `message`. The button
 * toggles the list, so it is pressed again only when a try's 15 s passed without the message.
 */
export async function showValidation(page: Page, message: string): Promise<void> {
  // The first button is the document's own; an open list adds one of its own.
  const button = page
    .getByTestId('document-pane')
    .getByRole('button', { name: 'Validering' })
    .first();
  const shows = async () =>
    (
      await page
        .locator('body')
        .innerText()
        .catch(() => '')
    ).includes(message);
  await untilItTakes(page, `Showing "${message}" under "Validering"`, async () => {
    if (!(await shows())) await button.click({ timeout: TRY_TIMEOUT });
    for (const deadline = Date.now() + TRY_TIMEOUT; Date.now() < deadline;) {
      if (await shows()) return true;
      await page.waitForTimeout(250);
    }
    return false;
  });
}

/** The document pane's primary "Publicera" button. */
export function publishButton(page: Page): Locator {
  return page.getByRole('button', { name: 'Publicera', exact: true });
}

/**
 * Presses "+" in the pane at `paneIndex` (a document list) and, when the list offers several
 * kinds of document, picks `templateTitle` from its menu. Resolves when the new document's
 * form has opened beside the list.
 */
export async function createFromPane(
  page: Page,
  paneIndex: number,
  templateTitle?: string,
): Promise<void> {
  const pane = panes(page).nth(paneIndex);
  const single = pane.getByTestId('action-intent-button');
  const menu = pane.getByTestId('multi-action-intent-button');
  await single.or(menu).first().waitFor({ timeout: STEP_TIMEOUT });
  const several = (await menu.count()) > 0;
  if (several && !templateTitle) throw new Error('The list offers several templates: name one');
  const template = page.getByRole('menuitem', { name: templateTitle ?? '' });
  const forms = page.getByTestId('document-pane');
  const formsBefore = await forms.count();
  const opened = forms.nth(formsBefore);
  // "+" navigates to a new document that exists only once edited, so pressing it again after a
  // try without effect (the menu closed by a re-render) creates nothing twice.
  await untilItTakes(page, `Creating from pane ${paneIndex}`, async () => {
    if (await opened.isVisible()) return true;
    if (several) {
      if (!(await template.isVisible())) await menu.click({ timeout: TRY_TIMEOUT });
      await template.click({ timeout: 5_000 });
    } else {
      await single.click({ timeout: TRY_TIMEOUT });
    }
    return appears(opened);
  });
}

/** The titles of the open panes, left to right. */
export async function paneTitles(page: Page): Promise<string[]> {
  return panes(page).evaluateAll((elements) =>
    elements.map(
      (element) =>
        element.querySelector('[data-testid="pane-header"] h2, [data-testid="pane-header"]')
          ?.textContent ?? '',
    ),
  );
}

/** A reference field's search box in the document form. */
function referenceInput(page: Page, fieldId: string): Locator {
  return page.getByTestId('document-pane').locator(`input[role="combobox"][id="${fieldId}"]`);
}

/** The options a reference field's search offers after typing `search`. */
export async function referenceOptions(
  page: Page,
  fieldId: string,
  search: string,
): Promise<Locator> {
  const input = referenceInput(page, fieldId);
  let options: Locator | undefined;
  // The form re-renders while the new draft is saved: type again if no list opened.
  await untilItTakes(page, `Searching "${search}" in ${fieldId}`, async () => {
    await input.click({ timeout: TRY_TIMEOUT });
    await input.fill(search, { timeout: TRY_TIMEOUT });
    const listbox = page.locator(`[id="${await input.getAttribute('aria-owns')}"]`);
    options = listbox.getByRole('option');
    return appears(options.first());
  });
  return options as Locator;
}

/**
 * Picks, in a reference field's search for `search`, the option `choose` returns; tries again
 * (a new search) until the field shows the choice instead of its search box.
 */
export async function pickOption(
  page: Page,
  fieldId: string,
  search: string,
  choose: (options: Locator) => Locator,
): Promise<void> {
  const input = referenceInput(page, fieldId);
  await untilItTakes(page, `Picking from ${fieldId}`, async () => {
    if (!(await input.isVisible())) return true;
    const options = await referenceOptions(page, fieldId, search);
    await choose(options).first().click({ timeout: TRY_TIMEOUT });
    return input.waitFor({ state: 'hidden', timeout: TRY_TIMEOUT }).then(
      () => true,
      () => false,
    );
  });
}

/** Picks the option whose title is exactly `title` in a reference field's search. */
export async function pickReference(
  page: Page,
  fieldId: string,
  search: string,
  title: string,
): Promise<void> {
  await pickOption(page, fieldId, search, (options) =>
    options.filter({ has: page.getByText(title, { exact: true }) }),
  );
}
