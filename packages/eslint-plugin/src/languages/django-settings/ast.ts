/**
 * A small Python syntax tree shaped and named like CPython's `ast` module, as much of it as a
 * settings module needs. Everything else is an `Unknown` expression or an `OtherStatement` whose
 * nested statements are kept (so a binding inside `for`/`with`/`def` is seen, and known to be
 * conditional). Positions: `range` in UTF-16 offsets of the BOM-less text, `loc` with 1-based lines
 * and 0-based UTF-16 columns, as ESTree.
 */
import type { Comment, NodeBase } from '../shared/tree.js';

export type { Comment, Position, SourceLocation } from '../shared/tree.js';

// ---- statements ----

export interface Module extends NodeBase<'Module'> {
  readonly body: Statement[];
  /** `#` comments, in source order; not part of `body`. */
  readonly comments: Comment[];
}

/** `a = b = value`; `a, b = 1, 2` has one `Tuple` target. */
export interface Assign extends NodeBase<'Assign'> {
  readonly targets: Expression[];
  readonly value: Expression;
}

/** `a: int = value`; `value` is null for a bare annotation. */
export interface AnnAssign extends NodeBase<'AnnAssign'> {
  readonly target: Expression;
  readonly annotation: Expression;
  readonly value: Expression | null;
}

/** `a += value`; `op` as written without `=` (`+`, `|`, …). */
export interface AugAssign extends NodeBase<'AugAssign'> {
  readonly target: Expression;
  readonly op: string;
  readonly value: Expression;
}

export interface Expr extends NodeBase<'Expr'> {
  readonly value: Expression;
}

/** `if`/`elif`/`else`; an `elif` is an `If` alone in `orelse`, as in CPython. */
export interface If extends NodeBase<'If'> {
  readonly test: Expression;
  readonly body: Statement[];
  readonly orelse: Statement[];
}

export interface Alias extends NodeBase<'alias'> {
  readonly name: string;
  readonly asname: string | null;
}

export interface Import extends NodeBase<'Import'> {
  readonly names: Alias[];
}

export interface ImportFrom extends NodeBase<'ImportFrom'> {
  /** Null for `from . import x`. */
  readonly module: string | null;
  readonly names: Alias[];
  /** Leading dots. */
  readonly level: number;
}

export interface Try extends NodeBase<'Try'> {
  readonly body: Statement[];
  readonly handlers: ExceptHandler[];
  readonly orelse: Statement[];
  readonly finalbody: Statement[];
}

export interface ExceptHandler extends NodeBase<'ExceptHandler'> {
  readonly body: Statement[];
}

/**
 * `def`, `class`, `for`, `while`, `with`, `match`, … The `kind` says which (CPython's class name, e.g.
 * `FunctionDef`); `body` holds every nested statement.
 */
export interface OtherStatement extends NodeBase<'OtherStatement'> {
  readonly kind: string;
  /** `def`/`class` name. */
  readonly name: string | null;
  /** The names a `global` statement declares. */
  readonly names: string[];
  readonly body: Statement[];
}

export type Statement =
  Assign | AnnAssign | AugAssign | Expr | If | Import | ImportFrom | Try | OtherStatement;

// ---- expressions ----

/** A literal; implicit concatenation (`'a' "b"`) is folded into one. */
export interface Constant extends NodeBase<'Constant'> {
  readonly value: string | number | boolean | null;
  /** `str` and `bytes` keep the distinction CPython makes; `ellipsis` is `...`. */
  readonly kind: 'str' | 'bytes' | 'int' | 'float' | 'bool' | 'None' | 'ellipsis' | 'complex';
}

/** An f-string (possibly concatenated with plain strings): literal pieces and replacements. */
export interface JoinedStr extends NodeBase<'JoinedStr'> {
  readonly values: (Constant | FormattedValue)[];
}

export interface FormattedValue extends NodeBase<'FormattedValue'> {
  readonly value: Expression;
}

export interface Name extends NodeBase<'Name'> {
  readonly id: string;
}

export interface Attribute extends NodeBase<'Attribute'> {
  readonly value: Expression;
  readonly attr: string;
}

export interface Subscript extends NodeBase<'Subscript'> {
  readonly value: Expression;
  readonly slice: Expression;
}

