// The `_headers` file static hosts read (Netlify and Cloudflare Pages format): a path pattern
// on its own line, then indented `Name: value` lines for the responses under it. The build
// writes one (see src/integrations/content-security-policy.ts); `npm start` and the test server
// read the same file, so what is tested locally is what a static host sends.
//
// Supported patterns: an exact path (`/sok/`) and a prefix ending in `*` (`/*`, `/pagefind/*`).
// Rules apply in file order; a later rule's header replaces an earlier one of the same name.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface HeaderRule {
  pattern: string;
  headers: Array<[name: string, value: string]>;
}

export const HEADERS_FILE = '_headers';

export function formatHeadersFile(rules: readonly HeaderRule[], comment?: string): string {
  const lines = comment ? comment.split('\n').map((line) => `# ${line}`) : [];
  for (const rule of rules) {
    lines.push(rule.pattern);
    for (const [name, value] of rule.headers) lines.push(`  ${name}: ${value}`);
  }
  return `${lines.join('\n')}\n`;
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const current = rules.at(-1);
    const colon = line.indexOf(':');
    if (!current || colon < 0)
      throw new Error(`${HEADERS_FILE} line ${index + 1}: expected "Name: value" under a path`);
    current.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

function matches(pattern: string, pathname: string): boolean {
  return pattern.endsWith('*') ? pathname.startsWith(pattern.slice(0, -1)) : pathname === pattern;
}

/** The headers for a request path, names lower-cased (as Node's `writeHead` takes them). */
export function headersFor(rules: readonly HeaderRule[], pathname: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const rule of rules) {
    if (!matches(rule.pattern, pathname)) continue;
    for (const [name, value] of rule.headers) result[name.toLowerCase()] = value;
  }
  return result;
}

/** The rules of a built site's `_headers` file; none when the build wrote no such file. */
export function readHeadersFile(outDir: string): HeaderRule[] {
  let text: string;
  try {
    text = readFileSync(path.join(outDir, HEADERS_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return parseHeadersFile(text);
}
