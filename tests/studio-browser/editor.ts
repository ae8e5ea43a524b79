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
        `No item "${title}" in the last pane. The page shows: ${(
          await pane
            .page()
            .locator('body')
            .innerText()
            .catch(() => '')
        ).slice(0, 1500)}`,
        { cause: error },
      );
    });
    const before = await panes(page).count();
    await item.click();
    // Clicking in the last pane opens one more to its right.
    await panes(page).nth(before).waitFor({ timeout: STEP_TIMEOUT });
  }
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
  if (await menu.count()) {
    await menu.click();
    if (!templateTitle) throw new Error('The list offers several templates: name one');
    await page.getByRole('menuitem', { name: templateTitle }).click();
  } else {
    await single.click();
  }
  await page.getByTestId('document-pane').waitFor({ timeout: STEP_TIMEOUT });
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

/** The options a reference field's search offers after typing `search`. */
export async function referenceOptions(
  page: Page,
  fieldId: string,
  search: string,
): Promise<Locator> {
  const input = page
    .getByTestId('document-pane')
    .locator(`input[role="combobox"][id="${fieldId}"]`);
  await input.click();
  await input.fill(search);
  const listbox = page.locator(`[id="${await input.getAttribute('aria-owns')}"]`);
  await listbox.getByRole('option').first().waitFor({ timeout: STEP_TIMEOUT });
  return listbox.getByRole('option');
}

/** Picks the option whose title is exactly `title` in a reference field's search. */
export async function pickReference(
  page: Page,
  fieldId: string,
  search: string,
  title: string,
): Promise<void> {
  const options = await referenceOptions(page, fieldId, search);
  await options
    .filter({ has: page.getByText(title, { exact: true }) })
    .first()
    .click();
}
