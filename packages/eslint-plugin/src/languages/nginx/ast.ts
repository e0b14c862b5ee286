/**
 * The tree of one nginx configuration file, as the `cors/nginx` language hands it to rules.
 *
 * nginx's own grammar is flat: a directive is words ended by `;`, or words followed by a `{ … }`
 * block of more directives (`ngx_conf_read_token`). So is this tree: `Config` → `Directive`s, each
 * with its `name` and `args` as `Word`s and an optional `Block`. Ranges are UTF-16 offsets into the
 * (BOM-stripped) text ESLint hands the language; lines are 1-based and columns 0-based UTF-16 units.
 */
import type { Comment, NodeBase } from '../shared/tree.js';

export type { Comment, Position, SourceLocation } from '../shared/tree.js';

/** The whole file. `nginx` is false when the file was sniffed as something else and left empty. */
export interface Config extends NodeBase<'Config'> {
  readonly body: Directive[];
  /** `#` comments in source order; not part of `body`. */
  readonly comments: Comment[];
  readonly nginx: boolean;
}

/** One word as nginx reads it: `value` with quotes removed and escapes applied, `raw` as written. */
export interface Word extends NodeBase<'Word'> {
  readonly value: string;
  readonly raw: string;
  /** The quote the word was written in, if any. */
  readonly quote: '"' | "'" | null;
}

/** `name args…;` or `name args… { block }`. */
export interface Directive extends NodeBase<'Directive'> {
  readonly name: Word;
  readonly args: Word[];
  readonly block: Block | null;
}

/**
 * `{ … }`. `opaque` blocks hold another language (openresty's `*_by_lua_block`), kept as text:
 * their body is empty.
 */
export interface Block extends NodeBase<'Block'> {
  readonly body: Directive[];
  readonly opaque: boolean;
}

export type NginxNode = Config | Directive | Word | Block | Comment;

export const VISITOR_KEYS: Readonly<Record<NginxNode['type'], readonly string[]>> = {
  Config: ['body'],
  Directive: ['name', 'args', 'block'],
  Word: [],
  Block: ['body'],
  Comment: [],
};

/** The children of a node, in source order. */
export function childrenOf(node: NginxNode): NginxNode[] {
  switch (node.type) {
    case 'Config':
      return node.body;
    case 'Directive':
      return node.block ? [node.name, ...node.args, node.block] : [node.name, ...node.args];
    case 'Block':
      return node.body;
    default:
      return [];
  }
}
