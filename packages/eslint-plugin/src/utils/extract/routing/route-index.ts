/**
 * Registrations indexed by receiver and path, to find the ones a mount covers
 * (`Registrations.covers`) without testing every registration of the file against every mount:
 * an app-wide `use` or a hook takes the receiver's list, a `use` prefix the sorted range of paths
 * under it, a route its own path. Each candidate is still confirmed with `covers`, so the index
 * only narrows the search; it never decides.
 */
import type { Registration, Registrations } from './registrations.js';

/** The registrations of one receiver (`app`, `router`): in source order, and by known path. */
interface ReceiverTable {
  readonly ordered: Registration[];
  readonly byPath: Map<string, Registration[]>;
  /** The distinct known paths, sorted by UTF-16 code units (as `<` compares), for prefix ranges. */
  sortedPaths?: string[];
}

export class RouteIndex {
  readonly #byReceiver = new Map<string, ReceiverTable>();

  constructor(
    private readonly registrations: Registrations,
    /** The registrations to index, in source order (`Registrations.all` order). */
    indexed: readonly Registration[],
  ) {
    for (const registration of indexed) {
      let table = this.#byReceiver.get(registration.receiver);
      if (!table) {
        table = { ordered: [], byPath: new Map() };
        this.#byReceiver.set(registration.receiver, table);
      }
      table.ordered.push(registration);
      if (registration.path.kind === 'known') {
        const samePath = table.byPath.get(registration.path.value);
        if (samePath) samePath.push(registration);
        else table.byPath.set(registration.path.value, [registration]);
      }
    }
  }

  /** Indexed registrations of the mount's receiver that it covers, in source order; with `after`, only those starting after the mount's call ends. */
  covered(mount: Registration, { after }: { after: boolean }): Registration[] {
    const table = this.#byReceiver.get(mount.receiver);
    if (!table) return [];
    const end = mount.call.range[1];
    const candidates = this.#candidates(mount, table);
    // Candidates are in source order: skip those starting before the mount ends at once.
    const first = after ? firstStartingAt(candidates, end) : 0;
    const covered: Registration[] = [];
    for (let index = first; index < candidates.length; index++) {
      const route = candidates[index]!;
      if (this.registrations.covers(mount, route)) covered.push(route);
    }
    return covered;
  }

  /** Every indexed registration of the receiver, taken as it is written. */
  all(receiver: string): readonly Registration[] {
    return this.#byReceiver.get(receiver)?.ordered ?? [];
  }

  #candidates(mount: Registration, table: ReceiverTable): readonly Registration[] {
    const { path, method } = mount;
    if (
      method === 'addHook' ||
      (method === 'use' && (path.kind === 'none' || (path.kind === 'known' && path.value === '/')))
    )
      return table.ordered;
    if (path.kind !== 'known') return [];
    if (method !== 'use') return table.byPath.get(path.value) ?? [];
    // A `use` prefix covers its own path and every path under `prefix/`, which sort between `prefix/` and `prefix0`.
    const prefix = path.value.replace(/\/$/, '');
    table.sortedPaths ??= [...table.byPath.keys()].sort();
    const paths = table.sortedPaths;
    const found = [...(table.byPath.get(prefix) ?? [])];
    for (
      let index = lowerBound(paths, `${prefix}/`);
      index < paths.length && paths[index]! < `${prefix}0`;
      index++
    )
      found.push(...table.byPath.get(paths[index]!)!);
    return found.sort((a, b) => a.call.range[0] - b.call.range[0]);
  }
}

/** The first registration (of a list in source order) whose call starts at or after `offset`. */
function firstStartingAt(ordered: readonly Registration[], offset: number): number {
  let [low, high] = [0, ordered.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (ordered[middle]!.call.range[0] < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The first position in a sorted array whose value is not below `value`. */
function lowerBound(sorted: readonly string[], value: string): number {
  let [low, high] = [0, sorted.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
