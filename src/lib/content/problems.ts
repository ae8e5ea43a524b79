// Content problems: one shape for every check (dataset parsing, integrity, query results),
// reported as `_id · field path · problem`.
import type { z } from 'zod';

export type Severity = 'error' | 'warning' | 'info';

export const UNKNOWN_FIELD_MESSAGE =
  'Fältet finns inte i innehållsmodellen och visas inte på webbplatsen: ta bort det eller byt namn på det.';

export interface ContentProblem {
  /** The document's `_id`, or `<file>:<line>` for a line that is not a document. */
  id: string;
  /** Field path such as `contacts[2]._ref` or `period.end`; empty for the document as a whole. */
  path: string;
  message: string;
  severity: Severity;
}

export function formatProblem(problem: ContentProblem): string {
  return printable(`${problem.id} · ${problem.path || '(document)'} · ${problem.message}`);
}

// C0 and C1 control characters and DEL (terminal escape sequences, carriage returns, line
// breaks that would fake a line of their own), and the bidirectional overrides and isolates
// that reorder what a terminal shows.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNPRINTABLE_BUT_NEWLINE =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const escaped = (character: string) => {
  const code = character.charCodeAt(0);
  return code < 0x100
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
};

/**
 * `text` with every character that a terminal would act on instead of showing (an ANSI escape
 * sequence that hides the rest of the output, a carriage return) written as `\x1b` or `\u202e`:
 * content and the content source's answers reach the build's output only through this.
 * `keepNewlines` keeps the line breaks of a message that has lines of its own.
 */
export function printable(text: string, { keepNewlines = false } = {}): string {
  return text.replace(keepNewlines ? UNPRINTABLE_BUT_NEWLINE : UNPRINTABLE, escaped);
}

/** Formats a zod / JSON path: `['contacts', 2, '_ref']` → `contacts[2]._ref`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/** Turns zod issues into problems for one document, naming each missing field and wrong type plainly. */
export function problemsFromZod(
  id: string,
  issues: readonly z.core.$ZodIssue[],
  options: { basePath?: readonly PropertyKey[]; input?: unknown } = {},
): ContentProblem[] {
  const base = options.basePath ?? [];
  const problems: ContentProblem[] = [];
  for (const issue of issues) {
    // A union's issues hide the useful ones one level down.
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      problems.push(
        ...problemsFromZod(
          id,
          best.map((nested) => ({ ...nested, path: [...issue.path, ...nested.path] })),
          options,
        ),
      );
      continue;
    }
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({
          id,
          path: formatPath([...base, ...issue.path, key]),
          message: UNKNOWN_FIELD_MESSAGE,
          severity: 'warning',
        });
      }
      continue;
    }
    let message = issue.message;
    // Zod's own messages start "Invalid input"; the content rules give their own (Swedish).
    if (issue.code === 'invalid_type' && message.startsWith('Invalid input')) {
      const value = valueAt(options.input, issue.path);
      message =
        value === undefined || value === null
          ? 'Fyll i fältet: det krävs.'
          : `Fel sorts värde: här ska det vara ${EXPECTED[issue.expected] ?? issue.expected}, men det är ${describe(value)}.`;
    }
    problems.push({ id, path: formatPath([...base, ...issue.path]), message, severity: 'error' });
  }
  return problems;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'ett tal',
  boolean: 'ja eller nej',
  array: 'en lista',
  object: 'ett objekt',
};

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'en lista';
  if (typeof value === 'string')
    return `texten ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return `talet ${value}`;
  if (typeof value === 'boolean') return value ? 'sant' : 'falskt';
  if (typeof value === 'object') return 'ett objekt';
  return String(value);
}

/** Thrown when content cannot be built: its message lists every problem, one per line. */
export class ContentValidationError extends Error {
  readonly problems: readonly ContentProblem[];

  constructor(problems: readonly ContentProblem[], context = 'Content validation failed') {
    const errors = problems.filter((problem) => problem.severity === 'error');
    const listed = errors.length > 0 ? errors : problems;
    super(
      `${context}: ${errors.length} error${errors.length === 1 ? '' : 's'}\n` +
        listed.map((problem) => `  ${formatProblem(problem)}`).join('\n'),
    );
    this.name = 'ContentValidationError';
    this.problems = problems;
    this.errorCount = errors.length;
    // A report on the content, not a bug: the list is the message, and a stack trace (which
    // Astro would print after it) would only point into the checks.
    this.stack = '';
  }

  readonly errorCount: number;

  /**
   * A summary without the problem list: Astro adds a misleading "Browser APIs are not
   * available" hint to any error whose toString() mentions "document" or "window".
   * The full list stays in `message`.
   */
  override toString(): string {
    return `${this.name}: ${this.errorCount} content error${this.errorCount === 1 ? '' : 's'}`;
  }
}
