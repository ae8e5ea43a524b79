// A delprojekt: a numbered part of its programme, with the programme's period and status.
import type { Document, DocumentBuilder } from '../builder.ts';
import { body, sentences } from '../prose.ts';
import { DELPROJEKT_TOPICS } from '../vocabulary.ts';

export function delprojekt(builder: DocumentBuilder, d: number): Document {
  const plan = builder.plan;
  const programme = plan.delprojektProgramme[d] as number;
  const owner = plan.programmeOwner[programme] as number;
  const topic = builder.random.pick(DELPROJEKT_TOPICS);
  const title = builder.random.chance(0.5) ? `${topic} i ${builder.region(owner).name}` : topic;
  const doc = builder.system(plan.ids.delprojekt[d] as string, 'delprojekt');
  const slug = builder.slug('delprojekt', `${builder.region(owner).slug} ${topic}`);
  doc['title'] = title;
  doc['slug'] = { _type: 'slug', current: slug };
  doc['number'] = plan.delprojektNumber[d];
  doc['summary'] = sentences(builder.random, 1, 2);
  if (builder.random.chance(0.8)) doc['body'] = body(builder, slug, [1, 3]);
  const start = plan.programmeStart[programme] as number;
  const end = plan.programmeEnd[programme] as number;
  const status = builder.status(start, end);
  doc['status'] = status;
  if (builder.random.chance(0.7))
    doc['period'] = builder.period(start, end, builder.random.chance(0.5));
  doc['programme'] = builder.ref(plan.ids.programme[programme] as string);
  doc['themes'] = builder.themes(1, 3);
  const contacts = builder.random.sample(
    plan.contactsByProgramme[programme] as number[],
    builder.random.between(0, 2),
  );
  if (contacts.length > 0)
    doc['contacts'] = builder.refs(contacts.map((c) => plan.ids.kontaktperson[c] as string));
  const documents = builder.random.sample(plan.dokumentByDelprojekt[d] as number[], 4);
  if (documents.length > 0)
    doc['documents'] = builder.refs(documents.map((i) => plan.ids.dokument[i] as string));
  doc['sources'] = builder.sources(owner);
  return doc;
}
