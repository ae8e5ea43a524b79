// Draws the favicons a browser or a phone asks for from public/favicon.svg: favicon.ico (16 and
// 32 px PNGs in an ICO) and apple-touch-icon.png (180 px, no transparency). Run after changing
// the SVG: `node scripts/favicons.ts` (through npx, for Node 24); the results are committed.
import sharp from 'sharp';
import { readFile, writeFile } from 'node:fs/promises';
const svg = await readFile('public/favicon.svg');
const png = (size: number) =>
  sharp(svg, { density: 72 * (size / 48) * 4 })
    .resize(size, size)
    .png({ compressionLevel: 9, palette: true })
    .toBuffer();
await writeFile(
  'public/apple-touch-icon.png',
  await sharp(svg, { density: 1000 })
    .resize(180, 180)
    .flatten({ background: '#005c55' })
    .png({ compressionLevel: 9, palette: true })
    .toBuffer(),
);

// An ICO file holding PNG images (16 and 32 px): supported by every browser that asks for /favicon.ico.
const images = [await png(16), await png(32)];
const header = Buffer.alloc(6 + 16 * images.length);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(images.length, 4);
let offset = header.length;
images.forEach((image, i) => {
  const size = i === 0 ? 16 : 32;
  const at = 6 + 16 * i;
  header.writeUInt8(size, at);
  header.writeUInt8(size, at + 1);
  header.writeUInt8(0, at + 2);
  header.writeUInt8(0, at + 3);
  header.writeUInt16LE(1, at + 4);
  header.writeUInt16LE(32, at + 6);
  header.writeUInt32LE(image.length, at + 8);
  header.writeUInt32LE(offset, at + 12);
  offset += image.length;
});
await writeFile('public/favicon.ico', Buffer.concat([header, ...images]));
