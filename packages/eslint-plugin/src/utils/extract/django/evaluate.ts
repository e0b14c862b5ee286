/**
 * What a settings module's module-level names can hold, read statically (invariant 6: unknown stays
 * unknown). It follows assignments in order (a later binding wins), `+=`, list concatenation,
 * `.append`/`.insert`/`.extend`/`.remove`, `if`/`else` branches (each value keeps the branches it
 * needs, so values of two exclusive branches never meet), and the defaults of environment lookups:
 * `os.environ.get('X', default)`, `os.getenv`, `env('X', default=…)`, `env.list(…)`, `config(…)`,
 * `getattr(obj, 'X', default)` stand for their default (what the setting is when the variable is
 * unset); without a default they are unknown. Names a star import may bring in are unknown.
 * Names imported from a library whose values the caller knows (`from corsheaders.defaults import
 * default_headers`, see `KnownImports`) hold those values.
 */
import type {
  Call,
  Expression,
  Module,
  PyNode,
  Statement,
} from '../../../languages/django-settings/ast.js';

/** Branch choices a value depends on: `if` statement (by its start offset) → branch (0 body, 1 else). */
export type Condition = ReadonlyMap<number, 0 | 1>;

export type PyValue =
  | { readonly kind: 'str'; readonly value: string; readonly node: PyNode }
  | { readonly kind: 'bool'; readonly value: boolean; readonly node: PyNode }
  | { readonly kind: 'number'; readonly value: number; readonly node: PyNode }
  | { readonly kind: 'none'; readonly node: PyNode }
  /** A list, tuple or set. `orderKnown` is false after an `insert` at an unknown index. */
  | {
      readonly kind: 'list';
      readonly items: readonly PyValue[];
      readonly complete: boolean;
      readonly orderKnown: boolean;
      readonly sequence: 'list' | 'tuple' | 'set';
      readonly node: PyNode;
    }
  | { readonly kind: 'unknown'; readonly node: PyNode };

/** One possible value and the branches it needs. */
export interface Alternative {
  readonly value: PyValue;
  readonly condition: Condition;
  /** The statement that made this value (assignment, `+=`, mutating call), for reports and fixes. */
  readonly writtenBy: Statement | null;
  /** The name is not set at all on these branches (`if DEBUG: X = …` without `else`). */
  readonly unset?: true;
}

/** A module-level name: its possible values, and every statement that wrote it, in source order. */
export interface Binding {
  readonly alternatives: readonly Alternative[];
  readonly writes: readonly Statement[];
}

const EMPTY: Condition = new Map();
/** Past this many alternatives a value is taken as unknown: the file branches too much to enumerate. */
const MAX_ALTERNATIVES = 16;

export function compatible(a: Condition, b: Condition): boolean {
  for (const [id, branch] of a) {
    const other = b.get(id);
    if (other !== undefined && other !== branch) return false;
  }
  return true;
}

export function joinConditions(a: Condition, b: Condition): Condition {
  if (a.size === 0) return b;
  if (b.size === 0) return a;
  return new Map([...a, ...b]);
}

/** Calls that read the environment or another configuration object; their default is the value when unset. */
const LOOKUP_FUNCTIONS = new Set(['env', 'config', 'getenv', 'get_env', 'getattr']);
const LOOKUP_METHODS = new Set([
  'get',
  'getenv',
  'str',
  'bool',
  'int',
  'float',
  'list',
  'tuple',
  'json',
  'dict',
  'url',
  'path',
  'get_value',
]);

/** Values of names a library exports, by `module.name` (`corsheaders.defaults.default_headers`). */
export type KnownImports = ReadonlyMap<string, readonly string[]>;

export class SettingsEvaluation {
  readonly #bindings = new Map<string, Binding>();
  readonly #known: KnownImports;
  /** The first star import (`from .base import *`): names not written in this file may come from it. */
  starImport: Statement | null = null;

  constructor(module: Module, known: KnownImports = new Map()) {
    this.#known = known;
    this.#block(module.body, EMPTY);
  }

