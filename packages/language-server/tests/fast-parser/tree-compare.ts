/** Comparing two parsers' trees, tokens and comments. */
interface Located {
  type: string;
  range: [number, number];
  loc: unknown;
}

/** Every node reachable through the visitor keys, in order: type, range and loc. */
export function nodesOf(
  root: object,
  keys: Readonly<Record<string, readonly string[] | undefined>>,
): Array<Pick<Located, 'type' | 'range' | 'loc'>> {
  const out: Array<Pick<Located, 'type' | 'range' | 'loc'>> = [];
  const visit = (node: Located): void => {
    out.push({ type: node.type, range: node.range, loc: node.loc });
    for (const key of keys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const value of Array.isArray(child) ? child : [child])
        if (value && typeof value === 'object' && 'type' in value) visit(value as Located);
    }
  };
  visit(root as Located);
  return out;
}

/** The tree without positions (compared on their own above) and oxc's extra `start`/`end`. */
export function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (typeof value === 'bigint' || value instanceof RegExp) return String(value);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (!['start', 'end', 'range', 'loc', 'parent', 'tokens', 'comments'].includes(key))
      out[key] = shapeOf(child);
  }
  // typescript-estree keeps this deprecated member as a non-enumerable getter (same value).
  if ((value as { type?: unknown }).type === 'TSEnumMember') delete out['computed'];
  return out;
}

export const strip = ({ type, value, range, loc, regex }: Record<string, unknown>) => ({
  type,
  value,
  range,
  loc,
  ...(regex ? { regex } : {}),
});
