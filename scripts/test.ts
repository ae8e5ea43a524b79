// README's test command: finds or installs Chromium, then runs the whole Vitest suite.
import { spawnSync } from 'node:child_process';
import { findOrInstallChromium } from './chromium.ts';

let chromePath: string;
try {
  chromePath = findOrInstallChromium();
} catch (error) {
  console.error(`npm test: ${(error as Error).message}`);
  process.exit(1);
}

const result = spawnSync('vitest', ['run', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROME_PATH: chromePath, ASTRO_TELEMETRY_DISABLED: '1' },
});
process.exit(result.status ?? 1);
