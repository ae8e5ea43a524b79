// A källa: a synthetic source page at example.org, published by a region.
import type { Document, DocumentBuilder } from '../builder.ts';
import { isoDate, randomDate } from '../dates.ts';
import { TOPICS } from '../vocabulary.ts';

export function kalla(builder: DocumentBuilder, k: number): Document {
  const plan = builder.plan;
  const region = plan.kallaRegion[k] as number;
  const topic = builder.random.pick(TOPICS);
  const title = `Syntetisk källsida ${k + 1}: ${topic} – ${builder.region(region).organisation}`;
  const doc = builder.system(plan.ids.kalla[k] as string, 'kalla');
  const slug = builder.slug('kalla', `syntetisk ${k + 1} ${topic}`);
  doc['title'] = title;
  doc['slug'] = { _type: 'slug', current: slug };
  doc['publisher'] = builder.region(region).organisation;
  doc['publisherRegion'] = builder.ref(builder.regionId(region));
  doc['url'] = `https://example.org/syntetisk/${slug}`;
  if (builder.random.chance(0.6))
    doc['lastUpdated'] = isoDate(randomDate(builder.random, builder.random.between(2019, 2026)));
  doc['note'] =
    `Syntetisk källsida för prestandatester (seed ${builder.seed}); ingen verklig webbsida.`;
  return doc;
}
