// Looks for a secret (a canary token) everywhere in a built site: each file's bytes, the
// decompressed bytes of gzip files (Pagefind's index, fragments and filters are gzip), and the
// metadata of every image (EXIF, XMP, IPTC, ICC and PNG text chunks, compressed ones included,
// read through sharp).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import sharp from 'sharp';
import { listFiles } from './site.ts';

const IMAGE = /\.(png|jpe?g|webp|avif|gif|tiff?)$/i;

function isGzip(bytes: Buffer): boolean {
  return bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export interface SecretSearch {
  /** Where the secret occurs: `file`, `file (gunzipped)` or `file (image metadata)`. */
  found: string[];
  /** What was read: every file, and how many of them were gzip or images. */
  files: number;
  gzipFiles: number;
  images: number;
}

/** Searches every file under `dir` for `secret` (as is, URL-encoded and base64-encoded). */
export async function searchForSecret(dir: string, secret: string): Promise<SecretSearch> {
  const result: SecretSearch = { found: [], files: 0, gzipFiles: 0, images: 0 };
  const needles = [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')];
  const contains = (bytes: Buffer) => needles.some((needle) => bytes.includes(needle));
  for (const file of await listFiles(dir)) {
    const bytes = await readFile(path.join(dir, file));
    result.files += 1;
    if (contains(bytes)) result.found.push(file);
    if (isGzip(bytes)) {
      result.gzipFiles += 1;
      if (contains(gunzipSync(bytes))) result.found.push(`${file} (gunzipped)`);
    }
    if (IMAGE.test(file)) {
      result.images += 1;
      const meta = await sharp(bytes).metadata();
      const parts = [
        meta.exif,
        meta.xmp,
        meta.iptc,
        meta.icc,
        ...(meta.comments ?? []).map((comment) =>
          Buffer.from(`${comment.keyword}\n${comment.text}`),
        ),
      ];
      if (parts.some((part) => part && contains(part)))
        result.found.push(`${file} (image metadata)`);
    }
  }
  return result;
}
