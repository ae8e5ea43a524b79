// Adds the shared rules that every field of a kind gets to every such field of the schema, in
// one place, so that no field can be left out:
// - text: characters no page or feed can carry, whitespace only, and the soft length limits
//   of titles, summaries and descriptions (src/lib/rules/text.ts);
// - references: the target has a type the field allows (src/lib/rules/references.ts);
//   Sanity itself checks only that the target exists and is published;
// - readability: a document's summary and body show their LIX figure as the editor types
//   and warn above LIX_LIMITS (src/lib/rules/lix.ts).
// The build's check applies the same rules to the same fields (src/lib/content/).
import type { Rule, ValidationContext } from 'sanity';
import {
  FIELD_LENGTH_LIMITS,
  lengthWarning,
  LIX_LIMITS,
  lixWarning,
  optionalTextProblem,
  referenceTargetMessage,
  SANITY_API_VERSION,
} from '../../src/lib/rules/index.ts';
import { lixInput } from '../components/LixInput';
import blockContent from './objects/blockContent';

type Validation = (rule: Rule) => unknown;
interface FieldLike {
  name?: string;
  type: string;
  validation?: Validation;
  options?: { list?: unknown };
  of?: FieldLike[];
  fields?: FieldLike[];
  to?: { type: string }[];
  components?: Record<string, unknown>;
}

const TARGET_QUERY = '*[_id == $id][0]{_type}';

/** A reference's target is of a type the field allows (Sanity checks only that it exists). */
function referenceRules(allowed: string[]) {
  return (rule: Rule) => [
    rule.custom(async (value: unknown, context: ValidationContext) => {
      const ref = (value as { _ref?: unknown } | undefined)?._ref;
      if (typeof ref !== 'string' || ref === '') return true;
      // Not in `sanity documents validate`: a query per reference runs past its 30 s limit per
      // document when the Content Lake is out of reach (offline runs, tests/studio/). The
      // form checks it, and so does the build.
      if (context.environment === 'cli') return true;
      let target: { _type?: string } | null;
      try {
        target = await context
          .getClient({ apiVersion: SANITY_API_VERSION })
          .fetch(TARGET_QUERY, { id: ref });
      } catch {
        // Offline (the CLI without the Content Lake): Sanity's own existence check reports it.
        return true;
      }
      if (!target?._type) return true;
      return allowed.includes(target._type)
        ? true
        : referenceTargetMessage(allowed, target._type, ref);
    }),
  ];
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

/** A document's own summary or body: its LIX under the input, and a warning above the limit. */
function withLix(field: FieldLike, topLevel: boolean): FieldLike {
  const limit = topLevel && field.name ? LIX_LIMITS[field.name] : undefined;
  if (limit === undefined) return field;
  return withRules(
    { ...field, components: { ...field.components, input: lixInput(limit) } },
    (rule) => [rule.custom((value: unknown) => lixWarning(value, limit) ?? true).warning()],
  );
}

function textField(field: FieldLike, topLevel: boolean): FieldLike {
  const multiline = field.type === 'text';
  const limit = topLevel && field.name ? FIELD_LENGTH_LIMITS[field.name] : undefined;
  const checked = withRules(field, (rule) => [
    rule.custom((value: unknown) => optionalTextProblem(value, multiline) ?? true),
    ...(limit
      ? [
          rule
            .custom((value: unknown) => lengthWarning(value, limit.max, limit.where) ?? true)
            .warning(),
        ]
      : []),
  ]);
  return withLix(checked, topLevel);
}

/** Addresses have their own rule (urlProblem), which also refuses control characters. */
const ADDRESS_FIELDS = new Set(['url', 'website', 'portraitUrl', 'href']);

function visit(field: FieldLike, topLevel: boolean): FieldLike {
  if (field.type === 'reference' && field.to)
    return withRules(field, referenceRules(field.to.map((target) => target.type)));
  if (field.name && ADDRESS_FIELDS.has(field.name)) return field;
  if ((field.type === 'string' || field.type === 'text') && !field.options?.list)
    return textField(field, topLevel);
  // A field's validation replaces its type's: keep blockContent's own rules beside the LIX one.
  if (field.type === 'blockContent')
    return withLix(
      { ...field, validation: field.validation ?? (blockContent.validation as Validation) },
      topLevel,
    );
  if (field.type === 'array' && field.of)
    return { ...field, of: field.of.map((member) => visit(member, false)) };
  if (field.type === 'object' && field.fields)
    return { ...field, fields: field.fields.map((child) => visit(child, false)) };
  return field;
}

/** A document or object type with the shared rules added to each of its fields. */
export function withFieldRules<T>(type: T): T {
  const typed = type as unknown as FieldLike & { type: string };
  if (!typed.fields) return type;
  const topLevel = typed.type === 'document';
  return { ...typed, fields: typed.fields.map((field) => visit(field, topLevel)) } as unknown as T;
}
