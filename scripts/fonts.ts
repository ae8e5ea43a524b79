// Subsets Atkinson Hyperlegible (from @fontsource/atkinson-hyperlegible's Latin and Latin
// Extended files) to what the site's Swedish text uses, and writes them to public/fonts/
// (committed; src/styles/global.css declares them with these sets as unicode-range, checked by
// tests/unit/fonts.test.ts; layouts/Base.astro preloads the two main files). Run after changing
// the character sets: `npx node scripts/fonts.ts`.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import subsetFont from 'subset-font';

const range = (from: number, to: number) =>
  String.fromCodePoint(...Array.from({ length: to - from + 1 }, (_, i) => from + i));

/**
 * Swedish text, in every page's two preloaded files: ASCII, the Swedish letters (å, ä, ö, and é
 * as in "idé"), and the punctuation and signs the site and the material use.
 */
export const SWEDISH = [range(0x20, 0x7e), '\u00a0ÅÄÖåäöÉé', '§°·×«»', '–—‘’‚“”„…•′″‹›→−€'].join(
  '',
);
/** The rest of Latin-1 (ü, ø, æ, ñ …, as in names). Loaded only by a page that has one. */
export const LATIN1 = [...range(0xa0, 0xff)].filter((char) => !SWEDISH.includes(char)).join('');
/** Letters of names in the material beyond Latin-1 (Beljić). Loaded only by a page that has one. */
export const NAMES = 'ĆćČčĐđŁłŃńŚśŠšŹźŻżŽžŒœ';

/** The files of one weight: suffix, Fontsource's source file, and the characters. */
export const FONT_FILES = [
  ['', 'latin', SWEDISH],
  ['-latin1', 'latin', LATIN1],
  ['-ext', 'latin-ext', NAMES],
] as const;
export const WEIGHTS = { 400: 'regular', 700: 'bold' } as const;

async function writeFonts(): Promise<void> {
  const require = createRequire(import.meta.url);
  await mkdir('public/fonts', { recursive: true });
  for (const [weight, name] of Object.entries(WEIGHTS)) {
    for (const [suffix, source, text] of FONT_FILES) {
      const file = require.resolve(
        `@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-${source}-${weight}-normal.woff2`,
      );
      // Without the TrueType hinting instructions: they are 40 % of each file, and phones and
      // macOS ignore them (the glyphs' outlines and metrics are unchanged). With them the two
      // main files alone were 31 kB, more than a content page's whole 30 kB budget.
      const subset = await subsetFont(await readFile(file), text, {
        targetFormat: 'woff2',
        noHinting: true,
      });
      const out = `public/fonts/atkinson-hyperlegible-${name}${suffix}.woff2`;
      await writeFile(out, subset);
      console.log(`${out}: ${subset.length} bytes`);
    }
  }
  // The SIL Open Font License travels with the font files.
  await copyFile(
    require.resolve('@fontsource/atkinson-hyperlegible/LICENSE'),
    'public/fonts/OFL-atkinson-hyperlegible.txt',
  );
}

if (import.meta.main) await writeFonts();
