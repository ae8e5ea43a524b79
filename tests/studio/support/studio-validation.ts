// The Studio's own validation, in-process: the schema types of sanity/schemaTypes compiled
// as the Studio compiles them (createSchema), checked by Sanity's validateDocument, with a
// stand-in Content Lake (groq-js over the same documents) for the rules that ask it (unique
// slugs, the region tree) and for reference existence. `environment: 'cli'` is what
// `sanity documents validate` runs (it adds warnings for unknown fields); 'studio' is the form.
import { evaluate, parse } from 'groq-js';
import { createSchema, validateDocument, type SanityClient, type SanityDocument } from 'sanity';
import { schemaTypes } from '../../../sanity/schemaTypes/index.ts';

export type StudioMarker = {
  level: 'error' | 'warning' | 'info';
  /** Sanity's marker code, such as `object.unknown-field` or `custom`. */
  code: string;
  message: string;
  path: (string | number | { _key: string } | [number | '', number | ''])[];
};

const schema = createSchema({ name: 'default', types: schemaTypes });

// Built-in messages come out as their i18n keys: the verdict is what is compared, and
// every message of the project's own rules is written out in Swedish already.
const i18n = {
  currentLocale: { id: 'sv-SE' },
  loadNamespaces: async () => {},
  t: ((key: string, options?: Record<string, unknown>) =>
    options ? `${key} ${JSON.stringify(options)}` : key) as never,
};

type Doc = { _id: string; _type: string; [field: string]: unknown };

/** A client that answers GROQ over `documents`, as the Content Lake would. */
function standInClient(documents: readonly Doc[]): SanityClient {
  // The documents do not change while the client lives, so each answer is kept: the region
  // tree and every reference's target are asked for again and again.
  const answers = new Map<string, Promise<unknown>>();
  const client = {
    fetch(query: string, params?: Record<string, unknown>) {
      const key = `${query}\u0000${JSON.stringify(params ?? {})}`;
      let answer = answers.get(key);
      if (answer === undefined) {
        answer = (async () => {
          const result = await evaluate(parse(query), {
            dataset: documents as never,
            params: params ?? {},
          });
          return result.get();
        })();
        answers.set(key, answer);
      }
      return answer;
    },
    withConfig() {
      return client;
    },
    config() {
      return { apiVersion: 'v2025-02-19', dataset: 'production', projectId: 'no-project-id' };
    },
  };
  return client as unknown as SanityClient;
}

export interface StudioValidator {
  validate(document: Doc, environment?: 'cli' | 'studio'): Promise<StudioMarker[]>;
}

/**
 * A validator over one set of documents: the Content Lake's published documents. The
 * document validated is the one in the form, which may differ from its published version.
 */
export function studioValidator(documents: readonly Doc[]): StudioValidator {
  const client = standInClient(documents);
  const published = new Set(documents.map((document) => document._id));
  return {
    async validate(document, environment = 'studio') {
      const markers = await validateDocument({
        document: document as unknown as SanityDocument,
        workspace: { schema, getClient: () => client, i18n } as never,
        getDocumentExists: async ({ id }) => published.has(id),
        environment,
        maxCustomValidationConcurrency: 50,
      });
      return markers.map((marker) => ({
        level: marker.level,
        code: String((marker as { code?: unknown }).code ?? ''),
        message: marker.message,
        path: marker.path as StudioMarker['path'],
      }));
    },
  };
}
