// GitHub's own workflow parser (@actions/workflow-parser, from actions/languageservices: what
// GitHub's editor tooling checks workflows with), loaded so Node accepts it: the package imports
// its schema, workflow-v1.0.json, without `with { type: 'json' }`, which Node refuses. This
// resolve hook adds the attribute for that package's JSON files only.
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    const resolved = nextResolve(specifier, context);
    if (resolved.url.includes('/@actions/workflow-parser/') && resolved.url.endsWith('.json'))
      return {
        ...resolved,
        format: 'json',
        importAttributes: { ...context.importAttributes, type: 'json' },
      };
    return resolved;
  },
});

const { parseWorkflow, NoOperationTraceWriter } = await import('@actions/workflow-parser');

/** Every problem GitHub's parser finds in a workflow file, as `name (Line: n, Col: n): problem`. */
export function workflowSchemaErrors(name: string, content: string): string[] {
  const result = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  return result.context.errors.getErrors().map((error) => error.message);
}
