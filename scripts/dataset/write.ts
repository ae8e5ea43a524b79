// Writing a dataset to disk as NDJSON: one compact JSON document per line, streamed as the
// documents are made.
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { planCounts, type Counts } from './counts.ts';
import { SyntheticDataset, type GenerateOptions } from './generate.ts';

export const DATASET_FILE = 'data.ndjson';

export interface WriteResult {
  file: string;
  counts: Counts;
  documents: number;
  bytes: number;
  milliseconds: number;
}

/** Streams the dataset to `<out>/data.ndjson` (through a temporary file, renamed when complete). */
export async function writeDataset(
  options: GenerateOptions & { out: string },
): Promise<WriteResult> {
  const started = performance.now();
  const dir = path.resolve(options.out);
  const embedded = path.resolve(fileURLToPath(new URL('../../content/dataset', import.meta.url)));
  if (dir === embedded)
    throw new Error('refusing to write synthetic documents into content/dataset');
  planCounts(options.docs); // fails on a bad size before anything is written
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, DATASET_FILE);
  const temporary = `${file}.tmp`;
  const dataset = new SyntheticDataset(options);
  const stream = createWriteStream(temporary, { encoding: 'utf8' });
  let documents = 0;
  let bytes = 0;
  let chunk = '';
  try {
    for (const document of dataset.documents()) {
      chunk += `${JSON.stringify(document)}\n`;
      documents += 1;
      if (chunk.length >= 1 << 20) {
        bytes += Buffer.byteLength(chunk);
        if (!stream.write(chunk)) await once(stream, 'drain');
        chunk = '';
      }
    }
    bytes += Buffer.byteLength(chunk);
    stream.end(chunk);
    await once(stream, 'finish');
  } catch (error) {
    stream.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
  await rename(temporary, file);
  return {
    file,
    counts: dataset.counts,
    documents,
    bytes,
    milliseconds: performance.now() - started,
  };
}
