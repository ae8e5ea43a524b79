// The fallback face that stands in for Atkinson Hyperlegible until it loads
// (src/styles/global.css) carries the overrides computed from the font files themselves: the
// average character width sets `size-adjust`, and the ascent, descent and line gap, scaled by
// it, set the line box. That is what keeps the swap from moving text (the no-shift check in
// tests/e2e/search-accessibility.test.ts delays the font to see it). Metrics as Astro's own
// font fallbacks read them: @capsizecss/unpack for our files, @capsizecss/metrics for Arial and
// Roboto (Android).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import arialBold from '@capsizecss/metrics/arial/700';
import arialRegular from '@capsizecss/metrics/arial/regular';
import robotoBold from '@capsizecss/metrics/roboto/700';
import robotoRegular from '@capsizecss/metrics/roboto/regular';
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

/** The declarations of the @font-face of `family` and `weight` in global.css. */
function fallbackFace(family: string, weight: number): Record<string, string> {
  const faces = css.match(/@font-face\s*{[^}]*}/g) ?? [];
  const face = faces.find(
    (block) =>
      block.includes(`font-family: '${family}';`) && block.includes(`font-weight: ${weight};`),
  );
  expect(face, `no @font-face '${family}' of weight ${weight} in global.css`).toBeDefined();
  return Object.fromEntries(
    [...face!.matchAll(/([a-z-]+):\s*([^;]+);/g)].map((match) => [match[1]!, match[2]!.trim()]),
  );
}

describe('the font fallback', () => {
  it.each([
    [
      'Atkinson Hyperlegible Fallback',
      400,
      'atkinson-hyperlegible-regular.woff2',
      arialRegular,
      'Arial',
    ],
    ['Atkinson Hyperlegible Fallback', 700, 'atkinson-hyperlegible-bold.woff2', arialBold, 'Arial'],
    [
      'Atkinson Hyperlegible Fallback Roboto',
      400,
      'atkinson-hyperlegible-regular.woff2',
      robotoRegular,
      'Roboto',
    ],
    [
      'Atkinson Hyperlegible Fallback Roboto',
      700,
      'atkinson-hyperlegible-bold.woff2',
      robotoBold,
      'Roboto',
    ],
  ] as const)(
    '%s of weight %i matches %s with %s’s metrics',
    async (family, weight, file, metrics, local) => {
      const font = await fromFile(path.join(ROOT, 'public', 'fonts', file));
      const face = fallbackFace(family, weight);
      for (const [property, expected] of Object.entries(overrides(font, metrics))) {
        expect(face[property], `${property} of ${family} ${weight}`).toMatch(/^[\d.]+%$/);
        expect(Number.parseFloat(face[property]!), property).toBeCloseTo(expected, 1);
      }
      expect(face['src'], `the local ${local} it stands in with`).toMatch(
        new RegExp(`^local\\('${local}`),
      );
      if (local === 'Arial')
        expect(face['src'], 'Linux’s font with Arial’s metrics').toMatch(/local\('Liberation Sans/);
    },
  );

  it('comes right after Atkinson Hyperlegible in the site’s font stack', () => {
    expect(css).toMatch(
      /--nv-font:\s*'Atkinson Hyperlegible', 'Atkinson Hyperlegible Fallback',\s*'Atkinson Hyperlegible Fallback Roboto',/,
    );
  });
});
