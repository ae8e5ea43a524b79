// The fallback face that stands in for Atkinson Hyperlegible until it loads
// (src/styles/global.css) carries the overrides computed from the font files themselves: the
// average character width sets `size-adjust`, and the ascent, descent and line gap, scaled by
// it, set the line box. That is what keeps the swap from moving text (the no-shift check in
// tests/e2e/search-accessibility.test.ts delays the font to see it). Metrics as Astro's own
// font fallbacks read them: @capsizecss/unpack for our files, @capsizecss/metrics for Arial.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import arialBold from '@capsizecss/metrics/arial/700';
import arialRegular from '@capsizecss/metrics/arial/regular';
import { fromFile } from '@capsizecss/unpack/fs';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const css = readFileSync(path.join(ROOT, 'src', 'styles', 'global.css'), 'utf8');

interface Metrics {
  ascent: number;
  descent: number;
  lineGap: number;
  unitsPerEm: number;
  xWidthAvg: number;
}

/** The overrides, in per cent, that make `fallback` take the room `font` takes. */
function overrides(font: Metrics, fallback: Metrics) {
  const sizeAdjust = font.xWidthAvg / font.unitsPerEm / (fallback.xWidthAvg / fallback.unitsPerEm);
  const em = font.unitsPerEm * sizeAdjust;
  return {
    'size-adjust': sizeAdjust * 100,
    'ascent-override': (font.ascent / em) * 100,
    'descent-override': (Math.abs(font.descent) / em) * 100,
    'line-gap-override': (font.lineGap / em) * 100,
  };
}

/** The declarations of the fallback @font-face for `weight` in global.css. */
function fallbackFace(weight: number): Record<string, string> {
  const faces = css.match(/@font-face\s*{[^}]*}/g) ?? [];
  const face = faces.find(
    (block) =>
      block.includes("font-family: 'Atkinson Hyperlegible Fallback'") &&
      block.includes(`font-weight: ${weight};`),
  );
  expect(face, `no fallback @font-face of weight ${weight} in global.css`).toBeDefined();
  return Object.fromEntries(
    [...face!.matchAll(/([a-z-]+):\s*([^;]+);/g)].map((match) => [match[1]!, match[2]!.trim()]),
  );
}

describe('the font fallback', () => {
  it.each([
    [400, 'atkinson-hyperlegible-regular.woff2', arialRegular],
    [700, 'atkinson-hyperlegible-bold.woff2', arialBold],
  ] as const)('of weight %i matches %s with Arial’s metrics', async (weight, file, arial) => {
    const font = await fromFile(path.join(ROOT, 'public', 'fonts', file));
    const face = fallbackFace(weight);
    for (const [property, expected] of Object.entries(overrides(font, arial))) {
      expect(face[property], `${property} of the ${weight} fallback`).toMatch(/^[\d.]+%$/);
      expect(Number.parseFloat(face[property]!), property).toBeCloseTo(expected, 1);
    }
    expect(face['src'], 'Arial or a font with its metrics').toMatch(/local\('Arial/);
    expect(face['src']).toMatch(/local\('Liberation Sans/);
  });

  it('comes right after Atkinson Hyperlegible in the site’s font stack', () => {
    expect(css).toMatch(/--nv-font:\s*'Atkinson Hyperlegible', 'Atkinson Hyperlegible Fallback',/);
  });
});
