// Where a V8 CPU profile's time went: self time summed by package (or project folder) and by
// function, largest first.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  byPackage: Array<{ name: string; ms: number; share: number }>;
  byFunction: Array<{ name: string; ms: number; share: number }>;
}

/** `node_modules/astro/dist/…` → `astro`, `src/lib/…` → `src/lib`, V8's own entries as they are. */
export function packageOf(url: string): string {
  if (!url) return '(V8: GC, idle, program)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules !== -1) {
    const parts = url.slice(modules + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? url);
  }
  if (url.startsWith('node:')) return 'node (built-in)';
  const project = /\/(src|scripts|dist|\.astro|\.cache)\/(?:([^/]+)\/)?/.exec(url);
  if (project)
    return project[1] === 'src' || project[1] === 'scripts'
      ? `${project[1]}/${project[2] ?? ''}`.replace(/\/$/, '')
      : `built site code (${project[1]})`;
  return url;
}

export function summarizeProfile(profile: CpuProfile, top = 15): ProfileSummary {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    const frame = nodes.get(id)?.callFrame;
    if (!frame) return;
    total += micros;
    const pkg = frame.functionName === '(idle)' ? '(idle)' : packageOf(frame.url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + micros);
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  });
  const list = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => ({
        name,
        ms: Math.round(micros / 1000),
        share: Math.round((1000 * micros) / total) / 10,
      }));
  return {
    totalMs: Math.round(total / 1000),
    byPackage: list(byPackage),
    byFunction: list(byFunction),
  };
}
