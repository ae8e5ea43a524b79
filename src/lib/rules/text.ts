// Text as editors type or paste it: empty-looking text, characters no page or feed can
// carry, and lengths that read badly in lists.

/** True for undefined, null, '' and text of whitespace only: all count as "not filled in". */
export function isBlank(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

// C0 controls (U+0000–U+001F) and DEL are not allowed in XML 1.0 (rss.xml, the sitemap) and
// mean nothing on a page; tab and newline are kept where text may span lines. U+FFFE/U+FFFF
// and lone surrogates are not characters at all.
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001f\u007f\ufffe\uffff]|\p{Cs}/u;
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|\p{Cs}/u;

function describeCharacter(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (character === '\t') return `en tabb (${hex})`;
  if (character === '\n' || character === '\r') return `en radbrytning (${hex})`;
  return `ett osynligt styrtecken (${hex})`;
}

/**
 * A problem with the characters of `value`, or undefined. `multiline` text (type `text`)
 * may hold newlines and tabs; a one-line field (type `string`) may not.
 */
export function textCharactersProblem(value: string, multiline = false): string | undefined {
  const match = (multiline ? MULTI_LINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN).exec(value);
  if (!match) return undefined;
  const position = match.index + 1;
  return (
    `Texten innehåller ${describeCharacter(match[0])} vid tecken ${position}, som inte kan visas på webbplatsen. ` +
    (multiline
      ? 'Ta bort det, till exempel genom att skriva om texten runt det; det kommer ofta med när man klistrar in från Word eller PDF.'
      : 'Skriv texten på en rad och ta bort tecknet; det kommer ofta med när man klistrar in från Word eller PDF.')
  );
}

export const BLANK_TEXT_MESSAGE =
  'Fältet innehåller bara mellanslag: skriv en text eller töm fältet helt.';

/** A problem with optional text: characters, and text of whitespace only (which pages would show as empty). */
export function optionalTextProblem(value: unknown, multiline = false): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  if (value.trim() === '') return BLANK_TEXT_MESSAGE;
  return textCharactersProblem(value, multiline);
}

/**
 * Soft limits on a document's own text fields, by field name: longer text still builds,
 * but reads badly where it is shown.
 */
export const FIELD_LENGTH_LIMITS: Readonly<Record<string, { max: number; where: string }>> = {
  title: { max: 150, where: 'listor, sökresultat och webbläsarens flik' },
  name: { max: 150, where: 'listor, sökresultat och webbläsarens flik' },
  summary: { max: 400, where: 'listor och sökresultat' },
  shortDescription: { max: 300, where: 'listor' },
  description: { max: 600, where: 'överst på sidan' },
};

export function tooLongMessage(length: number, max: number, where: string): string {
  return `Texten är ${length} tecken lång. Håll den kort, högst ${max} tecken: den visas i ${where}.`;
}

/** A warning for text longer than `max` characters, or undefined. */
export function lengthWarning(value: unknown, max: number, where: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const length = [...value].length;
  return length > max ? tooLongMessage(length, max, where) : undefined;
}
