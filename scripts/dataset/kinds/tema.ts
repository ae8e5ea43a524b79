// A tema: one of the vocabulary's themes, with its source pages.
import type { Document, DocumentBuilder } from '../builder.ts';
import { THEMES } from '../vocabulary.ts';

export function tema(builder: DocumentBuilder, t: number): Document {
  const theme = THEMES[t] as (typeof THEMES)[number];
  const doc = builder.system(builder.plan.ids.tema[t] as string, 'tema');
  doc['name'] = theme.name;
  doc['slug'] = { _type: 'slug', current: builder.plan.themeSlugs[t] };
  doc['description'] = theme.description;
  doc['sources'] = builder.refs(
    builder.random.sample(builder.plan.ids.kalla, builder.random.between(1, 3)),
  );
  return doc;
}
