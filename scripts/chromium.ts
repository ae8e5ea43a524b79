// Finds the Chromium the project drives. The browser tests: CHROME_PATH, else Debian's headless
// shell (package chromium-headless-shell), else Debian's /usr/bin/chromium, else installs
// Debian's packages when running as root, else fails saying what to install. The benchmark and
// Lighthouse measure what a visitor's browser does, so they take the full Chromium.
import { accessSync, constants } from 'node:fs';
import { execFileSync } from 'node:child_process';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';
/**
 * Chromium's "old" headless mode as its own program, from the same Debian source package: the
 * same Blink and V8 without the browser's windowing and UI layers. It drives the test pages in
 * about half the CPU of the full Chromium (docs/testing.md), and it is what Playwright's own
 * headless tests run. The real binary, not /usr/bin/chromium-headless-shell: that is a shell
 * script that would stay between Playwright and the browser.
 */
export const DEBIAN_HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';

/** Flags for every Chromium the project drives (tests, benchmark, Lighthouse): headless and quiet on a machine without a network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Text laid out by the fonts' own widths, as phones and macOS do: this machine's FreeType
  // hints by default and auto-hints fonts without hinting (ours), which widens them, so a test
  // of the fallback font's metrics would measure Linux's hinting instead.
  '--font-render-hinting=none',
];

export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface ChromiumChoice {
  /** The browser tests take the headless shell when it is installed; a benchmark never does. */
  headlessShell?: boolean;
  log?: (message: string) => void;
}

/** Debian's executables to look for, in order, when CHROME_PATH is not set. */
export function chromiumCandidates(headlessShell: boolean): string[] {
  return headlessShell ? [DEBIAN_HEADLESS_SHELL, DEBIAN_CHROMIUM] : [DEBIAN_CHROMIUM];
}

/** The Chromium to drive: see the top of this file for the order. */
export function findOrInstallChromium({
  headlessShell = false,
  log = console.log,
}: ChromiumChoice = {}): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) {
      throw new Error(`CHROME_PATH is set to ${fromEnv}, but no executable is there.`);
    }
    return fromEnv;
  }
  const wanted = chromiumCandidates(headlessShell);
  const found = wanted.find(isExecutable);
  if (found === DEBIAN_CHROMIUM && headlessShell) {
    log(
      "Chromium's headless shell is not installed: the browser tests take /usr/bin/chromium, " +
        'which needs about twice the CPU (apt-get install chromium-headless-shell).',
    );
  }
  if (found) return found;
  if (process.getuid?.() === 0) {
    const packages = ['chromium', 'chromium-headless-shell'];
    log(
      `Chromium not found: installing Debian's packages (apt-get install -y ${packages.join(' ')}) …`,
    );
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', ...packages], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = wanted.find(isExecutable);
    if (installed) return installed;
  }
  throw new Error(
    "The browser tests need Chromium. Install Debian's packages (sudo apt-get install chromium chromium-headless-shell) " +
      'or set CHROME_PATH to a Chromium or Chrome executable.',
  );
}