  /** Every module-level name this file writes. */
  names(): string[] {
    return [...this.#bindings.keys()];
  }

  binding(name: string): Binding | undefined {
    return this.#bindings.get(name);
  }

  #block(statements: readonly Statement[], condition: Condition): void {
    for (const statement of statements) this.#statement(statement, condition);
  }

  #statement(statement: Statement, condition: Condition): void {
    switch (statement.type) {
      case 'Assign':
        for (const target of statement.targets)
          this.#assign(target, this.#evaluate(statement.value, condition), statement, condition);
        return;
      case 'AnnAssign':
        if (statement.value)
          this.#assign(
            statement.target,
            this.#evaluate(statement.value, condition),
            statement,
            condition,
          );
        return;
      case 'AugAssign': {
        if (statement.target.type !== 'Name') return;
        const name = statement.target.id;
        const current = this.#read(name, statement.target, condition);
        const value = this.#evaluate(statement.value, condition);
        const combined = combine(current, value, (left, right) =>
          statement.op === '+' ? add(left, right, statement, true) : unknownAt(statement),
        );
        this.#write(name, combined, statement, condition);
        return;
      }
      case 'Expr':
        if (statement.value.type === 'Call')
          this.#mutatingCall(statement.value, statement, condition);
        return;
      case 'If': {
        const test = this.#evaluate(statement.test, condition);
        const decided =
          test.length === 1 && test[0]!.value.kind === 'bool' && !isDefault(test[0]!.value)
            ? test[0]!.value.value
            : undefined;
        if (decided === true) return this.#block(statement.body, condition);
        if (decided === false) return this.#block(statement.orelse, condition);
        this.#branches([statement.body, statement.orelse], statement, condition);
        return;
      }
      case 'Try':
        // The body may stop at any statement; the handlers may run instead. Each is a branch.
        this.#branches(
          [statement.body, statement.handlers.flatMap((h) => h.body)],
          statement,
          condition,
        );
        this.#block(
          statement.orelse,
          joinConditions(condition, new Map([[statement.range[0], 0]])),
        );
        this.#block(statement.finalbody, condition);
        return;
      case 'ImportFrom':
        if (statement.names.some((alias) => alias.name === '*')) {
          this.starImport ??= statement;
          // Anything written so far may be replaced by the imported module.
          for (const [name, binding] of this.#bindings) {
            this.#bindings.set(name, {
              ...binding,
              alternatives: limit([
                ...binding.alternatives,
                { value: unknownAt(statement), condition, writtenBy: statement },
              ]),
            });
          }
        }
        for (const alias of statement.names) {
          if (alias.name === '*') continue;
          const known =
            statement.level === 0
              ? this.#known.get(`${statement.module}.${alias.name}`)
              : undefined;
          const value: PyValue = known
            ? {
                kind: 'list',
                items: known.map((text) => ({ kind: 'str', value: text, node: alias })),
                complete: true,
                orderKnown: true,
                sequence: 'tuple',
                node: alias,
              }
            : unknownAt(alias);
          this.#write(
            alias.asname ?? alias.name,
            [{ value, condition, writtenBy: statement }],
            statement,
            condition,
          );
        }
        return;
      case 'Import':
        return;
      case 'OtherStatement':
        if (statement.kind === 'FunctionDef' || statement.kind === 'ClassDef') {
          // A function may be called: names it declares `global` and writes become unknown too.
          for (const name of globalWrites(statement.body))
            this.#write(
              name,
              [{ value: unknownAt(statement), condition, writtenBy: statement }],
              statement,
              condition,
            );
          return;
        }
        // Loops and `with` bodies: may run zero or more times.
        this.#branches([statement.body, []], statement, condition);
        return;
    }
  }

  /** Runs each block on its own copy of the bindings and keeps every outcome, tagged with its branch. */
  #branches(
    blocks: readonly (readonly Statement[])[],
    owner: Statement,
    condition: Condition,
  ): void {
    const id = owner.range[0];
    const before = new Map(this.#bindings);
    const outcomes: Map<string, Binding>[] = [];
    blocks.forEach((block, index) => {
      this.#bindings.clear();
      for (const [name, binding] of before) this.#bindings.set(name, binding);
      this.#block(block, joinConditions(condition, new Map([[id, index === 0 ? 0 : 1]])));
      outcomes.push(new Map(this.#bindings));
    });
    this.#bindings.clear();
    const names = new Set(outcomes.flatMap((outcome) => [...outcome.keys()]));
    for (const name of names) {
      const alternatives: Alternative[] = [];
      const writes: Statement[] = [];
      outcomes.forEach((outcome, index) => {
        const binding = outcome.get(name);
        if (!binding) {
          // Never written before, and not on this branch: the setting is unset there.
          alternatives.push({
            value: { kind: 'unknown', node: owner },
            condition: joinConditions(condition, new Map([[id, index === 0 ? 0 : 1]])),
            writtenBy: null,
            unset: true,
          });
          return;
        }
        for (const alternative of binding.alternatives)
          if (!alternatives.includes(alternative)) alternatives.push(alternative);
        for (const write of binding.writes) if (!writes.includes(write)) writes.push(write);
      });
      writes.sort((a, b) => a.range[0] - b.range[0]);
      this.#bindings.set(name, { alternatives: limit(alternatives), writes });
    }
  }

  #assign(
    target: Expression,
    values: Alternative[],
    statement: Statement,
    condition: Condition,
  ): void {
    if (target.type === 'Name') this.#write(target.id, values, statement, condition);
    else if (target.type === 'Tuple' || target.type === 'List') {
      target.elts.forEach((element, index) => {
        const parts = values.map((alternative): Alternative => {
          const { value } = alternative;
          const item =
            value.kind === 'list' && value.complete && value.items.length === target.elts.length
              ? value.items[index]!
              : unknownAt(statement);
          return { ...alternative, value: item };
        });
        this.#assign(element, parts, statement, condition);
      });
    }
  }

  #write(name: string, values: Alternative[], statement: Statement, condition: Condition): void {
    const previous = this.#bindings.get(name);
    const alternatives = values.map((alternative) => ({
      ...alternative,
      condition: joinConditions(alternative.condition, condition),
      writtenBy: alternative.writtenBy ?? statement,
    }));
    this.#bindings.set(name, {
      alternatives: limit(alternatives),
      writes: [...(previous?.writes ?? []), statement],
    });
  }

  /** `NAME.append(x)`, `.insert(i, x)`, `.extend(xs)`, `.remove(x)` on a module-level list. */
  #mutatingCall(call: Call, statement: Statement, condition: Condition): void {
    const { func } = call;
    if (func.type !== 'Attribute' || func.value.type !== 'Name') return;
    const name = func.value.id;
    const method = func.attr;
    if (!['append', 'insert', 'extend', 'remove'].includes(method)) return;
    const current = this.#read(name, func.value, condition);
    const args = call.args.map((arg) => this.#evaluate(arg, condition));
    const result: Alternative[] = [];
    for (const alternative of current) {
      const list = alternative.value;
      const options = product(args);
      for (const option of options) {
        const joined = option.reduce(
          (acc, a) => joinConditions(acc, a.condition),
          alternative.condition,
        );
        if (!option.every((a) => compatible(a.condition, alternative.condition))) continue;
        result.push({
          value: mutate(
            list,
            method,
            option.map((a) => a.value),
            statement,
          ),
          condition: joined,
          writtenBy: statement,
        });
      }
    }
    if (result.length > 0) this.#write(name, result, statement, condition);
  }

  /** A name's possible values where it is read; a name never written is unknown. */
  #read(name: string, at: PyNode, condition: Condition): Alternative[] {
    const binding = this.#bindings.get(name);
    if (!binding) return [{ value: unknownAt(at), condition: EMPTY, writtenBy: null }];
    const usable = binding.alternatives.filter((alternative) =>
      compatible(alternative.condition, condition),
    );
    return usable.length > 0
      ? usable
      : [{ value: unknownAt(at), condition: EMPTY, writtenBy: null }];
  }

  /** Every value `expression` may have under `condition`. */
  #evaluate(expression: Expression, condition: Condition): Alternative[] {
    const one = (value: PyValue): Alternative[] => [{ value, condition: EMPTY, writtenBy: null }];
    switch (expression.type) {
      case 'Constant': {
        const { value } = expression;
        if (expression.kind === 'str' && typeof value === 'string')
          return one({ kind: 'str', value, node: expression });
        if (expression.kind === 'bool' && typeof value === 'boolean')
          return one({ kind: 'bool', value, node: expression });
        if ((expression.kind === 'int' || expression.kind === 'float') && typeof value === 'number')
          return one({ kind: 'number', value, node: expression });
        if (expression.kind === 'None') return one({ kind: 'none', node: expression });
        return one(unknownAt(expression));
      }
      case 'JoinedStr': {
        const parts = expression.values.map((part) =>
          part.type === 'Constant'
            ? one({ kind: 'str', value: String(part.value ?? ''), node: part })
            : this.#evaluate(part.value, condition),
        );
        return limit(
          product(parts).map((option) => {
            const text = option.every((a) => a.value.kind === 'str' || a.value.kind === 'number')
              ? option.map((a) => String((a.value as { value: unknown }).value)).join('')
              : undefined;
            const cond = option.reduce((acc, a) => joinConditions(acc, a.condition), EMPTY);
            return {
              value:
                text === undefined
                  ? unknownAt(expression)
                  : ({ kind: 'str', value: text, node: expression } as const),
              condition: cond,
              writtenBy: null,
            };
          }),
        );
      }
      case 'Name':
        return this.#read(expression.id, expression, condition).map((a) => ({
          ...a,
          writtenBy: null,
        }));
      case 'List':
      case 'Tuple':
      case 'Set': {
        const sequence =
          expression.type === 'List' ? 'list' : expression.type === 'Tuple' ? 'tuple' : 'set';
        const parts = expression.elts.map((element) =>
          this.#evaluate(element.type === 'Starred' ? element.value : element, condition),
        );
        return limit(
          product(parts).flatMap((option) => {
            if (
              !option.every((a, i) =>
                option.slice(i + 1).every((b) => compatible(a.condition, b.condition)),
              )
            )
              return [];
            const items: PyValue[] = [];
            let complete = true;
            option.forEach((alternative, index) => {
              if (expression.elts[index]!.type !== 'Starred') items.push(alternative.value);
              else if (alternative.value.kind === 'list') {
                items.push(...alternative.value.items);
                complete &&= alternative.value.complete;
              } else complete = false;
            });
            const cond = option.reduce((acc, a) => joinConditions(acc, a.condition), EMPTY);
            return [
              {
                value: {
                  kind: 'list',
                  items,
                  complete,
                  orderKnown: complete,
                  sequence,
                  node: expression,
                } as const,
                condition: cond,
                writtenBy: null,
              },
            ];
          }),
        );
      }
      case 'BinOp': {
        const left = this.#evaluate(expression.left, condition);
        const right = this.#evaluate(expression.right, condition);
        return combine(left, right, (l, r) =>
          expression.op === '+' ? add(l, r, expression, false) : unknownAt(expression),
        );
      }
      case 'BoolOp': {
        if (expression.op !== 'or') return one(unknownAt(expression));
        // `os.environ.get('X') or 'default'`: the default where the lookup is unset or empty.
        const out: Alternative[] = [];
        for (const operand of expression.values) {
          const values = this.#evaluate(operand, condition);
          out.push(
            ...values.filter(
              (a) => a.value.kind !== 'none' && !(a.value.kind === 'str' && a.value.value === ''),
            ),
          );
          if (values.every((a) => isTruthy(a.value) === true)) break;
        }
        return limit(out.length > 0 ? out : one(unknownAt(expression)));
      }
      case 'IfExp':
        return limit([
          ...this.#evaluate(expression.body, condition),
          ...this.#evaluate(expression.orelse, condition),
        ]);
      case 'Call':
        return this.#call(expression, condition);
      default:
        return one(unknownAt(expression));
    }
  }

  #call(call: Call, condition: Condition): Alternative[] {
    const one = (value: PyValue): Alternative[] => [{ value, condition: EMPTY, writtenBy: null }];
    const { func } = call;
    const name = func.type === 'Name' ? func.id : func.type === 'Attribute' ? func.attr : undefined;
    // `'a,b'.split(',')`, `os.environ.get('X', 'a,b').split(',')`
    if (func.type === 'Attribute' && func.attr === 'split') {
      const receiver = this.#evaluate(func.value, condition);
      const separator = call.args[0] ? this.#evaluate(call.args[0], condition) : [];
      const sep =
        separator.length === 1 && separator[0]!.value.kind === 'str'
          ? separator[0]!.value.value
          : call.args.length === 0
            ? null
            : undefined;
      return receiver.map((alternative) => {
        const { value } = alternative;
        if (value.kind !== 'str' || sep === undefined)
          return { ...alternative, value: unknownAt(call) };
        const pieces =
          sep === null ? value.value.split(/\s+/).filter(Boolean) : value.value.split(sep);
        return {
          ...alternative,
          value: {
            kind: 'list',
            items: pieces.map(
              (piece) => ({ kind: 'str', value: piece, node: value.node }) as const,
            ),
            complete: true,
            orderKnown: true,
            sequence: 'list',
            node: call,
          },
        };
      });
    }
    if ((name === 'list' || name === 'tuple') && func.type === 'Name' && call.args.length === 1)
      return this.#evaluate(call.args[0]!, condition);
    if (name && isLookup(call, name)) {
      const fallback = lookupDefault(call, name);
      if (!fallback) return one(unknownAt(call));
      return this.#evaluate(fallback, condition).map((alternative) => ({
        ...alternative,
        value: markDefault(alternative.value),
      }));
    }
    return one(unknownAt(call));
  }
}

