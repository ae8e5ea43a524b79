// Adds the shared text rules (src/lib/rules/text.ts) to every text field of the schema in one
// place, so that no field can be left out: characters no page or feed can carry, whitespace
// only, and the soft length limits of titles, summaries and descriptions. The build's check
// applies the same rules to the same fields (src/lib/content/documents.ts).
import type { Rule } from 'sanity';
import {
  FIELD_LENGTH_LIMITS,
  lengthWarning,
  optionalTextProblem,
} from '../../src/lib/rules/index.ts';

type Validation = (rule: Rule) => unknown;
interface FieldLike {
  name?: string;
  type: string;
  validation?: Validation;
  options?: { list?: unknown };
  of?: FieldLike[];
  fields?: FieldLike[];
}

function withRules(field: FieldLike, extra: (rule: Rule) => unknown[]): FieldLike {
  const original = field.validation;
  return {
    ...field,
    validation: (rule: Rule) => {
      const own = original ? original(rule) : [];
      return [...(Array.isArray(own) ? own : [own]), ...extra(rule)];
    },
  };
}

function textField(field: FieldLike, topLevel: boolean): FieldLike {
  const multiline = field.type === 'text';
  const limit = topLevel && field.name ? FIELD_LENGTH_LIMITS[field.name] : undefined;
  return withRules(field, (rule) => [
    rule.custom((value: unknown) => optionalTextProblem(value, multiline) ?? true),
    ...(limit
      ? [
          rule
            .custom((value: unknown) => lengthWarning(value, limit.max, limit.where) ?? true)
            .warning(),
        ]
      : []),
  ]);
}

/** Addresses have their own rule (urlProblem), which also refuses control characters. */
const ADDRESS_FIELDS = new Set(['url', 'website', 'portraitUrl', 'href']);

function visit(field: FieldLike, topLevel: boolean): FieldLike {
  if (field.name && ADDRESS_FIELDS.has(field.name)) return field;
  if ((field.type === 'string' || field.type === 'text') && !field.options?.list)
    return textField(field, topLevel);
  if (field.type === 'array' && field.of)
    return { ...field, of: field.of.map((member) => visit(member, false)) };
  if (field.type === 'object' && field.fields)
    return { ...field, fields: field.fields.map((child) => visit(child, false)) };
  return field;
}

/** A document or object type with the text rules added to each of its text fields. */
export function withTextRules<T>(type: T): T {
  const typed = type as unknown as FieldLike & { type: string };
  if (!typed.fields) return type;
  const topLevel = typed.type === 'document';
  return { ...typed, fields: typed.fields.map((field) => visit(field, topLevel)) } as unknown as T;
}
