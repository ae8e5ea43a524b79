// RSS feed of recently updated material: programmes, målbilder, delprojekt, documents and events,
// newest first.
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getCollection } from '../lib/presentation/collections.ts';
import { TYPE_LABELS } from '../lib/search/labels.ts';
import { hrefFor } from '../lib/urls.ts';

const LIMIT = 50;

export async function GET(context: APIContext) {
  const [programmes, malbilder, delprojekt, dokument, handelser] = await Promise.all([
    getCollection('programmes'),
    getCollection('malbilder'),
    getCollection('delprojekt'),
    getCollection('dokument'),
    getCollection('handelser'),
  ]);
  const items = [...programmes, ...malbilder, ...delprojekt, ...dokument, ...handelser]
    .map((entry) => entry.data)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.title.localeCompare(b.title, 'sv'))
    .slice(0, LIMIT)
    .map((doc) => ({
      title: `${TYPE_LABELS[doc._type]}: ${doc.title}`,
      link: hrefFor(doc._type, doc.slug),
      pubDate: new Date(doc.updatedAt),
      description: doc.summary ?? undefined,
      categories: [TYPE_LABELS[doc._type]],
    }));
  return rss({
    title: 'Nära vård: senast uppdaterat',
    description: 'Nytt och uppdaterat material om regionernas arbete med God och nära vård.',
    site: context.site ?? 'http://localhost:4321',
    items,
    customData: '<language>sv-se</language>',
    trailingSlash: true,
  });
}
