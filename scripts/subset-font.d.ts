// subset-font ships no types: the one function scripts/fonts.ts calls.
declare module 'subset-font' {
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: {
      targetFormat?: 'sfnt' | 'woff' | 'woff2';
      /** Drop the TrueType hinting instructions (`hb-subset --no-hinting`). */
      noHinting?: boolean;
    },
  ): Promise<Buffer>;
}