export interface Keyword extends NodeBase<'keyword'> {
  /** Null for `**kwargs`. */
  readonly arg: string | null;
  readonly value: Expression;
}

export interface Call extends NodeBase<'Call'> {
  readonly func: Expression;
  readonly args: Expression[];
  readonly keywords: Keyword[];
}

export interface List extends NodeBase<'List'> {
  readonly elts: Expression[];
}

export interface Tuple extends NodeBase<'Tuple'> {
  readonly elts: Expression[];
}

export interface SetExpr extends NodeBase<'Set'> {
  readonly elts: Expression[];
}

export interface Dict extends NodeBase<'Dict'> {
  /** Null where `**other` is unpacked. */
  readonly keys: (Expression | null)[];
  readonly values: Expression[];
}

export interface Starred extends NodeBase<'Starred'> {
  readonly value: Expression;
}

export interface BinOp extends NodeBase<'BinOp'> {
  readonly left: Expression;
  readonly op: string;
  readonly right: Expression;
}

export interface UnaryOp extends NodeBase<'UnaryOp'> {
  readonly op: string;
  readonly operand: Expression;
}

/** `a or b`, `a and b`. */
export interface BoolOp extends NodeBase<'BoolOp'> {
  readonly op: 'or' | 'and';
  readonly values: Expression[];
}

export interface Compare extends NodeBase<'Compare'> {
  readonly left: Expression;
  readonly ops: string[];
  readonly comparators: Expression[];
}

export interface IfExp extends NodeBase<'IfExp'> {
  readonly test: Expression;
  readonly body: Expression;
  readonly orelse: Expression;
}

/** Anything else (lambda, comprehension, `await`, …): its value is never known. */
export interface Unknown extends NodeBase<'Unknown'> {
  readonly kind: string;
}

export type Expression =
  | Constant
  | JoinedStr
  | FormattedValue
  | Name
  | Attribute
  | Subscript
  | Call
  | List
  | Tuple
  | SetExpr
  | Dict
  | Starred
  | BinOp
  | UnaryOp
  | BoolOp
  | Compare
  | IfExp
  | Unknown;

export type PyNode = Module | Statement | ExceptHandler | Expression | Alias | Keyword | Comment;

/** Child keys of every node type, in source order, for traversal. */
export const VISITOR_KEYS: Readonly<Record<PyNode['type'], readonly string[]>> = {
  Module: ['body'],
  Comment: [],
  Assign: ['targets', 'value'],
  AnnAssign: ['target', 'annotation', 'value'],
  AugAssign: ['target', 'value'],
  Expr: ['value'],
  If: ['test', 'body', 'orelse'],
  alias: [],
  Import: ['names'],
  ImportFrom: ['names'],
  Try: ['body', 'handlers', 'orelse', 'finalbody'],
  ExceptHandler: ['body'],
  OtherStatement: ['body'],
  Constant: [],
  JoinedStr: ['values'],
  FormattedValue: ['value'],
  Name: [],
  Attribute: ['value'],
  Subscript: ['value', 'slice'],
  keyword: ['value'],
  Call: ['func', 'args', 'keywords'],
  List: ['elts'],
  Tuple: ['elts'],
  Set: ['elts'],
  Dict: ['keys', 'values'],
  Starred: ['value'],
  BinOp: ['left', 'right'],
  UnaryOp: ['operand'],
  BoolOp: ['values'],
  Compare: ['left', 'comparators'],
  IfExp: ['test', 'body', 'orelse'],
  Unknown: [],
};

/** The children of a node in source order. */
export function childrenOf(node: PyNode): PyNode[] {
  const out: PyNode[] = [];
  const record = node as unknown as Record<string, unknown>;
  for (const key of VISITOR_KEYS[node.type]) {
    const value = record[key];
    collect(value, out);
  }
  // Dict keys and values interleave in source.
  if (node.type === 'Dict') out.sort((a, b) => a.range[0] - b.range[0]);
  return out;
}

function collect(value: unknown, out: PyNode[]): void {
  if (Array.isArray(value)) for (const item of value) collect(item, out);
  else if (value && typeof value === 'object' && 'type' in value) out.push(value as PyNode);
}
