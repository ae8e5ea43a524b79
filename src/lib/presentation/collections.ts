// The content collections as the pages read them. In `npm run build` (scripts/build.ts) the
// entries come straight from the content check's file (src/lib/content/handover.ts), parsed once
// in Astro's process and shared by every page: Astro's loader stores nothing then. Astro's data
// store would serialise all entries with devalue, bundle them into a module and parse that again
// before the first page renders: 21 MB and ~7 s at 10,000 documents (docs/performance.md).
// Elsewhere (`astro dev`) the loader stores the entries and they come from Astro's
// getCollection. The data is the same JSON either way.
//
// Every page and component reads the Sanity collections through this getCollection, never
// Astro's: in a build, Astro's store has none of their entries.
import { getCollection as astroGetCollection, type CollectionEntry } from 'astro:content';
import { checkedContent } from '../content/handover.ts';
import type { CollectionName } from '../content/schemas.ts';

const fromCheck = new Map<CollectionName, Promise<unknown[]>>();
const entryData = new WeakSet<object>();

/** Whether `value` is the data of an entry of a Sanity collection (cache-keys.ts digests it once). */
export function isEntryData(value: object): boolean {
  return entryData.has(value);
}

/** Every entry of a Sanity collection, in the order of its query. */
export async function getCollection<C extends CollectionName>(
  collection: C,
): Promise<CollectionEntry<C>[]> {
  const checked = checkedContent(process.env);
  if (!checked) {
    const entries = await astroGetCollection(collection);
    for (const entry of entries) entryData.add(entry.data);
    return entries;
  }
  let entries = fromCheck.get(collection);
  if (!entries) {
    entries = checked.then((content) => {
      const found = content[collection];
      if (!found) throw new Error(`The checked content has no ${collection} collection`);
      return found.map(({ id, data }) => {
        entryData.add(data);
        return { id, collection, data };
      });
    });
    fromCheck.set(collection, entries);
  }
  // A list of its own for each caller, as Astro's getCollection gives: a caller may sort it.
  return [...(await entries)] as CollectionEntry<C>[];
}
