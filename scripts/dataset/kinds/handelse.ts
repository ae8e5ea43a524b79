// A händelse: a dated event, at the precision its source prints, mostly of a programme. A
// quarter of the events outside programmes are national (a government decision, an SKR
// agreement), mentioned by the owner's region.
import type { Document, DocumentBuilder } from '../builder.ts';
import { REFERENCE_YEAR, dateText, isoDate, randomDate } from '../dates.ts';
import { sentences } from '../prose.ts';
import { EVENTS, NATIONAL_EVENTS, TOPICS } from '../vocabulary.ts';

export function handelse(builder: DocumentBuilder, h: number): Document {
  const plan = builder.plan;
  const random = builder.random;
  const programme = random.chance(0.7) ? random.int(plan.counts.programme) : -1;
  const owner = programme >= 0 ? (plan.programmeOwner[programme] as number) : builder.ownerAny();
  const delprojekts = programme >= 0 ? (plan.delprojektByProgramme[programme] as number[]) : [];
  const delprojekt = delprojekts.length > 0 && random.chance(0.3) ? random.pick(delprojekts) : -1;
  const year =
    programme >= 0
      ? Math.min(REFERENCE_YEAR, (plan.programmeStart[programme] as number) + random.int(3))
      : random.between(2013, REFERENCE_YEAR);
  const parts = randomDate(random, year);
  const date = isoDate(parts);
  const national = programme < 0 && random.chance(0.25);
  const title = national
    ? `${random.pick(NATIONAL_EVENTS)} ${random.pick(TOPICS).toLowerCase()}`
    : `${random.pick(EVENTS)} ${random.pick(TOPICS).toLowerCase()} i ${builder.region(owner).name}`;
  const doc = builder.system(plan.ids.handelse[h] as string, 'handelse');
  doc['title'] = title;
  doc['slug'] = { _type: 'slug', current: builder.slug('handelse', `${date} ${title}`) };
  doc['date'] = date;
  doc['dateText'] = dateText(random, parts);
  doc['summary'] = sentences(random, 1, 3);
  if (parts.month === undefined && random.chance(0.3)) {
    doc['note'] =
      `Källsidan anger bara året ${year}. I tidslinjen sorteras händelsen till början av året.`;
  }
  if (national) doc['scope'] = 'nationell';
  const regions = [builder.regionId(owner)];
  const parent = builder.region(owner).parent;
  if (parent >= 0 && random.chance(0.3)) regions.push(builder.regionId(parent));
  doc['regions'] = builder.refs(regions);
  if (programme >= 0) doc['programme'] = builder.ref(plan.ids.programme[programme] as string);
  if (delprojekt >= 0) doc['delprojekt'] = builder.ref(plan.ids.delprojekt[delprojekt] as string);
  if (programme >= 0) {
    const documents = random.sample(
      plan.dokumentByProgramme[programme] as number[],
      random.between(0, 2),
    );
    if (documents.length > 0)
      doc['documents'] = builder.refs(documents.map((i) => plan.ids.dokument[i] as string));
  }
  doc['sources'] = builder.sources(owner);
  return doc;
}
