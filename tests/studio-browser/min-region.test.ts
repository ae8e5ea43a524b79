// "Min region" (sanity/structure.ts): two editors, each named by a Redaktör mapping (one by
// e-mail in other letter case, one by Sanity user id), see only their own regions' material,
// the regions below theirs included; a user no mapping names is told whom to ask.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  ADMINISTRATOR,
  EDITOR,
  embeddedDataset,
  startStudioSession,
  type StudioSession,
} from '../support/studio.ts';
import type { StudioUser } from '../support/studio-lake.ts';
import { openFromStructure, paneItem, panes } from './editor.ts';

/** A second editor, for Västernorrland. */
const EDITOR_B: StudioUser = {
  id: 'p-bo-redaktor',
  name: 'Bo Redaktör',
  email: 'bo.redaktor@example.se',
  role: 'editor',
  token: 'sk-studio-editor-bo-51f2',
};

const ref = (id: string, key: string) => ({ _type: 'reference', _ref: id, _key: key });
const SYSTEM = { _createdAt: '2026-11-30T00:00:00Z', _updatedAt: '2026-11-30T00:00:00Z' };

const MAPPINGS = [
  {
    _id: 'redaktor-anna',
    _type: 'redaktor',
    _rev: 'r1',
    ...SYSTEM,
    name: 'Anna Redaktör',
    email: 'Anna.Redaktor@Example.se',
    regions: [ref('region-goteborgsregionen', 'a1')],
  },
  {
    _id: 'redaktor-bo',
    _type: 'redaktor',
    _rev: 'r1',
    ...SYSTEM,
    name: 'Bo Redaktör',
    userId: EDITOR_B.id,
    regions: [ref('region-vasternorrland', 'b1')],
  },
];

let session: StudioSession;

beforeAll(async () => {
  session = await startStudioSession({
    dataset: [...(await embeddedDataset()), ...MAPPINGS],
    users: [EDITOR, EDITOR_B, ADMINISTRATOR],
  });
});

afterAll(async () => {
  await session?.close();
});

/** The titles in the last open pane once `expected` shows there. */
async function lastPaneText(page: Page, expected: string): Promise<string> {
  const pane = panes(page).last();
  await paneItem(pane, expected).waitFor({ timeout: 120_000 });
  return pane.innerText();
}

async function myContacts(user: StudioUser, expected: string): Promise<string> {
  const page = await session.open('/structure', user);
  await openFromStructure(page, ['Min region', 'Kontaktpersoner']);
  return lastPaneText(page, expected);
}

describe('Min region', () => {
  it("shows editor A Göteborgsregionen's contacts and not Västernorrland's", async () => {
    const text = await myContacts(EDITOR, 'Anna Haglund');
    expect(text).toContain('Lena Mogren');
    expect(text).not.toContain('Linda Strid');
    expect(text).not.toContain('Hans Wiklund');
    // Nor the county's above Göteborgsregionen.
    expect(text).not.toContain('Jeanette Andersson');
  });

  it("shows editor B Västernorrland's contacts, Sundsvall's below it included, and not Göteborgsregionen's", async () => {
    const text = await myContacts(EDITOR_B, 'Linda Strid');
    expect(text).toContain('Hans Wiklund');
    expect(text).not.toContain('Anna Haglund');
    expect(text).not.toContain('Lidija Beljic');

    const page = await session.open('/structure', EDITOR_B);
    await openFromStructure(page, ['Min region', 'Program']);
    const programmes = await lastPaneText(page, 'Programmet God och nära vård i Västernorrland');
    expect(programmes).toContain('Utvecklingsprojekt inom God och nära vård i Sundsvalls kommun');
    expect(programmes).not.toContain('Vårdens medarbetare');
  });

  it('tells a user without a mapping whom to ask', async () => {
    const page = await session.open('/structure', ADMINISTRATOR);
    await openFromStructure(page, ['Min region']);
    const notice = page.getByTestId('min-region-notice');
    await notice.waitFor({ timeout: 120_000 });
    expect(await notice.innerText()).toContain('Be en administratör');
    expect(await notice.innerText()).toContain(ADMINISTRATOR.email);
  });
});
