// GROQ over an in-memory dataset, with indexes. groq-js evaluates `*[filter]` by testing every
// document, and `ref->` by scanning for the id, so the collection queries' reverse relations
// (`*[_type == "dokument" && publisherRegion._ref == ^._id]` inside a projection over every
// region) cost documents × documents: 4 minutes at 1,000 documents, hours at 10,000.
//
// This module gives groq-js what a database has: indexes. It rewrites the parsed query so that
// `*` at the base of a filter becomes the candidates an index finds for one of the filter's
// conditions (`_type == "x"`, `_id == E`, `_id in E`, `a._ref == E`, `E in a[]._ref`,
// `references(E)`, or an `||` of such on one index, where E does not depend on the document
// tested). The original filter still runs on every candidate, and candidates keep the dataset's
// order, so the result is the one plain groq-js gives: an index only skips documents that
// cannot match. The lookup goes through groq-js's public `dereference` option: the rewritten
// base is `{"_ref": "<index key>"}->`, and the same hook answers ordinary `->` from an id map.
import { evaluate, evaluateSync, parse, type ExprNode } from 'groq-js';

/** Marks a `_ref` as an index lookup; ids never contain control characters. */
const INDEX_KEY = '\u0000naravard-index\u0002';
const FIELD_SEPARATOR = '\u0002';
const VALUE_SEPARATOR = '\u0001';
/** The key's value part when the lookup values were not a list of scalars: use every document. */
const EVERYTHING = '\u0004';
/** Stands for a null lookup value (`a._ref == null` is true where `a._ref` is missing). */
const NULL_VALUE = '\u0005';

type Document = Record<string, unknown> & { _id: string; _type: string };

/** A condition an index answers: the index's name and an expression (in the filter's outer scope) for the values looked up. */
interface Lookup {
  index: string;
  /** Array elements whose values (splat or single) are looked up. */
  values: Array<{ value: ExprNode; isSplat: boolean }>;
  /** False for `_type == "literal"`: any lookup that depends on the outer document is narrower. */
  dynamic: boolean;
}

/** `_type`, `_id` or another attribute read from the document tested (no base, or `@`). */
function ownAttribute(node: ExprNode): string | undefined {
  if (node.type !== 'AccessAttribute') return undefined;
  return node.base === undefined || node.base.type === 'This' ? node.name : undefined;
}

/** `a.b` as ['a', 'b'], read from the document tested. */
function attributePath(node: ExprNode): string[] | undefined {
  if (node.type !== 'AccessAttribute') return undefined;
  if (node.base === undefined || node.base.type === 'This') return [node.name];
  const base = attributePath(node.base);
  return base ? [...base, node.name] : undefined;
}

/** `a.b._ref` → 'a.b'. */
function referencePath(node: ExprNode): string | undefined {
  if (node.type !== 'AccessAttribute' || node.name !== '_ref' || node.base === undefined)
    return undefined;
  const path = attributePath(node.base);
  return path ? path.join('.') : undefined;
}

/** `a.b[]._ref` (parsed as a Map over `a.b[]` of `@._ref`) → 'a.b[]'. */
function referenceArrayPath(node: ExprNode): string | undefined {
  if (node.type !== 'Map' || node.base.type !== 'ArrayCoerce') return undefined;
  const item = node.expr;
  if (
    item.type !== 'AccessAttribute' ||
    item.name !== '_ref' ||
    (item.base !== undefined && item.base.type !== 'This')
  ) {
    return undefined;
  }
  const path = attributePath(node.base.base);
  return path ? `${path.join('.')}[]` : undefined;
}

/** Reads only the map item (`@.a._ref`, `a`): safe to move with its Map. */
function itemOnly(node: ExprNode): boolean {
  if (node.type === 'This' || node.type === 'Value') return true;
  if (node.type === 'AccessAttribute') return node.base === undefined || itemOnly(node.base);
  return false;
}

/**
 * The expression as it reads in the filter's outer scope (where the base is evaluated), or
 * undefined when it reads the document tested: `^.x` becomes `@.x`, `^.^.x` becomes `^.x`.
 */
function outer(node: ExprNode): ExprNode | undefined {
  switch (node.type) {
    case 'Value':
    case 'Parameter':
      return node;
    case 'Parent':
      return node.n === 1 ? { type: 'This' } : { type: 'Parent', n: node.n - 1 };
    case 'AccessAttribute': {
      if (node.base === undefined) return undefined;
      const base = outer(node.base);
      return base && { ...node, base };
    }
    case 'Deref':
    case 'ArrayCoerce':
    case 'Group': {
      const base = outer(node.base);
      return base && ({ ...node, base } as ExprNode);
    }
    case 'Map': {
      const base = outer(node.base);
      return base && itemOnly(node.expr) ? { ...node, base } : undefined;
    }
    default:
      return undefined;
  }
}

const single = (value: ExprNode) => [{ value, isSplat: false }];

