/**
 * What every tree of the plugin's text languages (nginx configs, Python settings modules) shares:
 * positions as ESTree has them (`range` in UTF-16 offsets of the BOM-less text, `loc` with 1-based
 * lines and 0-based UTF-16 columns), and the `#` comment, the only comment either language has.
 */

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface SourceLocation {
  readonly start: Position;
  readonly end: Position;
}

/** The fields every node has; `T` is its `type`. */
export interface NodeBase<T extends string> {
  readonly type: T;
  readonly range: [number, number];
  readonly loc: SourceLocation;
}

/** A `#` comment to the end of the line. */
export interface Comment extends NodeBase<'Comment'> {
  /** The text after `#`. */
  readonly value: string;
}
