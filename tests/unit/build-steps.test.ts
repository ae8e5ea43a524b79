// The steps after `astro build` (scripts/site-build/steps.ts): lanes side by side, the first
// failure stops the rest. Pagefind's own process being stopped is in
// tests/unit/search/search-index.test.ts.
import { describe, expect, it } from 'vitest';
import { runSteps } from '../../scripts/site-build/steps.ts';

describe('runSteps', () => {
  it('runs the lanes side by side and each lane in order', async () => {
    const order: string[] = [];
    let releaseOther!: () => void;
    const otherStarted = new Promise<void>((resolve) => (releaseOther = resolve));
    const failure = await runSteps([
      [
        {
          what: 'a',
          // Waits for the other lane: one lane after the other would never get there.
          run: async () => {
            await otherStarted;
            order.push('a1');
          },
        },
        { what: 'a2', run: async () => void order.push('a2') },
      ],
      [{ what: 'b', run: async () => (order.push('b'), releaseOther()) }],
    ]);
    expect(failure).toBeUndefined();
    expect(order).toEqual(['b', 'a1', 'a2']);
  });

  it('returns the first failure, aborts the running steps and skips those not begun', async () => {
    const ran: string[] = [];
    let sawAbort = false;
    const failure = await runSteps([
      [
        {
          what: 'The search index could not be built',
          run: (signal) =>
            new Promise<void>((_resolve, reject) =>
              signal.addEventListener('abort', () => {
                sawAbort = true;
                reject(new Error('stopped'));
              }),
            ),
        },
      ],
      [
        {
          what: 'The social images could not be drawn',
          run: async () => {
            ran.push('images');
            throw new Error('a drawing failed');
          },
        },
        { what: 'The security headers could not be written', run: async () => ran.push('headers') },
      ],
    ]);
    expect(failure).toEqual({
      what: 'The social images could not be drawn',
      error: new Error('a drawing failed'),
    });
    expect(sawAbort).toBe(true);
    expect(ran).toEqual(['images']);
  });

  it('begins nothing once stopped from outside (the build got SIGTERM)', async () => {
    const stop = new AbortController();
    stop.abort();
    let ran = false;
    const failure = await runSteps([[{ what: 'x', run: async () => void (ran = true) }]], stop);
    expect(failure).toBeUndefined();
    expect(ran).toBe(false);
  });
});
