// The frame of the content commands: parse flags, run, print lines, turn failures into a
// message and an exit code. Nothing printed ever contains a token.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CommandError, redact } from './project.ts';

export async function runCommand<T extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  usage: string,
  options: T,
  run: (
    values: Record<string, string | boolean | undefined>,
    log: (line: string) => void,
  ) => Promise<unknown>,
): Promise<void> {
  const tokens = [process.env['SANITY_TOKEN'], process.env['SANITY_WRITE_TOKEN']];
  const print = (stream: NodeJS.WriteStream, text: string) =>
    stream.write(`${redact(text, tokens)}\n`);
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: { ...options, help: { type: 'boolean' } },
      allowPositionals: false,
    }) as {
      values: Record<string, string | boolean | undefined>;
    });
  } catch (error) {
    print(process.stderr, `${command}: ${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
  if (values['help']) {
    print(process.stdout, usage);
    return;
  }
  try {
    await run(values, (line) => print(process.stdout, line));
  } catch (error) {
    if (error instanceof CommandError) {
      print(process.stderr, error.message);
      process.exit(error.exitCode);
    }
    print(process.stderr, `${command} failed: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  }
}
