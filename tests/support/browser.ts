// The Chromium the browser tests drive: CHROME_PATH (npm test sets it), else Debian's headless
// shell, else Debian's /usr/bin/chromium. The 'site' project's global setup launches one for the
// whole run (`launchBrowserServer`) and every test file connects to it (a browser start costs a
// second or two per file); outside such a run a test file launches its own. A missing browser
// fails the tests with what to install; it never skips them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CHROMIUM_ARGS, chromiumCandidates, isExecutable } from '../../scripts/chromium.ts';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserServer,
  type Page,
} from 'playwright-core';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The WebSocket address of the run's shared Chromium ('' when it could not start). */
    chromiumEndpoint: string;
  }
}

/**
 * The Chromium executable to drive (CHROME_PATH, else Debian's headless shell, else Debian's
 * Chromium: as `npm test` chooses, scripts/chromium.ts); throws naming what to install when
 * there is none.
 */
export function chromePath(): string {
  const candidates = process.env.CHROME_PATH ? [process.env.CHROME_PATH] : chromiumCandidates(true);
  const found = candidates.find(isExecutable);
  if (!found) {
    throw new Error(
      `The browser tests need Chromium, and none is executable at ${candidates.join(' or ')}. ` +
        "Install Debian's packages (apt-get install -y chromium chromium-headless-shell), set CHROME_PATH, or run `npm test`, which finds or installs them.",
    );
  }
  return found;
}

/** Starts the run's shared Chromium (for a global setup). */
export function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: chromePath(), args: CHROMIUM_ARGS });
}

/**
 * A browser for one test file: a connection to the run's shared Chromium when there is one,
 * else a Chromium of its own. Either way `close()` ends what this file opened (its contexts and
 * connection), never another file's.
 */
export async function launchBrowser(): Promise<Browser> {
  const endpoint = inject('chromiumEndpoint');
  if (endpoint) return chromium.connect(endpoint);
  return chromium.launch({ executablePath: chromePath(), args: CHROMIUM_ARGS });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string | undefined }[];
}

let axeSource: string | undefined;

function axeScript(): string {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/**
 * Loads axe-core into every page the context opens from now on, before the page's own scripts
 * (faster than adding it after each navigation when one context visits many pages).
 */
export async function preloadAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: axeScript() });
}

/** Runs axe-core in the page against WCAG 2.1 A and AA; resolves with its violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, not added as a <script>: the site's
  // Content-Security-Policy refuses inline scripts, and the test should not weaken it.
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axeScript());
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      // Only violations are reported, so axe need not collect the nodes that pass.
      resultTypes: ['violations'],
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({
        target: node.target,
        failureSummary: node.failureSummary,
      })),
    }));
  });
}

/** A readable list of violations for an assertion message. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes.map((node) => node.target.join(' ')).join('\n  ')}`,
    )
    .join('\n');
}
