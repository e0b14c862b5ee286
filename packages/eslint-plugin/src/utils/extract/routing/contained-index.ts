/**
 * Items located at AST nodes (header writes), sorted by where they start, to answer "which of them
 * are inside this function?" with a binary search instead of a test of every item per function.
 */
import type { TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;

export class ContainedIndex<T extends { readonly at: Node }> {
  /** The items with their position in the list given, sorted by the start of `at`. */
  readonly #byStart: { readonly item: T; readonly position: number }[];

  constructor(items: readonly T[]) {
    this.#byStart = items
      .map((item, position) => ({ item, position }))
      .sort((a, b) => a.item.at.range[0] - b.item.at.range[0] || a.position - b.position);
  }

  /** The items whose node lies within `outer` (`contains(outer, at)`), in the order of the list given. */
  within(outer: Node): T[] {
    const found: { item: T; position: number }[] = [];
    this.#scan(outer, (entry) => {
      found.push(entry);
      return true;
    });
    return found.sort((a, b) => a.position - b.position).map(({ item }) => item);
  }

  /** Whether any item's node lies within `outer`. */
  anyWithin(outer: Node): boolean {
    let any = false;
    this.#scan(outer, () => {
      any = true;
      return false;
    });
    return any;
  }

  /** Visits the items starting inside `outer` that also end inside it, until `visit` returns false. */
  #scan(outer: Node, visit: (entry: { item: T; position: number }) => boolean): void {
    const [start, end] = outer.range;
    let [low, high] = [0, this.#byStart.length];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.#byStart[middle]!.item.at.range[0] < start) low = middle + 1;
      else high = middle;
    }
    for (let index = low; index < this.#byStart.length; index++) {
      const entry = this.#byStart[index]!;
      if (entry.item.at.range[0] > end) return;
      if (entry.item.at.range[1] <= end && !visit(entry)) return;
    }
  }
}