/** An index lookup that finds every document `condition` can be true for, if there is one. */
function lookupFor(condition: ExprNode): Lookup | undefined {
  switch (condition.type) {
    case 'Group':
      return lookupFor(condition.base);
    case 'And': {
      const left = lookupFor(condition.left);
      const right = lookupFor(condition.right);
      if (left && right) return !left.dynamic && right.dynamic ? right : left;
      return left ?? right;
    }
    case 'Or': {
      const left = lookupFor(condition.left);
      const right = lookupFor(condition.right);
      if (!left || !right || left.index !== right.index) return undefined;
      return {
        index: left.index,
        values: [...left.values, ...right.values],
        dynamic: left.dynamic || right.dynamic,
      };
    }
    case 'FuncCall': {
      if (
        condition.namespace !== 'global' ||
        condition.name !== 'references' ||
        condition.args.length === 0
      )
        return undefined;
      const args = (condition.args as ExprNode[]).map(outer);
      if (args.some((arg: ExprNode | undefined) => arg === undefined)) return undefined;
      return { index: 'references', values: (args as ExprNode[]).flatMap(single), dynamic: true };
    }
    case 'OpCall':
      return condition.op === '=='
        ? (equalityLookup(condition.left, condition.right) ??
            equalityLookup(condition.right, condition.left))
        : condition.op === 'in'
          ? membershipLookup(condition.left, condition.right)
          : undefined;
    default:
      return undefined;
  }
}

/** `field == E` for `_type`, `_id` or `a._ref`. */
function equalityLookup(field: ExprNode, other: ExprNode): Lookup | undefined {
  const value = outer(other);
  if (!value) return undefined;
  const dynamic = value.type !== 'Value';
  const own = ownAttribute(field);
  if (own === '_type' || own === '_id') return { index: own, values: single(value), dynamic };
  const path = referencePath(field);
  return path ? { index: `ref:${path}`, values: single(value), dynamic } : undefined;
}

/** `_type in E`, `_id in E` or `E in a[]._ref`. */
function membershipLookup(left: ExprNode, right: ExprNode): Lookup | undefined {
  const own = ownAttribute(left);
  if (own === '_type' || own === '_id') {
    type Element = { value: ExprNode | undefined; isSplat: boolean };
    const values: Element[] =
      right.type === 'Array'
        ? (right.elements as Array<{ value: ExprNode; isSplat: boolean }>).map((element) => ({
            value: outer(element.value),
            isSplat: element.isSplat,
          }))
        : [{ value: outer(right), isSplat: true }];
    if (values.some((element: Element) => element.value === undefined)) return undefined;
    const dynamic = values.some((element: Element) => element.value?.type !== 'Value');
    return { index: own, values: values as Lookup['values'], dynamic };
  }
  const path = referenceArrayPath(right);
  const value = outer(left);
  return path && value
    ? { index: `ref:${path}`, values: single(value), dynamic: value.type !== 'Value' }
    : undefined;
}

const call = (namespace: string, name: string, args: ExprNode[]): ExprNode =>
  ({ type: 'FuncCall', namespace, name, args }) as ExprNode;
const literal = (value: string): ExprNode => ({ type: 'Value', value });

/**
 * `{"_ref": INDEX_KEY + index + sep + coalesce(array::join([values], sep), EVERYTHING)}->`, with
 * each single value as `coalesce(E, NULL_VALUE)`. A splat adds nothing unless it is an array,
 * as `_id in E` matches nothing then; a list holding null or an object cannot be joined: every
 * document is a candidate.
 */
function lookupNode(lookup: Lookup): ExprNode {
  const values: ExprNode = {
    type: 'Array',
    elements: lookup.values.map(({ value, isSplat }) => ({
      type: 'ArrayElement',
      value: isSplat ? value : call('global', 'coalesce', [value, literal(NULL_VALUE)]),
      isSplat,
    })),
  };
  const joined = call('global', 'coalesce', [
    call('array', 'join', [values, literal(VALUE_SEPARATOR)]),
    literal(EVERYTHING),
  ]);
  const key: ExprNode = {
    type: 'OpCall',
    op: '+',
    left: literal(`${INDEX_KEY}${lookup.index}${FIELD_SEPARATOR}`),
    right: joined,
  };
  return {
    type: 'Deref',
    base: {
      type: 'Object',
      attributes: [{ type: 'ObjectAttributeValue', name: '_ref', value: key }],
    },
  };
}

/**
 * The query with `*` under every indexable filter replaced by an index lookup. A filter
 * evaluated in a map's hidden scope (the body of `a[]…`) is left alone: there `^` of its
 * documents is not the scope it is evaluated in.
 */
export function withIndexes(node: ExprNode): ExprNode {
  const isNode = (value: unknown): value is ExprNode =>
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    typeof (value as { type?: unknown }).type === 'string';
  const visit = (current: ExprNode, hidden: boolean): ExprNode => {
    // A Value holds data (a parameter's object may have a `type` too): never rewritten.
    if (current.type === 'Value') return current;
    const copy: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(current)) {
      // Filter and projection bodies get a scope of their own; map bodies a hidden one.
      const inner =
        field === 'expr' && (current.type === 'Map' || current.type === 'FlatMap')
          ? true
          : field === 'expr' && (current.type === 'Filter' || current.type === 'Projection')
            ? false
            : hidden;
      if (Array.isArray(value))
        copy[field] = value.map((item: unknown) => (isNode(item) ? visit(item, inner) : item));
      else copy[field] = isNode(value) ? visit(value, inner) : value;
    }
    if (current.type === 'Filter' && current.base.type === 'Everything' && !hidden) {
      const lookup = lookupFor(current.expr);
      if (lookup) copy['base'] = lookupNode(lookup);
    }
    return copy as unknown as ExprNode;
  };
  return visit(node, false);
}