/** Values that came from an environment lookup's default: known, but not a decision the file made. */
const DEFAULTS = new WeakSet<PyValue>();

function markDefault(value: PyValue): PyValue {
  const copy = { ...value };
  DEFAULTS.add(copy);
  return copy;
}

/** Whether `value` is an environment lookup's default (the value when the variable is unset). */
export function isDefault(value: PyValue): boolean {
  return DEFAULTS.has(value);
}

function isLookup(call: Call, name: string): boolean {
  const { func } = call;
  const first = call.args[0];
  const keyed =
    (first?.type === 'Constant' && typeof first.value === 'string') ||
    (name === 'getattr' && call.args[1]?.type === 'Constant');
  if (!keyed) return false;
  if (func.type === 'Name')
    return LOOKUP_FUNCTIONS.has(name) || call.keywords.some((k) => k.arg === 'default');
  if (func.type === 'Attribute' && LOOKUP_METHODS.has(name)) {
    const receiver = sourceName(func.value);
    return /env|environ|config|settings/i.test(receiver);
  }
  return false;
}

function sourceName(node: Expression): string {
  if (node.type === 'Name') return node.id;
  if (node.type === 'Attribute') return `${sourceName(node.value)}.${node.attr}`;
  if (node.type === 'Call') return sourceName(node.func);
  return '';
}

