// The benchmark's command line, parsed without side effects (tested).
import { parseArgs } from 'node:util';
import { DATASET_CHANGES, type DatasetChange } from './dataset-changes.ts';

export const USAGE =
  'Usage: npm run bench -- --docs N [--seed S] [--lighthouse] [--no-browser] [--profile]\n' +
  '       npm run bench -- --docs N --peers [--runs R] [--changes edit,add,delete] [--seed S] [--no-browser]';

export interface BenchOptions {
  docs: number;
  seed: number;
  lighthouse: boolean;
  browser: boolean;
  profile: boolean;
  /** Compare with the bare-Astro floor and time the rebuilds (scripts/bench/peers.ts). */
  peers: boolean;
  /** Runs per figure with --peers (the median is reported). */
  runs: number;
  /** The rebuilds with --peers, in order, each after the previous. */
  changes: DatasetChange[];
}

export type ParsedBenchArgs =
  | { kind: 'options'; options: BenchOptions }
  | { kind: 'help' }
  | { kind: 'error'; message: string };

export function parseBenchArgs(argv: readonly string[]): ParsedBenchArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        docs: { type: 'string' },
        seed: { type: 'string', default: '1' },
        lighthouse: { type: 'boolean', default: false },
        'no-browser': { type: 'boolean', default: false },
        profile: { type: 'boolean', default: false },
        peers: { type: 'boolean', default: false },
        runs: { type: 'string' },
        changes: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  if (values.help) return { kind: 'help' };
  if (values.docs === undefined) return { kind: 'error', message: '--docs N is required' };
  const docs = Number(values.docs);
  const seed = Number(values.seed);
  if (!/^\d+$/.test(values.docs) || !Number.isInteger(docs) || docs <= 0)
    return { kind: 'error', message: '--docs must be a positive integer' };
  if (!Number.isInteger(seed)) return { kind: 'error', message: '--seed must be an integer' };
  if (!values.peers && (values.runs !== undefined || values.changes !== undefined))
    return { kind: 'error', message: '--runs and --changes go with --peers' };
  if (values.peers && values.profile)
    return { kind: 'error', message: '--profile and --peers cannot go together' };
  const runs = values.runs === undefined ? 3 : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    return { kind: 'error', message: '--runs must be a positive integer' };
  const changes = (values.changes ?? DATASET_CHANGES.join(','))
    .split(',')
    .map((change) => change.trim())
    .filter((change) => change !== '');
  const unknown = changes.filter(
    (change) => !(DATASET_CHANGES as readonly string[]).includes(change),
  );
  if (unknown.length > 0)
    return {
      kind: 'error',
      message: `--changes takes ${DATASET_CHANGES.join(', ')}, not ${unknown.join(', ')}`,
    };
  if (new Set(changes).size !== changes.length)
    return { kind: 'error', message: '--changes names a change twice' };
  return {
    kind: 'options',
    options: {
      docs,
      seed,
      lighthouse: values.lighthouse,
      browser: !values['no-browser'],
      profile: values.profile,
      peers: values.peers,
      runs,
      changes: changes as DatasetChange[],
    },
  };
}
