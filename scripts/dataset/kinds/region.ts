// A region document: county, kommunalförbund or municipality, from the region plan.
import type { Document, DocumentBuilder } from '../builder.ts';
import { body, sentence } from '../prose.ts';

export function regionDocument(builder: DocumentBuilder, index: number): Document {
  const region = builder.region(index);
  const random = builder.random;
  const doc = builder.system(region.id, 'region');
  doc['name'] = region.name;
  doc['slug'] = { _type: 'slug', current: region.slug };
  doc['kind'] = region.kind;
  if (region.parent >= 0) doc['parent'] = builder.ref(builder.regionId(region.parent));
  doc['organisations'] = [region.organisation];
  if (region.kind !== 'kommun') doc['municipalityCount'] = region.municipalityCount;
  const where =
    region.kind === 'lan'
      ? `${region.organisation} och länets ${region.municipalityCount} ${region.municipalityCount === 1 ? 'kommun' : 'kommuner'}`
      : region.kind === 'delregion'
        ? `${region.organisation} med ${region.municipalityCount} medlemskommuner`
        : region.organisation;
  doc['shortDescription'] =
    `${where} arbetar med omställningen till en god och nära vård. ${sentence(random)}`;
  if (region.kind !== 'kommun' || random.chance(0.2))
    doc['description'] = body(builder, region.slug, [1, 2]);
  doc['sources'] = builder.sources(index);
  return doc;
}