function lookupDefault(call: Call, name: string): Expression | undefined {
  const keyword = call.keywords.find((k) => k.arg === 'default');
  if (keyword) return keyword.value;
  // getattr(obj, 'X', default); os.environ.get('X', default); os.getenv('X', default)
  if (name === 'getattr') return call.args[2];
  if (name === 'get' || name === 'getenv') return call.args[1];
  return undefined;
}

function isTruthy(value: PyValue): boolean | undefined {
  switch (value.kind) {
    case 'str':
      return value.value !== '';
    case 'bool':
      return value.value;
    case 'number':
      return value.value !== 0;
    case 'none':
      return false;
    case 'list':
      return value.complete ? value.items.length > 0 : undefined;
    default:
      return undefined;
  }
}

function unknownAt(node: PyNode): PyValue {
  return { kind: 'unknown', node };
}

function limit(alternatives: Alternative[]): Alternative[] {
  if (alternatives.length <= MAX_ALTERNATIVES) return alternatives;
  return [
    {
      value: unknownAt(alternatives[0]!.value.node),
      condition: EMPTY,
      writtenBy: alternatives[0]!.writtenBy,
    },
  ];
}

function product(lists: readonly Alternative[][]): Alternative[][] {
  let out: Alternative[][] = [[]];
  for (const list of lists) {
    out = out.flatMap((prefix) => list.map((item) => [...prefix, item]));
    if (out.length > MAX_ALTERNATIVES)
      return [
        lists.map((l) => ({
          value: unknownAt(l[0]!.value.node),
          condition: EMPTY,
          writtenBy: null,
        })),
      ];
  }
  return out;
}

