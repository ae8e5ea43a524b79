// `npm run studio` (scripts/studio.ts): refuses to start without a project id, and with
// one starts `sanity dev`, which serves the Studio offline.
import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, studioDir } from './support/sanity-cli.ts';
import { freePort } from '../support/free-port.ts';

const script = join(repoRoot, 'scripts', 'studio.ts');
const binDir = join(repoRoot, 'node_modules', '.bin');

function envWithout(...names: string[]): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // As under `npm run`: the workspace's bin directory first, so `sanity` resolves.
    PATH: `${binDir}:${process.env.PATH ?? ''}`,
    SANITY_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
  };
  for (const name of names) delete env[name];
  return env;
}

describe('npm run studio', () => {
  it('without a project id, says in English what to set and how to get one, and exits 1', async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [script, 'dev'],
        { cwd: studioDir, env: envWithout('SANITY_STUDIO_PROJECT_ID', 'SANITY_PROJECT_ID') },
        (error, _stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stderr }),
      );
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no Sanity project id is set');
    expect(result.stderr).toContain('SANITY_STUDIO_PROJECT_ID');
    expect(result.stderr).toContain('SANITY_PROJECT_ID');
    expect(result.stderr).toContain('npx sanity init');
    expect(result.stderr).toContain('https://www.sanity.io/manage');
  });

  it('with the site’s SANITY_PROJECT_ID, starts `sanity dev`, which serves the Studio offline', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [script, 'dev', '--port', String(port)], {
      cwd: studioDir,
      env: { ...envWithout('SANITY_STUDIO_PROJECT_ID'), SANITY_PROJECT_ID: 'dummy123' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    try {
      let html = '';
      let env = '';
      const deadline = Date.now() + 90_000;
      while (Date.now() < deadline && child.exitCode === null) {
        try {
          const response = await fetch(`http://127.0.0.1:${port}/`);
          if (response.ok) {
            html = await response.text();
            env = await (await fetch(`http://127.0.0.1:${port}/@vite/env`)).text();
            break;
          }
        } catch {
          // Not listening yet.
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(html, `sanity dev did not serve on port ${port}:\n${output}`).toContain('id="sanity"');
      // The site's variable reached the Studio bundle under its SANITY_STUDIO_ name.
      expect(env).toContain('"process.env.SANITY_STUDIO_PROJECT_ID": "dummy123"');
      const structure = await fetch(`http://127.0.0.1:${port}/structure.ts`);
      expect(structure.status, 'the Studio compiles its structure').toBe(200);
    } finally {
      // Our own process group only: the script and the `sanity dev` it started.
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    }
  }, 120_000);
});
