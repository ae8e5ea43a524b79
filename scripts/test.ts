// README's test command: finds or installs Chromium, then runs the whole Vitest suite.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { findOrInstallChromium } from './chromium.ts';

let chromePath: string;
try {
  chromePath = findOrInstallChromium({ headlessShell: true });
} catch (error) {
  console.error(`npm test: ${(error as Error).message}`);
  process.exit(1);
}

// The suite starts Node over a hundred times on the same modules (Astro, Vite, the Sanity CLI,
// the project's scripts): V8's compiled code for them, kept on disk, spares each later start
// compiling them again. Astro enables this cache for itself, but not when CI=true.
const compileCache =
  process.env.NODE_COMPILE_CACHE ?? path.join(import.meta.dirname, '..', '.cache', 'node-compile');

const result = spawnSync('vitest', ['run', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: {
    ...process.env,
    CHROME_PATH: chromePath,
    ASTRO_TELEMETRY_DISABLED: '1',
    NODE_COMPILE_CACHE: compileCache,
  },
});
process.exit(result.status ?? 1);
