// Subsets Atkinson Hyperlegible (from @fontsource/atkinson-hyperlegible's Latin and Latin
// Extended files) to what the site's Swedish text uses, and writes them to public/fonts/
// (committed; src/styles/fonts.css declares them, layouts/Base.astro preloads the two main
// files). Run after changing the character sets: `npx node scripts/fonts.ts`.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import subsetFont from 'subset-font';

const require = createRequire(import.meta.url);
const range = (from: number, to: number) =>
  String.fromCodePoint(...Array.from({ length: to - from + 1 }, (_, i) => from + i));

/** Swedish text: ASCII, Latin-1 (å, ä, ö, é, ü …) and Swedish typography. Preloaded. */
export const SWEDISH = [range(0x20, 0x7e), range(0xa0, 0xff), '–—‘’‚“”„…•′″→−€'].join('');
/** Letters of names in the material beyond Latin-1 (Beljić). Loaded only by a page that has one. */
export const NAMES = 'ĆćČčĐđŁłŃńŚśŠšŹźŻżŽžŒœ';

const WEIGHTS = { 400: 'regular', 700: 'bold' } as const;
await mkdir('public/fonts', { recursive: true });
for (const [weight, name] of Object.entries(WEIGHTS)) {
  const file = (subset: string) =>
    require.resolve(
      `@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-${subset}-${weight}-normal.woff2`,
    );
  for (const [suffix, source, text] of [
    ['', file('latin'), SWEDISH],
    ['-ext', file('latin-ext'), NAMES],
  ] as const) {
    // Without the TrueType hinting instructions: they are 40 % of each file, and phones and
    // macOS ignore them (the glyphs' outlines and metrics are unchanged). With them the two main
    // files alone were 31 kB, more than a content page's whole 30 kB budget.
    const subset = await subsetFont(await readFile(source), text, {
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
