// A kontaktperson: "Testperson N" at example.org, with a phone number in PTS's range for fiction.
import type { Document, DocumentBuilder } from '../builder.ts';
import { pad } from '../dates.ts';
import { ROLES } from '../vocabulary.ts';

export function kontaktperson(builder: DocumentBuilder, c: number): Document {
  const plan = builder.plan;
  const region = plan.contactRegion[c] as number;
  const name = `Testperson ${c + 1}`;
  const doc = builder.system(plan.ids.kontaktperson[c] as string, 'kontaktperson');
  doc['name'] = name;
  doc['slug'] = { _type: 'slug', current: builder.slug('kontaktperson', name) };
  if (builder.random.chance(0.8)) doc['role'] = builder.random.pick(ROLES);
  doc['organisation'] = builder.region(region).organisation;
  if (builder.random.chance(0.6)) doc['email'] = `testperson.${c + 1}@example.org`;
  // A contact is reachable: without an e-mail address it always gets a phone number (the
  // chance is drawn either way, so the rest of the dataset stays as it was).
  if (builder.random.chance(0.7) || !doc['email']) {
    // PTS reserves 070-174 06 05 – 070-174 06 99 for fiction.
    const last = pad(5 + (c % 95));
    doc['phone'] = builder.random.chance(0.5) ? `070-174 06 ${last}` : `070 - 17406${last}`;
  }
  if (builder.random.chance(0.15)) {
    const start = builder.random.between(2018, 2025);
    doc['period'] = builder.period(
      start,
      builder.random.chance(0.5) ? start + builder.random.between(1, 3) : 0,
      true,
    );
  }
  doc['regions'] = builder.refs([builder.regionId(region)]);
  doc['sources'] = builder.sources(region);
  return doc;
}