function combine(
  left: Alternative[],
  right: Alternative[],
  op: (l: PyValue, r: PyValue) => PyValue,
): Alternative[] {
  const out: Alternative[] = [];
  for (const l of left)
    for (const r of right)
      if (compatible(l.condition, r.condition))
        out.push({
          value: op(l.value, r.value),
          condition: joinConditions(l.condition, r.condition),
          writtenBy: null,
        });
  return limit(out);
}

/** `a + b` for strings and sequences; `+=` on a list takes any sequence. */
function add(left: PyValue, right: PyValue, node: PyNode, inPlace: boolean): PyValue {
  if (left.kind === 'str' && right.kind === 'str')
    return { kind: 'str', value: left.value + right.value, node };
  if (left.kind === 'number' && right.kind === 'number')
    return { kind: 'number', value: left.value + right.value, node };
  const sameSequence =
    left.kind === 'list' && right.kind === 'list' && (inPlace || left.sequence === right.sequence);
  if (sameSequence)
    return {
      kind: 'list',
      items: [...left.items, ...right.items],
      complete: left.complete && right.complete,
      orderKnown: left.orderKnown && right.orderKnown,
      sequence: left.sequence,
      node: left.node,
    };
  if (left.kind === 'list' && right.kind === 'unknown')
    return { ...left, complete: false, orderKnown: left.orderKnown };
  if (left.kind === 'unknown' && right.kind === 'list')
    return { ...right, complete: false, orderKnown: false, node };
  return unknownAt(node);
}

