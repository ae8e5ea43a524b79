// The font files scripts/fonts.ts writes and the @font-face rules of src/styles/global.css
// agree: each file is declared once per weight, with exactly its character set as the
// unicode-range (a character left out of every range falls back to another font; one in the
// wrong range loads a file that lacks it), and the main files, which every page preloads, hold
// Swedish text.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, LATIN1, NAMES, SWEDISH, WEIGHTS } from '../../scripts/fonts.ts';
import { ROOT } from '../support/site.ts';

const css = readFileSync(path.join(ROOT, 'src', 'styles', 'global.css'), 'utf8');

/** Every Atkinson Hyperlegible @font-face: its file, weight and the code points of its range. */
function declaredFaces(): { file: string; weight: string; codePoints: number[] }[] {
  return [...css.matchAll(/@font-face\s*{([^}]*)}/g)]
    .map(([, body]) => body!)
    .filter((body) => /font-family:\s*'Atkinson Hyperlegible';/.test(body))
    .map((body) => ({
      file: /url\('\/fonts\/([^']+)'\)/.exec(body)![1]!,
      weight: /font-weight:\s*(\d+)/.exec(body)![1]!,
      codePoints: [
        ...(/unicode-range:([^;]*);/.exec(body)?.[1] ?? '').matchAll(
          /U\+([0-9A-F]+)(?:-([0-9A-F]+))?/gi,
        ),
      ].flatMap(([, from, to]) => {
        const start = parseInt(from!, 16);
        const end = parseInt(to ?? from!, 16);
        return Array.from({ length: end - start + 1 }, (_, index) => start + index);
      }),
    }));
}

const codePointsOf = (text: string) =>
  [...new Set([...text].map((char) => char.codePointAt(0)!))].sort((a, b) => a - b);

describe('the self-hosted fonts', () => {
  it('declare every file of scripts/fonts.ts once per weight, with its character set as unicode-range', () => {
    const expected = Object.entries(WEIGHTS).flatMap(([weight, name]) =>
      FONT_FILES.map(([suffix, , text]) => ({
        file: `atkinson-hyperlegible-${name}${suffix}.woff2`,
        weight,
        codePoints: codePointsOf(text),
      })),
    );
    const declared = declaredFaces().map((face) => ({
      ...face,
      codePoints: [...new Set(face.codePoints)].sort((a, b) => a - b),
    }));
    expect(declared.toSorted((a, b) => a.file.localeCompare(b.file))).toEqual(
      expected.toSorted((a, b) => a.file.localeCompare(b.file)),
    );
    for (const { file } of expected)
      expect(existsSync(path.join(ROOT, 'public', 'fonts', file)), file).toBe(true);
  });

  it('put Swedish text in the preloaded files and leave no Latin-1 character out', () => {
    for (const char of 'ÅÄÖåäöé–”·') expect(SWEDISH, char).toContain(char);
    const sets = [SWEDISH, LATIN1, NAMES];
    for (let code = 0x20; code <= 0xff; code++) {
      if (code > 0x7e && code < 0xa0) continue;
      const char = String.fromCodePoint(code);
      expect(
        sets.filter((set) => set.includes(char)),
        char,
      ).toHaveLength(1);
    }
    const preloads = [
      ...readFileSync(path.join(ROOT, 'src', 'layouts', 'Base.astro'), 'utf8').matchAll(
        /href="\/fonts\/([^"]+\.woff2)"/g,
      ),
    ].map(([, file]) => file);
    expect(preloads.toSorted()).toEqual([
      'atkinson-hyperlegible-bold.woff2',
      'atkinson-hyperlegible-regular.woff2',
    ]);
  });
});
