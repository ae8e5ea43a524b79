// A programme: a region's work on nära vård, with period, status, financing and what belongs
// to it.
import type { Document, DocumentBuilder } from '../builder.ts';
import { body, sentences } from '../prose.ts';
import { FUNDERS, TOPICS } from '../vocabulary.ts';

export function programme(builder: DocumentBuilder, p: number): Document {
  const plan = builder.plan;
  const random = builder.random;
  const owner = plan.programmeOwner[p] as number;
  const ownerRegion = builder.region(owner);
  const topic = random.pick(TOPICS);
  const title = random.chance(0.5)
    ? `${topic} i ${ownerRegion.name}`
    : `${topic} – ${ownerRegion.name}`;
  const doc = builder.system(plan.ids.programme[p] as string, 'programme');
  const slug = builder.slug('programme', `${ownerRegion.slug} ${topic}`);
  doc['title'] = title;
  doc['slug'] = { _type: 'slug', current: slug };
  doc['summary'] = sentences(random, 1, 3);
  doc['body'] = body(builder, slug, [2, 4]);
  const start = plan.programmeStart[p] as number;
  const end = plan.programmeEnd[p] as number;
  if (random.chance(0.8)) doc['period'] = builder.period(start, end, random.chance(0.6));
  const status = builder.status(start, end);
  doc['status'] = status;
  if (random.chance(0.4)) {
    doc['financing'] = {
      _type: 'financing',
      description: sentences(random, 1, 1),
      funders: random.sample(FUNDERS, random.between(1, 3)),
    };
  }
  doc['owner'] = ownerRegion.organisation;
  const regions = [owner];
  if (ownerRegion.parent >= 0 && random.chance(0.4)) regions.push(ownerRegion.parent);
  if (ownerRegion.children.length > 0 && random.chance(0.3)) {
    regions.push(...random.sample(ownerRegion.children, random.between(1, 3)));
  }
  doc['regions'] = builder.refs(regions.map((i) => builder.regionId(i)));
  const malbild = plan.programmeMalbild[p] as number;
  if (malbild >= 0) doc['malbild'] = builder.ref(plan.ids.malbild[malbild] as string);
  doc['themes'] = builder.themes(1, 4);
  const contacts = random.sample(plan.contactsByProgramme[p] as number[], 3);
  if (contacts.length > 0)
    doc['contacts'] = builder.refs(contacts.map((c) => plan.ids.kontaktperson[c] as string));
  const documents = random.sample(plan.dokumentByProgramme[p] as number[], 6);
  if (documents.length > 0)
    doc['documents'] = builder.refs(documents.map((d) => plan.ids.dokument[d] as string));
  doc['sources'] = builder.sources(owner);
  return doc;
}