function mutate(
  list: PyValue,
  method: string,
  args: readonly PyValue[],
  statement: Statement,
): PyValue {
  if (list.kind !== 'list' || list.sequence !== 'list') return unknownAt(statement);
  const [first, second] = args;
  switch (method) {
    case 'append':
      return first ? { ...list, items: [...list.items, first] } : list;
    case 'extend':
      if (first?.kind === 'list')
        return {
          ...list,
          items: [...list.items, ...first.items],
          complete: list.complete && first.complete,
          orderKnown: list.orderKnown && first.orderKnown,
        };
      return { ...list, complete: false, orderKnown: false };
    case 'insert': {
      if (!second) return list;
      if (first?.kind !== 'number' || !Number.isInteger(first.value))
        return { ...list, items: [...list.items, second], orderKnown: false };
      const length = list.items.length;
      const index =
        first.value < 0 ? Math.max(0, length + first.value) : Math.min(first.value, length);
      return {
        ...list,
        items: [...list.items.slice(0, index), second, ...list.items.slice(index)],
      };
    }
    case 'remove': {
      if (first?.kind !== 'str') return { ...list, complete: false };
      const index = list.items.findIndex(
        (item) => item.kind === 'str' && item.value === first.value,
      );
      return index < 0
        ? list
        : { ...list, items: [...list.items.slice(0, index), ...list.items.slice(index + 1)] };
    }
    default:
      return unknownAt(statement);
  }
}

/** Names a function body declares `global` and assigns. */
function globalWrites(body: readonly Statement[]): string[] {
  const declared = body.flatMap((statement) =>
    statement.type === 'OtherStatement' && statement.kind === 'Global' ? statement.names : [],
  );
  return declared;
}
