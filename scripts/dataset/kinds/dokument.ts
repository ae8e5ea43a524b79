// A dokument: a report, slide deck, agreement … published by a region; the first ones are the
// målbilder's own documents.
import { DOKUMENT_KINDS } from '../../../src/lib/content/schemas.ts';
import { DOKUMENT_KIND_LABELS } from '../../../src/lib/presentation/format.ts';
import type { Document, DocumentBuilder } from '../builder.ts';
import { REFERENCE_YEAR, isoDate, randomDate } from '../dates.ts';
import { sentences } from '../prose.ts';
import { TOPICS } from '../vocabulary.ts';

// A målbild document is made with its målbild, never picked at random.
const RANDOM_DOKUMENT_KINDS = DOKUMENT_KINDS.filter((kind) => kind !== 'malbild');

export function dokument(builder: DocumentBuilder, d: number): Document {
  const plan = builder.plan;
  const isMalbild = d < plan.counts.malbild;
  const kind = isMalbild ? 'malbild' : builder.random.pick(RANDOM_DOKUMENT_KINDS);
  const region = plan.dokumentRegion[d] as number;
  const programme = plan.dokumentProgramme[d] as number;
  const delprojekt = plan.dokumentDelprojekt[d] as number;
  const year =
    programme >= 0
      ? Math.min(REFERENCE_YEAR, (plan.programmeStart[programme] as number) + builder.random.int(3))
      : builder.random.between(2018, REFERENCE_YEAR);
  const topic = isMalbild ? 'Nära vård' : builder.random.pick(TOPICS);
  const title = `${DOKUMENT_KIND_LABELS[kind]}: ${topic} i ${builder.region(region).name} ${year}`;
  const doc = builder.system(plan.ids.dokument[d] as string, 'dokument');
  doc['title'] = title;
  doc['slug'] = { _type: 'slug', current: builder.slug('dokument', title) };
  doc['kind'] = kind;
  if (kind === 'bildspel' || kind === 'rapport' || builder.random.chance(0.2))
    doc['format'] = kind === 'bildspel' && builder.random.chance(0.3) ? 'PowerPoint' : 'PDF';
  if (builder.random.chance(0.75)) doc['date'] = isoDate(randomDate(builder.random, year));
  if (builder.random.chance(0.9)) doc['summary'] = sentences(builder.random, 1, 3);
  if (builder.random.chance(0.3)) {
    doc['attachment'] = {
      _type: 'attachment',
      url: `https://example.org/syntetisk/dokument/${d + 1}.pdf`,
    };
  }
  doc['publisher'] = builder.region(region).organisation;
  if (builder.random.chance(0.9)) doc['publisherRegion'] = builder.ref(builder.regionId(region));
  if (programme >= 0) doc['programme'] = builder.ref(plan.ids.programme[programme] as string);
  if (delprojekt >= 0) doc['delprojekt'] = builder.ref(plan.ids.delprojekt[delprojekt] as string);
  if (builder.random.chance(0.5)) doc['themes'] = builder.themes(1, 2);
  doc['sources'] = builder.sources(region);
  return doc;
}
