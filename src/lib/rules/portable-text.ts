// Rules on running text (Portable Text, `blockContent`): the characters of its spans and
// the marks its spans use.
import { textCharactersProblem } from './text.ts';

export const DECORATORS = ['strong', 'em'] as const;

export interface BlockLike {
  _key?: unknown;
  markDefs?: readonly { _key?: unknown }[] | null | undefined;
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
