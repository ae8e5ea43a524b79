// The synthetic dataset as a sequence of documents in _id order (types alphabetically, then by
// number or slug), each made as it is asked for.
import { DocumentBuilder, type Document } from './builder.ts';
import type { Counts } from './counts.ts';
import { compareIds } from './ids.ts';
import { delprojekt } from './kinds/delprojekt.ts';
import { dokument } from './kinds/dokument.ts';
import { handelse } from './kinds/handelse.ts';
import { kalla } from './kinds/kalla.ts';
import { kontaktperson } from './kinds/kontaktperson.ts';
import { malbild } from './kinds/malbild.ts';
import { programme } from './kinds/programme.ts';
import { regionDocument } from './kinds/region.ts';
import { tema } from './kinds/tema.ts';
import { THEMES } from './vocabulary.ts';

export interface GenerateOptions {
  docs: number;
  seed: number;
}

/** One dataset: its counts are known before the first document is made. */
export class SyntheticDataset {
  private readonly builder: DocumentBuilder;

  constructor(options: GenerateOptions) {
    this.builder = new DocumentBuilder(options.seed, options.docs);
  }

  get counts(): Counts {
    return this.builder.counts;
  }

  /** Every document, in _id order (types alphabetically, then by number or slug). */
  *documents(): Generator<Document> {
    const builder = this.builder;
    const { counts, regions, ids } = builder.plan;
    for (let i = 0; i < counts.delprojekt; i++) yield delprojekt(builder, i);
    for (let i = 0; i < counts.dokument; i++) yield dokument(builder, i);
    for (let i = 0; i < counts.handelse; i++) yield handelse(builder, i);
    for (let i = 0; i < counts.kalla; i++) yield kalla(builder, i);
    for (let i = 0; i < counts.kontaktperson; i++) yield kontaktperson(builder, i);
    for (let i = 0; i < counts.malbild; i++) yield malbild(builder, i);
    for (let i = 0; i < counts.programme; i++) yield programme(builder, i);
    const byId = regions
      .map((_, index) => index)
      .sort((a, b) => compareIds(builder.regionId(a), builder.regionId(b)));
    for (const index of byId) yield regionDocument(builder, index);
    const themes = THEMES.map((_, index) => index).sort((a, b) =>
      compareIds(ids.tema[a] as string, ids.tema[b] as string),
    );
    for (const index of themes) yield tema(builder, index);
  }
}

/** The documents of a synthetic dataset, one at a time, in _id order. */
export function* generateDocuments(options: GenerateOptions): Generator<Document> {
  yield* new SyntheticDataset(options).documents();
}
