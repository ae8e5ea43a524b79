// Rules on running text (Portable Text, `blockContent`): the characters of its spans and
// the marks its spans use.
import { textCharactersProblem } from './text.ts';

export const DECORATORS = ['strong', 'em'] as const;

export interface BlockLike {
  _key?: unknown;
  markDefs?: readonly { _key?: unknown; _type?: unknown }[] | null | undefined;
  children?:
    | readonly { _key?: unknown; text?: unknown; marks?: readonly unknown[] | null | undefined }[]
    | null
    | undefined;
}

export interface BlockProblem {
  /** Index of the child (span) in the block, and of the mark in the span when it is the mark. */
  child: number;
  mark?: number;
  message: string;
}

export function unknownMarkMessage(mark: string): string {
  return `Markeringen "${mark}" är varken fet, kursiv eller en länk i stycket: ta bort den.`;
}

/** Problems in one block: characters no page can carry, and marks that mean nothing. */
export function blockProblems(block: BlockLike): BlockProblem[] {
  const problems: BlockProblem[] = [];
  const defined = new Set((block.markDefs ?? []).map((mark) => mark._key));
  (block.children ?? []).forEach((child, index) => {
    if (typeof child.text === 'string') {
      const message = textCharactersProblem(child.text, true);
      if (message) problems.push({ child: index, message });
    }
    (child.marks ?? []).forEach((mark, markIndex) => {
      if (typeof mark !== 'string') return;
      if (!defined.has(mark) && !(DECORATORS as readonly string[]).includes(mark))
        problems.push({ child: index, mark: markIndex, message: unknownMarkMessage(mark) });
    });
  });
  return problems;
}

/** The annotations that make a link: an address, or another document of the site. */
export const LINK_ANNOTATIONS = ['link', 'internalLink'] as const;

/**
 * Link texts that say nothing about where the link goes (WCAG 2.4.4, Link Purpose): a screen
 * reader's list of links reads them alone. Compared in lower case, without surrounding
 * punctuation.
 */
export const VAGUE_LINK_TEXTS: ReadonlySet<string> = new Set([
  'här',
  'klicka här',
  'klicka',
  'tryck här',
  'läs mer',
  'läs mer här',
  'läs här',
  'mer',
  'mer info',
  'mer information',
  'länk',
  'länken',
  'denna länk',
  'den här länken',
  'se här',
  'click here',
  'here',
  'read more',
  'link',
]);

export function vagueLinkTextMessage(text: string): string {
  return (
    `Länktexten "${text}" säger inte vart länken går, och skärmläsare läser ofta upp länkar utan texten runt dem. ` +
    'Skriv vad läsaren kommer till, till exempel "Slutrapporten för delprojekt 1 (PDF)" eller "Göteborgsregionens sida om Vårdens medarbetare".'
  );
}

function normaliseLinkText(text: string): string {
  return text
    .toLocaleLowerCase('sv')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
}

/**
 * Links in one block whose whole text is vague ("läs mer"): one problem per link, on its first
 * span. A link's text is the text of every span carrying its mark.
 */
export function vagueLinkProblems(block: BlockLike): BlockProblem[] {
  const problems: BlockProblem[] = [];
  // Any field may hold anything in a document the check has not accepted yet: what is not a
  // list of objects carries no link (the shape is reported by the other rules).
  const objects = <T>(value: unknown): T[] =>
    Array.isArray(value) ? value.filter((item) => item !== null && typeof item === 'object') : [];
  const markDefs = objects<{ _key?: unknown; _type?: unknown }>(block.markDefs);
  const children: unknown[] = Array.isArray(block.children) ? block.children : [];
  const links = markDefs.filter(
    (mark) =>
      typeof mark._key === 'string' &&
      (LINK_ANNOTATIONS as readonly unknown[]).includes(mark._type),
  );
  for (const link of links) {
    let text = '';
    let first: number | undefined;
    children.forEach((child, index) => {
      if (child === null || typeof child !== 'object') return;
      const { marks, text: spanText } = child as { marks?: unknown; text?: unknown };
      if (!Array.isArray(marks) || !marks.includes(link._key)) return;
      first ??= index;
      text += typeof spanText === 'string' ? spanText : '';
    });
    if (first === undefined) continue;
    if (VAGUE_LINK_TEXTS.has(normaliseLinkText(text)))
      problems.push({ child: first, message: vagueLinkTextMessage(text.trim()) });
  }
  return problems;
}
