// A målbild: a county's or kommunalförbund's decided vision for nära vård.
import type { Document, DocumentBuilder } from '../builder.ts';
import { dateText, isoDate, randomDate } from '../dates.ts';
import { body, sentences } from '../prose.ts';
import { DECIDERS, MALBILD_PARTS } from '../vocabulary.ts';

export function malbild(builder: DocumentBuilder, m: number): Document {
  const plan = builder.plan;
  const random = builder.random;
  const region = plan.malbildRegion[m] as number;
  const decisionYear = random.between(2019, 2025);
  const horizon = random.chance(0.6) ? decisionYear + random.between(5, 11) : undefined;
  const name = builder.region(region).name;
  const title = horizon
    ? `Målbild för nära vård i ${name} ${horizon}`
    : `Gemensam målbild för Nära vård i ${name}`;
  const doc = builder.system(plan.ids.malbild[m] as string, 'malbild');
  const slug = builder.slug('malbild', title);
  doc['title'] = title;
  doc['slug'] = { _type: 'slug', current: slug };
  doc['summary'] = sentences(random, 1, 3);
  if (horizon) doc['horizonYear'] = horizon;
  if (random.chance(0.7)) doc['author'] = builder.region(region).organisation;
  const decided = randomDate(random, decisionYear);
  doc['decision'] = {
    _type: 'decision',
    decidedBy: `${random.pick(DECIDERS)} i ${name}`,
    date: isoDate(decided),
    dateText: dateText(random, decided),
    description: `Beslut om att anta målbilden för nära vård i ${name}.`,
  };
  if (random.chance(0.7)) {
    doc['parts'] = random.sample(MALBILD_PARTS, random.between(3, 5)).map((part) => ({
      _type: 'malbildPart',
      _key: builder.key(),
      title: part.title,
      text: part.text,
    }));
  }
  if (random.chance(0.6)) doc['body'] = body(builder, slug, [1, 3]);
  const children = builder.region(region).children;
  doc['regions'] = builder.refs(
    [region, ...random.sample(children, random.between(0, 3))].map((i) => builder.regionId(i)),
  );
  if (m < plan.counts.dokument) doc['sourceDocument'] = builder.ref(plan.ids.dokument[m] as string);
  doc['themes'] = builder.themes(2, 4);
  doc['sources'] = builder.sources(region);
  return doc;
}
