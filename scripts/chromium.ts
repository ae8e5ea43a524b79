// Finds the Chromium the browser tests drive: CHROME_PATH, else Debian's /usr/bin/chromium,
// else installs Debian's package when running as root, else fails saying what to install.
import { accessSync, constants } from 'node:fs';
import { execFileSync } from 'node:child_process';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

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
];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findOrInstallChromium(log: (message: string) => void = console.log): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) {
      throw new Error(`CHROME_PATH is set to ${fromEnv}, but no executable is there.`);
    }
    return fromEnv;
  }
  if (isExecutable(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  if (process.getuid?.() === 0) {
    log("Chromium not found: installing Debian's package (apt-get install -y chromium) …");
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (isExecutable(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  }
  throw new Error(
    "The browser tests need Chromium. Install Debian's package (sudo apt-get install chromium) " +
      'or set CHROME_PATH to a Chromium or Chrome executable.',
  );
}
