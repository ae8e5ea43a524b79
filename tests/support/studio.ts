// The Studio browser harness: serves this run's Studio build (studio-build.ts), starts a
// loopback Content Lake for it (studio-lake.ts), and opens it in Chromium signed in as an
// editor. See docs/studio-tests.md.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import sirv from 'sirv';
import { inject, onTestFailed } from 'vitest';
import { repoRoot } from '../studio/support/sanity-cli.ts';
import { STUDIO_DATASET, STUDIO_PROJECT_ID } from './studio-build.ts';
import { CHROMIUM_ARGS } from '../../scripts/chromium.ts';
import { chromePath } from './browser.ts';
import type { LakeDocument } from './content-lake.ts';
import { startStudioLake, type StudioLake, type StudioUser } from './studio-lake.ts';

export interface StudioServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a Studio build as a single-page app (as `sanity preview` does): files by path, every
 * other path the Studio's index.html, whose router then reads the path (sirv's `single`).
 */
export async function serveStudio(dir: string, port = 0): Promise<StudioServer> {
  const files = sirv(path.resolve(dir), {
    single: true,
    setHeaders: (res) => res.setHeader('cache-control', 'no-store'),
  });
  const server: Server = createServer((req, res) => files(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://localhost:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A browser context signed in to the Studio with `token`: the Studio reads its token from
 * localStorage (`__studio_auth_token_<projectId>`), set here before any page script runs. The
 * loopback lake's certificate is self-signed.
 */
export async function studioContext(browser: Browser, token: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1600, height: 1000 },
  });
  // The Studio re-renders forms and menus while it loads; on a loaded two-core machine an
  // action can wait longer than Playwright's default 30 s for its element to settle.
  context.setDefaultTimeout(120_000);
  await context.addInitScript(({ key, value }) => window.localStorage.setItem(key, value), {
    key: `__studio_auth_token_${STUDIO_PROJECT_ID}`,
    value: JSON.stringify({ token, time: new Date().toISOString() }),
  });
  return context;
}

/** Errors the page logs, for assertion messages. */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** The editor the tests sign in as (a project editor, as the 311 organisations' editors are). */
export const EDITOR: StudioUser = {
  id: 'p-anna-redaktor',
  name: 'Anna Redaktör',
  email: 'anna.redaktor@example.se',
  role: 'editor',
  token: 'sk-studio-editor-anna-7c1d',
};

/** A project administrator (developers): sees the GROQ tool and developer-only fields. */
export const ADMINISTRATOR: StudioUser = {
  id: 'p-ola-utvecklare',
  name: 'Ola Utvecklare',
  email: 'ola.utvecklare@example.se',
  role: 'administrator',
  token: 'sk-studio-admin-ola-3e9a',
};

/** The embedded dataset (content/dataset/data.ndjson), the documents every Studio test starts from. */
export async function embeddedDataset(): Promise<LakeDocument[]> {
  const text = await readFile(path.join(repoRoot, 'content', 'dataset', 'data.ndjson'), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LakeDocument);
}

export interface StudioSession {
  lake: StudioLake;
  studio: StudioServer;
  browser: Browser;
  /**
   * Opens the Studio at `path` (default the structure tool) signed in as `user`: in the tab the
   * file's last test left when that test passed as the same user, else in a fresh context.
   */
  open(path?: string, user?: StudioUser): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Chromium's host mapping that sends the Studio build's Content Lake address
 * (`https://{projectId}.localhost:BUILD_PORT`, and `localhost:BUILD_PORT` for the global
 * endpoints) to the session's own lake on `lakePort`. The TLS name and the Host header stay
 * the build's; the lake's certificate is self-signed for `localhost` and `*.localhost` anyway.
 */
export function lakeHostRule(buildPort: number, lakePort: number): string {
  return `--host-resolver-rules=MAP *localhost:${buildPort} 127.0.0.1:${lakePort}`;
}

/**
 * One test file's Studio: a fresh loopback lake with `dataset` (default: the embedded one), the
 * build served, and a Chromium of its own. Needs the 'studio-browser' project's global setup
 * (tests/support/studio-global-setup.ts). The Studio build carries one lake address; each
 * session's Chromium maps that address to the session's own lake (lakeHostRule), so the Studio
 * files run side by side, each with its own documents.
 */
export async function startStudioSession(
  options: { dataset?: readonly LakeDocument[]; users?: readonly StudioUser[] } = {},
): Promise<StudioSession> {
  let lake: StudioLake | undefined;
  let studio: StudioServer | undefined;
  let browser: Browser;
  try {
    lake = await startStudioLake({
      dataset: options.dataset ?? (await embeddedDataset()),
      projectId: STUDIO_PROJECT_ID,
      datasetName: STUDIO_DATASET,
      users: options.users ?? [EDITOR],
    });
    studio = await serveStudio(inject('studioBuildDir'));
    browser = await chromium.launch({
      executablePath: chromePath(),
      args: [...CHROMIUM_ARGS, lakeHostRule(inject('studioLakePort'), lake.port)],
    });
  } catch (error) {
    await studio?.close();
    await lake?.close();
    throw error;
  }
  const [startedLake, startedStudio] = [lake, studio];
  const contexts: BrowserContext[] = [];
  // The Studio left open by the file's last test, for the next test as the same user.
  let openStudio: { page: Page; user: StudioUser } | undefined;
  // A failed test (or a failed try before its retry) leaves its tab as it was: what comes next
  // starts in a fresh one.
  const forgetAfterFailure = (page: Page) => {
    try {
      onTestFailed(() => {
        if (openStudio?.page === page) openStudio = undefined;
      });
    } catch {
      // Not inside a test.
    }
  };
  return {
    lake: startedLake,
    studio: startedStudio,
    browser,
    async open(pathname = '/structure', user = EDITOR) {
      // A test after one that passed, as the same user, goes on in the same tab, as an editor
      // does: the Studio's router moves to `pathname` without loading the Studio again (a boot
      // costs 4–7 CPU s of Chromium). After a failed test, or as another user, a fresh context.
      if (openStudio && openStudio.user === user && !openStudio.page.isClosed()) {
        const { page } = openStudio;
        await page.evaluate((target) => {
          window.history.pushState(null, '', target);
          window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
        }, pathname);
        forgetAfterFailure(page);
        return page;
      }
      openStudio = undefined;
      // One tab at a time, as an editor works: an earlier test's Studio would otherwise keep
      // listening, rendering and polling beside this one until the file ends.
      for (const earlier of contexts.splice(0)) await earlier.close().catch(() => undefined);
      const context = await studioContext(browser, user.token);
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${startedStudio.url}${pathname}`);
      openStudio = { page, user };
      forgetAfterFailure(page);
      return page;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await startedStudio.close();
      await startedLake.close();
    },
  };
}
