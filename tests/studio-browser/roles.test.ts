// What an editor sees and an administrator sees: Vision (GROQ) and developer-only fields such
// as a source page's seed file are for administrators only (sanity/roles.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  ADMINISTRATOR,
  EDITOR,
  startStudioSession,
  type StudioSession,
} from '../support/studio.ts';

const SOURCE_PAGE = '/structure/per-typ;kalla;kalla-fyrbodal-nara-vard';

let session: StudioSession;

beforeAll(async () => {
  session = await startStudioSession({ users: [EDITOR, ADMINISTRATOR] });
});

afterAll(async () => {
  await session?.close();
});

/** The source page's form once loaded, and whether it has the "Källfil" field. */
async function formHasSeedFile(page: Page): Promise<boolean> {
  const form = page.getByTestId('document-pane');
  await form.getByText('Utgivare', { exact: true }).first().waitFor({ timeout: 120_000 });
  return (await form.getByText('Källfil', { exact: true }).count()) > 0;
}

async function tools(page: Page): Promise<string[]> {
  await page
    .getByRole('link', { name: 'Innehåll', exact: true })
    .first()
    .waitFor({ timeout: 120_000 });
  return page.getByRole('link').allInnerTexts();
}

describe('editors and administrators', () => {
  it('gives an editor neither the GROQ tool nor the seed file field', async () => {
    const page = await session.open(SOURCE_PAGE, EDITOR);
    expect(await formHasSeedFile(page)).toBe(false);
    expect(await tools(page)).not.toContain('GROQ');
  });

  it('gives an administrator both', async () => {
    const page = await session.open(SOURCE_PAGE, ADMINISTRATOR);
    expect(await formHasSeedFile(page)).toBe(true);
    expect(await tools(page)).toContain('GROQ');
  });
});
