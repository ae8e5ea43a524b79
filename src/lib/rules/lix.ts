// Klarspråk: LIX (läsbarhetsindex, Björnsson 1968), the readability figure Swedish writers
// know: words per sentence plus the share of long words in per cent.
//
//   LIX = words / sentences + 100 × (words longer than six letters) / words
//
// - A word is a run of letters and digits, kept together over a hyphen, an apostrophe or a
//   full stop between letters ("e-post" and "t.ex" are one word each); a long word has more
//   than six letters.
// - A sentence ends at . ! ? or : followed by a capital letter, a digit or the end of the
//   line, so abbreviations inside a sentence ("t.ex. vården", "bl.a. kommunerna") do not end
//   it. Each line, and each Portable Text block (a heading, a list item), ends its last
//   sentence even without a full stop.
import { isBlank } from './text.ts';

export interface LixCount {
  words: number;
  longWords: number;
  sentences: number;
}

const WORD = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/gu;
const LETTER = /\p{L}/gu;
const SENTENCE_END = /[.!?:]+(?=[\s"'”’»)\]]*(?:$|\s+["'”’»(\[]*[\p{Lu}\p{N}]))/gu;

function countLine(line: string, into: LixCount): void {
  const words = line.match(WORD);
  if (!words) return;
  into.words += words.length;
  into.longWords += words.filter((word) => (word.match(LETTER)?.length ?? 0) > 6).length;
  const text = line.trim();
  const ends = text.match(SENTENCE_END)?.length ?? 0;
  // The last sentence of a line without a closing full stop (a heading, a list item).
  const closed = /[.!?:]+[\s"'”’»)\]]*$/u.test(text);
  into.sentences += Math.max(1, ends + (closed ? 0 : 1));
}

interface BlockLike {
  _type?: unknown;
  children?: readonly { text?: unknown }[] | null | undefined;
}

/** The text of Portable Text: each block's spans joined, one block a line. */
export function portableTextPlain(blocks: unknown): string {
  if (!Array.isArray(blocks)) return '';
  return (blocks as BlockLike[])
    .filter((block) => block && block._type === 'block' && Array.isArray(block.children))
    .map((block) =>
      (block.children ?? [])
        .map((child) => (typeof child?.text === 'string' ? child.text : ''))
        .join(''),
    )
    .join('\n');
}

/** Words, long words and sentences of plain text or Portable Text. */
export function lixCount(value: unknown): LixCount {
  const text = typeof value === 'string' ? value : portableTextPlain(value);
  const count: LixCount = { words: 0, longWords: 0, sentences: 0 };
  for (const line of text.split(/\r?\n/)) countLine(line, count);
  return count;
}

/** LIX of plain text or Portable Text, or undefined when it has no words. Not rounded. */
export function lix(value: unknown): number | undefined {
  const { words, longWords, sentences } = lixCount(value);
  if (words === 0) return undefined;
  return words / sentences + (100 * longWords) / words;
}

/** The usual Swedish scale, by the rounded figure. */
export function lixLevel(value: number): string {
  const rounded = Math.round(value);
  if (rounded < 30) return 'mycket lättläst';
  if (rounded < 40) return 'lättläst';
  if (rounded < 50) return 'medelsvår';
  if (rounded <= 60) return 'svår';
  return 'mycket svår';
}

/** "LIX 42 – medelsvår", as the Studio shows it under the field. */
export function lixLabel(value: unknown): string | undefined {
  const figure = lix(value);
  return figure === undefined ? undefined : `LIX ${Math.round(figure)} – ${lixLevel(figure)}`;
}

/**
 * Where a warning starts, by field name (a document's own field). Chosen from the embedded
 * dataset's real texts (docs/content-model.md, "Klarspråk"): summaries, two or three sentences
 * full of the names of reforms and bodies, have a median LIX of 60; a warning from 50 would
 * flag 33 of 46 and be ignored, one above 60 (the scale's "mycket svår") flags the hardest
 * third. Bodies are long enough for a steady figure and run 45–54; above 55 a body is hard for
 * most readers.
 */
export const LIX_LIMITS: Readonly<Record<string, number>> = { summary: 60, body: 55 };

/** Below this many words the figure swings with one sentence: shown, but no warning. */
export const LIX_MIN_WORDS = 15;

export function lixTooHighMessage(figure: number, limit: number): string {
  return (
    `Texten har LIX ${Math.round(figure)} (${lixLevel(figure)}); sikta på högst ${limit}. ` +
    'Skriv kortare meningar och byt långa ord mot kortare, till exempel "samarbete" i stället för "samverkansarbete". ' +
    'Förklara de facktermer som behövs.'
  );
}

/** A warning when `value` (text or Portable Text) reads harder than `limit`, or undefined. */
export function lixWarning(value: unknown, limit: number): string | undefined {
  if (typeof value === 'string' ? isBlank(value) : !Array.isArray(value)) return undefined;
  const count = lixCount(value);
  if (count.words < LIX_MIN_WORDS) return undefined;
  const figure = lix(value)!;
  return Math.round(figure) > limit ? lixTooHighMessage(figure, limit) : undefined;
}
