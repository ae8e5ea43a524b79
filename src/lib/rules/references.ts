// Which document types each reference field may point at, read from the schema the Studio
// itself extracts (`sanity schema extract`, src/lib/sanity.schema.json): reference attributes
// there carry `dereferencesTo`. No second table to keep in step by hand.

/** Field paths of one document type (`regions[]`, `decision.document`) → allowed target types. */
export type ReferenceTargets = Readonly<Record<string, Record<string, readonly string[]>>>;

interface SchemaNode {
  type: string;
  name?: string;
  value?: unknown;
  of?: unknown;
  attributes?: Record<string, { value: SchemaNode }>;
  rest?: SchemaNode;
  dereferencesTo?: string;
}

interface SchemaEntry {
  type: string;
  name: string;
  attributes?: Record<string, { value: SchemaNode }>;
  value?: SchemaNode;
}

/** `['regions', 3, '_ref']` → `regions[]`: the schema path of a reference in a document. */
export function referenceFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (segment === '_ref') break;
    if (typeof segment === 'number') out += '[]';
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

export function referenceTargetsFromSchema(schema: readonly SchemaEntry[]): ReferenceTargets {
  const named = new Map(schema.map((entry) => [entry.name, entry]));
  const result: Record<string, Record<string, string[]>> = {};

  function visit(
    node: SchemaNode | undefined,
    path: string,
    into: Record<string, string[]>,
    seen: Set<string>,
  ): void {
    if (!node) return;
    if (node.type === 'inline' && node.name) {
      if (seen.has(node.name)) return;
      const entry = named.get(node.name);
      if (!entry) return;
      const next = new Set(seen).add(node.name);
      if (entry.type === 'type') visit(entry.value, path, into, next);
      else visit({ type: 'object', attributes: entry.attributes ?? {} }, path, into, next);
      return;
    }
    if (node.dereferencesTo) {
      // Assets are system documents, checked by their own rules.
      if (!node.dereferencesTo.startsWith('sanity.'))
        into[path] = [...new Set([...(into[path] ?? []), node.dereferencesTo])].sort();
      return;
    }
    if (node.type === 'union' && Array.isArray(node.of)) {
      for (const member of node.of as SchemaNode[]) visit(member, path, into, seen);
      return;
    }
    if (node.type === 'array') {
      visit(node.of as SchemaNode, `${path}[]`, into, seen);
      return;
    }
    if (node.type === 'object') {
      for (const [name, attribute] of Object.entries(node.attributes ?? {})) {
        if (name.startsWith('_')) continue;
        visit(attribute.value, path === '' ? name : `${path}.${name}`, into, seen);
      }
      if (node.rest) visit(node.rest, path, into, seen);
    }
  }

  for (const entry of schema) {
    if (entry.type !== 'document' || entry.name.startsWith('sanity.')) continue;
    const into: Record<string, string[]> = {};
    visit({ type: 'object', attributes: entry.attributes ?? {} }, '', into, new Set([entry.name]));
    result[entry.name] = into;
  }
  return result;
}

export function referenceTargetMessage(
  allowed: readonly string[],
  actual: string,
  ref: string,
): string {
  return `Referensen pekar på "${ref}", som är av typen ${actual}, men här får bara ${allowed.join(' eller ')} väljas. Välj ett dokument av rätt typ.`;
}

export function missingReferenceMessage(
  ref: string,
  why: 'draft' | 'only-draft' | 'unknown-type' | 'missing',
): string {
  switch (why) {
    case 'draft':
      return `Referensen pekar på utkastet "${ref}", som aldrig publiceras: välj det publicerade dokumentet.`;
    case 'only-draft':
      return `Referensen pekar på "${ref}", som bara finns som utkast: publicera det först eller välj ett annat dokument.`;
    case 'unknown-type':
      return `Referensen pekar på "${ref}", som är av en typ som webbplatsen inte visar: välj ett annat dokument.`;
    case 'missing':
      return `Referensen pekar på "${ref}", som inte finns: välj ett dokument som finns eller ta bort referensen.`;
  }
}