/** Index contents: value → documents in dataset order; NULL_VALUE holds those where the value is null. */
type Index = Map<string, Document[]>;

function attribute(value: unknown, name: string): unknown {
  return value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.hasOwn(value, name)
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

function collectReferences(value: unknown, found: (ref: string) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) collectReferences(item, found);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '_ref' && typeof item === 'string') found(item);
      else collectReferences(item, found);
    }
  }
}

/**
 * The index `name` over `documents`, or undefined when a value could be told apart from another
 * only by its type (a number `_ref`) or could be mistaken for a marker: then every document is
 * a candidate, and the filter alone decides.
 */
function buildIndex(name: string, documents: Document[]): Index | undefined {
  const index: Index = new Map();
  let exact = true;
  const add = (value: unknown, document: Document) => {
    if (value === undefined || value === null) value = NULL_VALUE;
    else if (
      typeof value !== 'string' ||
      value === NULL_VALUE ||
      value === EVERYTHING ||
      value.includes(VALUE_SEPARATOR)
    ) {
      exact = false;
      return;
    }
    const list = index.get(value as string);
    if (list === undefined) index.set(value as string, [document]);
    else if (list[list.length - 1] !== document) list.push(document);
  };
  for (const document of documents) {
    if (name === '_type' || name === '_id') {
      add(attribute(document, name), document);
    } else if (name === 'references') {
      // `references()` compares strings only, and never matches null.
      collectReferences(document, (ref) => {
        if (ref !== NULL_VALUE && ref !== EVERYTHING && !ref.includes(VALUE_SEPARATOR))
          add(ref, document);
      });
    } else {
      const path = name.slice('ref:'.length);
      const each = path.endsWith('[]');
      let value: unknown = document;
      for (const part of (each ? path.slice(0, -2) : path).split('.'))
        value = attribute(value, part);
      // `E in a[]._ref` needs `a` to be an array; a missing item `_ref` is null there.
      if (!each) add(attribute(value, '_ref'), document);
      else if (Array.isArray(value))
        for (const item of value) add(attribute(item, '_ref'), document);
    }
    if (!exact) return undefined;
  }
  return index;
}

export interface IndexedDataset {
  /** Runs a GROQ query and returns its result, as `evaluate(parse(query))` over the dataset would. */
  query<T = unknown>(query: string, params?: Record<string, unknown>): Promise<T>;
}

/** An indexed view of `documents` (which it must not outlive changes to). */
export function indexedDataset(documents: ReadonlyArray<Record<string, unknown>>): IndexedDataset {
  const dataset = documents as Document[];
  const position = new Map<Document, number>(dataset.map((document, at) => [document, at]));
  const byId = new Map<string, Document>();
  for (const document of dataset) if (!byId.has(document._id)) byId.set(document._id, document);
  const indexes = new Map<string, Index | undefined>();
  const indexNamed = (name: string): Index | undefined => {
    if (!indexes.has(name)) indexes.set(name, buildIndex(name, dataset));
    return indexes.get(name);
  };

  const candidates = (key: string): Document[] => {
    const separator = key.indexOf(FIELD_SEPARATOR, INDEX_KEY.length);
    const name = key.slice(INDEX_KEY.length, separator);
    const values = key.slice(separator + 1);
    const index = values === EVERYTHING ? undefined : indexNamed(name);
    if (!index) return dataset;
    if (values === '') return [];
    const lists = [...new Set(values.split(VALUE_SEPARATOR))].map(
      (value) => index.get(value) ?? [],
    );
    if (lists.length === 1) return lists[0] as Document[];
    const union = [...new Set(lists.flat())];
    return union.sort((a, b) => (position.get(a) as number) - (position.get(b) as number));
  };

  const dereference = ({ _ref }: { _ref: string }) =>
    _ref.startsWith(INDEX_KEY) ? candidates(_ref) : (byId.get(_ref) ?? null);
  const plans = new Map<string, ExprNode>();

  return {
    async query<T>(query: string, params: Record<string, unknown> = {}): Promise<T> {
      const cacheKey = `${query}\u0000${JSON.stringify(params)}`;
      let tree = plans.get(cacheKey);
      if (!tree) {
        tree = withIndexes(parse(query, { params }));
        plans.set(cacheKey, tree);
      }
      const options = { dataset, params, dereference };
      // The synchronous evaluator is several times faster; queries it cannot run go async.
      try {
        return evaluateSync(tree, options).get() as T;
      } catch {
        return (await (await evaluate(tree, options)).get()) as T;
      }
    },
  };
}
