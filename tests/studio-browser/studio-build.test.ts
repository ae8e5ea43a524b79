// The Studio the browser tests open is the one editors get: `sanity build`'s production bundle.
// Vitest runs with NODE_ENV=test, and a CLI that inherited it bundled React's development build
// (an owner stack and a console task for every element): the Studio then took about twice the
// CPU in every test, and the tests measured a Studio nobody uses (see runSanity).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';

/**
 * A name only React's development builds carry (React 19's count of owner stacks; its production
 * react-dom still names 'react-stack-top-frame', so that string does not tell).
 */
const REACT_DEVELOPMENT_MARK = 'recentlyCreatedOwnerStacks';

describe('the Studio build the browser tests open', () => {
  it("bundles React's production build, as `sanity build` from a shell does", async () => {
    const dir = path.join(inject('studioBuildDir'), 'static');
    const scripts = (await readdir(dir)).filter((file) => file.endsWith('.js'));
    expect(scripts.length, `scripts in ${dir}`).toBeGreaterThan(10);
    const development: string[] = [];
    for (const file of scripts)
      if ((await readFile(path.join(dir, file), 'utf8')).includes(REACT_DEVELOPMENT_MARK))
        development.push(file);
    expect(development, "scripts with React's development build").toEqual([]);
  });
});
