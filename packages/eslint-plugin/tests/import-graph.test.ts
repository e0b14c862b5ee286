/**
 * The source's runtime import graph has no cycles (ARCHITECTURE.md: the extraction folders tell the
 * flow, values → context → frameworks/responses/clients → routing). A cycle makes module start-up
 * order matter and usually means a helper sits in the wrong module. Type-only imports are erased
 * by the compiler and do not count.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Relative runtime imports and re-exports of a file, as absolute `.ts` paths. */
function runtimeImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(
    /^(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?'(\.{1,2}\/[^']+)'/gm,
  )) {
    if (match[1]) continue;
    const specifier = match[2] ?? '';
    found.push(path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts')));
  }
  return found;
}

function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): string[] | undefined => {
    if (state.get(file) === 'done') return undefined;
    if (state.get(file) === 'open') return [...stack.slice(stack.indexOf(file)), file];
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(file, 'done');
    return undefined;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('the import graph of src/', () => {
  const files = sourceFiles(SRC);
  const graph = new Map(files.map((file) => [file, runtimeImports(file)]));

  it('reads the imports (a file with several relative imports is seen)', () => {
    expect(
      graph.get(path.join(SRC, 'utils', 'extract', 'clients', 'client-requests.ts'))?.length,
    ).toBeGreaterThan(3);
  });

  it('has no import cycle', () => {
    expect(findCycle(graph)?.map((file) => path.relative(SRC, file))).toBeUndefined();
  });
});
