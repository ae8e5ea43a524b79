// The visitors' benchmark's pure parts (scripts/bench/visitors.ts): medians, ratios, the PASS /
// MISS verdicts against issue 16's targets and the section it writes. No timing is asserted.
import { describe, expect, it } from 'vitest';
import type { LighthousePage } from '../../scripts/bench/lighthouse.ts';
import {
  compareSearch,
  median,
  ratio,
  renderVisitors,
  renderVisitorsSections,
  summarizeLighthouse,
  summarizeSide,
  verdictOf,
  type FirstVisitRun,
  type RunConditions,
  type VisitorsResult,
} from '../../scripts/bench/visitors.ts';

const conditions: RunConditions = { loadAtStart: [1.5, 1, 1], loadAtEnd: [2, 1, 1] };

const visit = (bytes: number, ms: number, later: number): FirstVisitRun => ({
  bytesToFirstResult: bytes,
  requestsToFirstResult: 10,
  bytesUntilQuiet: bytes,
  timeToFirstResultMs: ms,
  resultsShown: 10,
  laterSearchBytes: later,
  laterSearchRequests: 4,
  laterResultsShown: 10,
  byType: {},
  files: [],
  conditions,
});

const lighthousePage = (performance: number, tbt: number, failing = false): LighthousePage => ({
  name: 'start',
  path: '/',
  scores: { performance, accessibility: 100, 'best-practices': 100, seo: 100 },
  failing: failing
    ? [
        {
          category: 'performance',
          id: 'total-blocking-time',
          title: 'Total Blocking Time',
          score: 0.9,
        },
      ]
    : [],
  metrics: {
    firstContentfulPaintMs: 800,
    largestContentfulPaintMs: 1000,
    totalBlockingTimeMs: tbt,
    cumulativeLayoutShift: 0,
    speedIndexMs: Number.NaN,
  },
});

describe('the visitors benchmark', () => {
  it('takes the median of the finite values', () => {
    expect(median([300, 100, 200])).toBe(200);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([Number.NaN, 7])).toBe(7);
    expect(median([])).toBeUndefined();
  });

  it('gives ratios to hundredths, none without both sides', () => {
    expect(ratio(212, 303)).toBe(0.7);
    expect(ratio(379, 740)).toBe(0.51);
    expect(ratio(undefined, 10)).toBeUndefined();
    expect(ratio(10, 0)).toBeUndefined();
  });

  it('passes a value at the limit and misses one above it', () => {
    expect(verdictOf(0.6, 0.6)).toBe('PASS');
    expect(verdictOf(0.61, 0.6)).toBe('MISS');
    expect(verdictOf(100, 100, true)).toBe('PASS');
    expect(verdictOf(99, 100, true)).toBe('MISS');
    expect(verdictOf(undefined, 0.6)).toBe('NOT MEASURED');
  });

  it('compares the medians of our runs with theirs against 0.6× transfer and 0.5× time', () => {
    const ours = summarizeSide('ours', '/sok/', [
      visit(212_000, 379, 25_600),
      visit(150_000, 300, 20_000),
      visit(250_000, 900, 30_000),
    ]);
    const theirs = summarizeSide('Pagefind UI', '/ui/', [
      visit(303_000, 740, 23_500),
      visit(300_000, 700, 23_000),
      visit(310_000, 800, 24_000),
    ]);
    expect(ours.median).toEqual({
      bytesToFirstResult: 212_000,
      timeToFirstResultMs: 379,
      laterSearchBytes: 25_600,
    });
    const comparison = compareSearch(['egenvård', 'kompetensutveckling'], ours, theirs, 'x');
    expect(comparison.ratios).toEqual({
      firstVisitTransfer: 0.7,
      timeToFirstResult: 0.51,
      laterSearchTransfer: 1.09,
    });
    expect(comparison.targets.map((target) => target.verdict)).toEqual(['MISS', 'MISS']);

    const faster = summarizeSide('ours', '/sok/', [visit(150_000, 300, 20_000)]);
    expect(
      compareSearch(['a', 'b'], faster, theirs, 'x').targets.map((target) => target.verdict),
    ).toEqual(['PASS', 'PASS']);
  });

  it('takes each Lighthouse category’s median over the runs and counts the failing audits', () => {
    const summary = summarizeLighthouse('start', '/', [
      { page: lighthousePage(100, 20), conditions },
      { page: lighthousePage(97, 150, true), conditions },
      { page: lighthousePage(100, 30), conditions },
    ]);
    expect(summary.scores).toEqual({
      performance: 100,
      accessibility: 100,
      'best-practices': 100,
      seo: 100,
    });
    expect(summary.metrics.totalBlockingTimeMs).toBe(30);
    expect(summary.metrics.speedIndexMs).toBeUndefined();
    expect(summary.failing).toEqual([
      expect.objectContaining({ id: 'total-blocking-time', runs: 1 }),
    ]);
    expect(summary.verdict).toBe('PASS');

    const missed = summarizeLighthouse('start', '/', [
      { page: lighthousePage(99, 20), conditions },
      { page: lighthousePage(97, 20), conditions },
      { page: lighthousePage(100, 20), conditions },
    ]);
    expect(missed.scores.performance).toBe(99);
    expect(missed.verdict).toBe('MISS');
    expect(summarizeLighthouse('start', '/', []).verdict).toBe('NOT MEASURED');
  });

  it('writes the verdicts and each run’s conditions into its section', () => {
    const theirs = summarizeSide('Pagefind UI', '/ui/', [visit(303_000, 740, 23_500)]);
    const ours = summarizeSide('ours', '/sok/', [visit(150_000, 300, 20_000)]);
    const result: VisitorsResult = {
      schema: 1,
      docs: 10_000,
      seed: 1,
      date: '2026-11-30T19:00:00.000Z',
      build: {
        dist: '.cache/bench/dist-10000',
        builtAt: '2026-11-30T18:50:00.000Z',
        pages: 10_221,
      },
      machine: {
        cores: 2,
        cpuModel: 'AMD EPYC',
        node: 'v24',
        commit: 'abc1234',
        lighthouse: '13.5.0',
      },
      runsPerFigure: 1,
      search: compareSearch(['egenvård', 'kompetensutveckling'], ours, theirs, 'the default UI'),
      lighthouse: [
        summarizeLighthouse('start', '/', [{ page: lighthousePage(97, 150, true), conditions }]),
      ],
    };
    const text = renderVisitors(result);
    expect(text).toContain('### 10,000 documents (seed 1), 2026-11-30 19:00 UTC, commit abc1234');
    expect(text).toMatch(
      /first visit: transfer until the first result \| 150\.0 kB \| 303\.0 kB \| 0\.50× \| ≤ 0\.6× \| \*\*PASS\*\*/,
    );
    expect(text).toMatch(/\| start \| `\/` \| 97 \| 100 \| 100 \| 100 \|.*\*\*MISS\*\*/);
    expect(text).toContain('load 1.5→2');
    expect(text).toContain('Total Blocking Time, in 1 of 1 runs');

    // A later run at a small count adds its own subsection below, and keeps this one.
    const small: VisitorsResult = { ...result, docs: 2_000, date: '2026-12-01T04:00:00.000Z' };
    const sections = renderVisitorsSections([small, result]);
    const large = sections.indexOf('### 10,000 documents');
    expect(large).toBe(0);
    expect(sections.indexOf('### 2,000 documents (seed 1), 2026-12-01 04:00 UTC')).toBeGreaterThan(
      large,
    );
  });
});
