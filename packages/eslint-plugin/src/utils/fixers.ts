/**
 * Turning core's fix intents into text edits. Only this module writes source text for fixes;
 * rules never build offsets by hand.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { FixIntent, OriginLiteral } from 'cors-lint-core';
import { ACAC, ACAM, ACEH } from 'cors-lint-core';
import type { ExtractedPolicy } from './cors-context.js';
import type { MiddlewarePolicy } from './extract/frameworks/cors-package.js';
import { isEditableString, isFunctionNode, resolveNode } from './extract/values/resolve.js';
import { addPreflightHandler } from './preflight-fixers.js';

type Node = TSESTree.Node;
type FixFunction = TSESLint.ReportFixFunction;
type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * An ESLint fix for an intent, or undefined when the source is not in a shape we can edit safely.
 * `policy` is the one the finding is about, where there is one (the middleware to add an option to).
 */
export function fixFromIntent(
  intent: FixIntent<Node>,
  policy: ExtractedPolicy | undefined,
  sourceCode: SourceCode,
): FixFunction | undefined {
  switch (intent.kind) {
    case 'replace-value':
      return replaceValue(intent.at, intent.value, sourceCode);
    case 'set-origins':
      return setOrigins(intent.at, intent.entries, policy, sourceCode);
    case 'replace-entry': {
      // An identifier stands in for an entry written in another file (imported options): not ours to edit.
      if (intent.at.type === AST_NODE_TYPES.Identifier) return undefined;
      const quoteChar = quoteOf(intent.at, sourceCode);
      return (fixer) =>
        fixer.replaceText(
          intent.at,
          intent.entries.map((entry) => originLiteral(entry, quoteChar)).join(', '),
        );
    }
    case 'remove':
      return removeNode(intent.at, sourceCode);
    case 'add-list-item':
      return addListItem(intent.at, intent.item, sourceCode);
    case 'add-list-setting':
      return addListSetting(intent, policy, sourceCode);
    case 'add-setting':
      return addSetting(intent, policy, sourceCode);
    case 'append-vary':
      return appendVary(intent.at, intent.field, sourceCode);
    case 'add-preflight-handler':
      return addPreflightHandler(intent, policy, sourceCode);
    case 'replace-pattern':
      return replacePattern(intent.at, intent.source, intent.flags);
    case 'replace-origin-test':
      return replaceOriginTest(intent.at, intent.subject, intent.accept, sourceCode);
  }
}

/** An ESLint fix for an intent on a client request (no policy around it): removing or rewriting a setting. */
export function fixFromRequestIntent(
  intent: FixIntent<Node>,
  sourceCode: SourceCode,
): FixFunction | undefined {
  if (intent.kind === 'remove') return removeNode(intent.at, sourceCode);
  if (intent.kind === 'replace-value') return replaceValue(intent.at, intent.value, sourceCode);
  return undefined;
}

function replaceValue(
  at: Node,
  value: string | number | boolean,
  sourceCode: SourceCode,
): FixFunction | undefined {
  const target = editableValue(at, sourceCode);
  if (!target) return undefined;
  const text =
    typeof value === 'string' ? quote(value, quoteOf(target, sourceCode)) : String(value);
  return (fixer) => fixer.replaceText(target, text);
}

/** The node holding a setting's value: a property's value, a header write's value argument, or the literal itself. */
export function valueNodeOf(at: Node): Node | undefined {
  if (at.type === AST_NODE_TYPES.Property) return at.value;
  if (at.type === AST_NODE_TYPES.CallExpression) return at.arguments[1];
  if (at.type === AST_NODE_TYPES.ArrayExpression) return at.elements[1] ?? undefined;
  if (at.type === AST_NODE_TYPES.ObjectExpression) return headerPairValue(at);
  return at;
}

/** A `{ key, value }` header pair (Next.js `headers()`): its `value`. */
function headerPairValue(pair: TSESTree.ObjectExpression): Node | undefined {
  for (const property of pair.properties) {
    if (
      property.type === AST_NODE_TYPES.Property &&
      !property.computed &&
      property.key.type === AST_NODE_TYPES.Identifier &&
      property.key.name === 'value'
    )
      return property.value;
  }
  return undefined;
}

/**
 * The node to rewrite: the literal behind a same-file constant (so the constant keeps its name), or,
 * for a whole setting whose value is an expression (`req.headers.origin`), that expression where it is used.
 */
function editableValue(at: Node, sourceCode: SourceCode): Node | undefined {
  const value = valueNodeOf(at);
  if (!value) return undefined;
  const literal = resolveNode(value, sourceCode.getScope(value));
  if (isEditableString(literal)) return literal;
  if (
    literal.type === AST_NODE_TYPES.Literal &&
    (typeof literal.value === 'number' || typeof literal.value === 'boolean')
  )
    return literal;
  return value === at ? undefined : value;
}

function setOrigins(
  at: Node,
  entries: readonly OriginLiteral[],
  policy: ExtractedPolicy | undefined,
  sourceCode: SourceCode,
): FixFunction | undefined {
  if (policy?.source.kind !== 'middleware') return undefined;
  const middleware = policy as MiddlewarePolicy;
  const quoteChar = preferredQuote(sourceCode);
  // A library whose `origin` takes one string (`@koa/cors`) gets that string, never a list.
  const [only] = entries;
  const single = middleware.source.singleOrigin === true;
  if (single && (entries.length !== 1 || only?.kind !== 'exact')) return undefined;
  const list = single
    ? originLiteral(only as OriginLiteral, quoteChar)
    : `[${entries.map((entry) => originLiteral(entry, quoteChar)).join(', ')}]`;
  if (at.type === AST_NODE_TYPES.Property) {
    // `origin(o, cb) {…}` and `{ origin }` have no `key:` before the value: rewrite the whole property.
    if (at.method || at.shorthand) {
      const key = at.computed ? `[${sourceCode.getText(at.key)}]` : sourceCode.getText(at.key);
      return (fixer) => fixer.replaceText(at, `${key}: ${list}`);
    }
    return (fixer) => fixer.replaceText(at.value, list);
  }
  // An answer inside an origin function (`cb(null, true)` on an unchecked path): the fix is the user's to write.
  const options = middleware.optionsObject;
  if (options && at.range[0] >= options.range[0] && at.range[1] <= options.range[1])
    return undefined;
  // A default the options take from elsewhere (`const defaults = { origin: '*', … }` merged in):
  // the app's origin becomes the default; any other value outside the options is the user's to rewrite.
  if (at.type === AST_NODE_TYPES.Literal) {
    const call = middleware.call;
    if (at.range[0] >= call.range[0] && at.range[1] <= call.range[1]) return undefined;
    const holder = at.parent;
    const isOriginDefault =
      holder?.type === AST_NODE_TYPES.Property &&
      holder.value === at &&
      !holder.computed &&
      sourceCode.getText(holder.key).replace(/^['"]|['"]$/g, '') === middleware.optionNames.origin;
    return isOriginDefault ? (fixer) => fixer.replaceText(at, list) : undefined;
  }
  // The origin is implicit (a library default): add the option.
  return insertOption(middleware, middleware.optionNames.origin, list, sourceCode);
}

/** Adds `name: value` to a middleware's options, creating the options object when the call has none. */
export function insertOption(
  policy: MiddlewarePolicy,
  name: string,
  value: string,
  sourceCode: SourceCode,
): FixFunction | undefined {
  const { call, optionsObject } = policy;
  // Options are argument 0 of `cors()`, argument 1 of `app.register(cors)`.
  const index = policy.optionsIndex ?? 0;
  if (call.arguments.length === index) {
    const closing = sourceCode.getLastToken(call);
    if (!closing) return undefined;
    return (fixer) =>
      fixer.insertTextBefore(closing, `${index > 0 ? ', ' : ''}{ ${name}: ${value} }`);
  }
  if (!optionsObject) return undefined;
  return appendProperty(optionsObject, `${name}: ${value}`, sourceCode);
}

/** Adds `name: value` text as the last property of an object literal, in the object's layout. */
function appendProperty(
  object: TSESTree.ObjectExpression,
  property: string,
  sourceCode: SourceCode,
): FixFunction {
  const last = object.properties.at(-1);
  if (!last) {
    return (fixer) => fixer.replaceText(object, `{ ${property} }`);
  }
  const afterLast = sourceCode.getTokenAfter(last);
  const hasTrailingComma = afterLast?.value === ',';
  const multiline = object.loc.start.line !== object.loc.end.line;
  if (multiline) {
    const indent = ' '.repeat(last.loc.start.column);
    const eol = lineBreak(sourceCode);
    return hasTrailingComma && afterLast
      ? (fixer) => fixer.insertTextAfter(afterLast, `${eol}${indent}${property},`)
      : (fixer) => fixer.insertTextAfter(last, `,${eol}${indent}${property}`);
  }
  return hasTrailingComma && afterLast
    ? (fixer) => fixer.insertTextAfter(afterLast, ` ${property},`)
    : (fixer) => fixer.insertTextAfter(last, `, ${property}`);
}

/** Creates an absent list setting: a middleware option, or a header written beside the hand-set header `at`. */
function addListSetting(
  intent: Extract<FixIntent<Node>, { kind: 'add-list-setting' }>,
  policy: ExtractedPolicy | undefined,
  sourceCode: SourceCode,
): FixFunction | undefined {
  const { at, items, setting } = intent;
  if (policy?.source.kind === 'middleware') {
    const middleware = policy as MiddlewarePolicy;
    const quoteChar = preferredQuote(sourceCode);
    return insertOption(
      middleware,
      middleware.optionNames[setting],
      `[${items.map((item) => quote(item, quoteChar)).join(', ')}]`,
      sourceCode,
    );
  }
  return insertHeaderWrite(
    at,
    setting === 'allowMethods' ? ACAM : ACEH,
    items.join(', '),
    sourceCode,
  );
}

/** Creates an absent setting: a middleware option, or a header written beside the hand-set header `at`. */
function addSetting(
  intent: Extract<FixIntent<Node>, { kind: 'add-setting' }>,
  policy: ExtractedPolicy | undefined,
  sourceCode: SourceCode,
): FixFunction | undefined {
  const { at, value } = intent;
  if (policy?.source.kind === 'middleware') {
    const middleware = policy as MiddlewarePolicy;
    const text =
      typeof value === 'string' ? quote(value, preferredQuote(sourceCode)) : String(value);
    return insertOption(middleware, middleware.optionNames.credentials, text, sourceCode);
  }
  return insertHeaderWrite(at, ACAC, String(value), sourceCode);
}

/** A text edit: `range` in offsets of the text the fix was made for. */
export interface TextEdit {
  readonly range: readonly [number, number];
  readonly text: string;
}

/**
 * The text edits of an intent, for an adapter that applies them itself (the language server, on a
 * file other than the one linted); undefined when the source is not in a shape we can edit safely.
 */
export function intentEdits(
  intent: FixIntent<Node>,
  policy: ExtractedPolicy | undefined,
  sourceCode: SourceCode,
): TextEdit[] | undefined {
  const fix = fixFromIntent(intent, policy, sourceCode);
  if (!fix) return undefined;
  const range = (target: Node | TSESTree.Token): readonly [number, number] => target.range;
  const edit = (start: number, end: number, text: string): TSESLint.RuleFix => ({
    range: [start, end],
    text,
  });
  const recorder: TSESLint.RuleFixer = {
    insertTextAfter: (target, text) => edit(range(target)[1], range(target)[1], text),
    insertTextAfterRange: ([, end], text) => edit(end, end, text),
    insertTextBefore: (target, text) => edit(range(target)[0], range(target)[0], text),
    insertTextBeforeRange: ([start], text) => edit(start, start, text),
    remove: (target) => edit(range(target)[0], range(target)[1], ''),
    removeRange: ([start, end]) => edit(start, end, ''),
    replaceText: (target, text) => edit(range(target)[0], range(target)[1], text),
    replaceTextRange: ([start, end], text) => edit(start, end, text),
  };
  const result = fix(recorder);
  if (result === null) return undefined;
  const fixes: TSESLint.RuleFix[] =
    Symbol.iterator in result ? [...result] : [result as TSESLint.RuleFix];
  return fixes
    .map(({ range: [start, end], text }) => ({ range: [start, end] as const, text }))
    .sort((a, b) => a.range[0] - b.range[0]);
}

/**
 * Adds `Vary: <field>` to the response the header write `at` writes to, with append semantics where the
 * framework has them (`res.vary` in Express, `ctx.vary` in Koa, `Headers#append`). A header that
 * replaces (`setHeader`, `reply.header`) is written only when the file sets no Vary anywhere.
 */
function appendVary(at: Node, field: string, sourceCode: SourceCode): FixFunction | undefined {
  const call = headerCallStatement(at, sourceCode);
  if (!call) return insertHeaderWrite(at, 'Vary', field, sourceCode);
  const quoted = quote(field, quoteOf(call.nameArgument, sourceCode));
  if (importsExpress(sourceCode) || /^(ctx|context)$/.test(call.receiver)) {
    // Vary goes on every response, also those the `if` sends without the header: a cached answer
    // without it is otherwise reused for the origin that needs it (cors-reference.md §4).
    const text = `${call.receiver}.vary(${quoted});`;
    const guard = outermostIf(call.statement);
    return guard
      ? (insertStatementBefore(guard, text, sourceCode) ??
          insertStatementAfter(call.statement, text, sourceCode))
      : insertStatementAfter(call.statement, text, sourceCode);
  }
  if (
    call.method === 'append' ||
    call.method === 'appendHeader' ||
    (call.method === 'set' && /headers$/i.test(call.receiver))
  ) {
    return insertHeaderWrite(
      at,
      'Vary',
      field,
      sourceCode,
      call.method === 'set' ? 'append' : call.method,
    );
  }
  if ((call.method === 'setHeader' || call.method === 'header') && !setsVary(sourceCode))
    return insertHeaderWrite(at, 'Vary', field, sourceCode);
  return undefined;
}

/*
 * Facts about the whole text (its line break, quote style, whether it imports express or sets Vary):
 * each one scans the file, and a file reports many findings with fixes, so each is found once per file.
 */
const lineBreaks = new WeakMap<SourceCode, string>();
const preferredQuotes = new WeakMap<SourceCode, string>();
const expressImports = new WeakMap<SourceCode, boolean>();
const varySetters = new WeakMap<SourceCode, boolean>();

function oncePerFile<T>(
  cache: WeakMap<SourceCode, T>,
  sourceCode: SourceCode,
  find: (sourceCode: SourceCode) => T,
): T {
  if (cache.has(sourceCode)) return cache.get(sourceCode) as T;
  const value = find(sourceCode);
  cache.set(sourceCode, value);
  return value;
}

const EXPRESS_IMPORT = /\brequire\(\s*['"]express['"]\s*\)|\bfrom\s+['"]express['"]/;

function importsExpress(sourceCode: SourceCode): boolean {
  return oncePerFile(expressImports, sourceCode, ({ text }) => EXPRESS_IMPORT.test(text));
}

/** The file names Vary somewhere (`'Vary'`, `res.vary(…)`). */
function setsVary(sourceCode: SourceCode): boolean {
  return oncePerFile(varySetters, sourceCode, ({ text }) => /['"`]vary['"`]|\.vary\(/i.test(text));
}

/** Writes one more header beside the header write `at`, the same way: a call statement, an object property or a `[name, value]` pair. */
function insertHeaderWrite(
  at: Node,
  name: string,
  value: string,
  sourceCode: SourceCode,
  method?: string,
): FixFunction | undefined {
  const quoteChar = quoteOf(valueNodeOf(at) ?? at, sourceCode);
  if (at.type === AST_NODE_TYPES.Property && at.parent.type === AST_NODE_TYPES.ObjectExpression) {
    const key = /^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name, quoteChar);
    return appendProperty(at.parent, `${key}: ${quote(value, quoteChar)}`, sourceCode);
  }
  if (
    at.type === AST_NODE_TYPES.ArrayExpression &&
    at.parent?.type === AST_NODE_TYPES.ArrayExpression
  ) {
    return (fixer) =>
      fixer.insertTextAfter(at, `, [${quote(name, quoteChar)}, ${quote(value, quoteChar)}]`);
  }
  const call = headerCallStatement(at, sourceCode);
  if (!call) return undefined;
  return insertStatementAfter(
    call.statement,
    `${call.receiver}.${method ?? call.method}(${quote(name, quoteChar)}, ${quote(value, quoteChar)});`,
    sourceCode,
  );
}

/** `res.setHeader(name, value);` standing as a statement of a block: its receiver (chained calls stripped) and method. */
function headerCallStatement(
  at: Node,
  sourceCode: SourceCode,
):
  | {
      statement: TSESTree.ExpressionStatement;
      receiver: string;
      method: string;
      nameArgument: Node;
    }
  | undefined {
  const statement = at.parent;
  if (
    at.type !== AST_NODE_TYPES.CallExpression ||
    statement?.type !== AST_NODE_TYPES.ExpressionStatement
  )
    return undefined;
  const block = statement.parent;
  if (
    block?.type !== AST_NODE_TYPES.BlockStatement &&
    block?.type !== AST_NODE_TYPES.Program &&
    block?.type !== AST_NODE_TYPES.SwitchCase
  )
    return undefined;
  const callee = at.callee;
  const nameArgument = at.arguments[0];
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    callee.computed ||
    callee.property.type !== AST_NODE_TYPES.Identifier ||
    !nameArgument
  )
    return undefined;
  let root: Node = callee.object;
  while (
    root.type === AST_NODE_TYPES.CallExpression &&
    root.callee.type === AST_NODE_TYPES.MemberExpression
  )
    root = root.callee.object;
  if (root.type !== AST_NODE_TYPES.Identifier && root.type !== AST_NODE_TYPES.MemberExpression)
    return undefined;
  return {
    statement,
    receiver: sourceCode.getText(root),
    method: callee.property.name,
    nameArgument,
  };
}

/** Inserts a statement on its own line after `statement`, at the same indentation. */
function insertStatementAfter(
  statement: TSESTree.ExpressionStatement,
  text: string,
  sourceCode: SourceCode,
): FixFunction {
  const lineStart = sourceCode.text.lastIndexOf('\n', statement.range[0] - 1) + 1;
  const before = sourceCode.text.slice(lineStart, statement.range[0]);
  const indent = /^\s*$/.test(before) ? before : ' '.repeat(statement.loc.start.column);
  return (fixer) => fixer.insertTextAfter(statement, `${lineBreak(sourceCode)}${indent}${text}`);
}

/** The outermost `if` of the enclosing function that holds `statement`, if it sits in a list of statements. */
function outermostIf(statement: TSESTree.Node): TSESTree.IfStatement | undefined {
  let outermost: TSESTree.IfStatement | undefined;
  for (let node = statement.parent; node && !isFunctionNode(node); node = node.parent)
    if (node.type === AST_NODE_TYPES.IfStatement) outermost = node;
  const holder = outermost?.parent;
  return holder?.type === AST_NODE_TYPES.BlockStatement ||
    holder?.type === AST_NODE_TYPES.Program ||
    holder?.type === AST_NODE_TYPES.SwitchCase
    ? outermost
    : undefined;
}

/** Inserts `text` as a statement of its own line before `statement`; undefined when other code shares that line. */
function insertStatementBefore(
  statement: TSESTree.Statement,
  text: string,
  sourceCode: SourceCode,
): FixFunction | undefined {
  const lineStart = sourceCode.text.lastIndexOf('\n', statement.range[0] - 1) + 1;
  const indent = sourceCode.text.slice(lineStart, statement.range[0]);
  if (!/^\s*$/.test(indent)) return undefined;
  return (fixer) => fixer.insertTextBefore(statement, `${text}${lineBreak(sourceCode)}${indent}`);
}

/** The file's line break, so inserted lines keep CRLF files CRLF. */
function lineBreak(sourceCode: SourceCode): string {
  return oncePerFile(lineBreaks, sourceCode, ({ text }) => (text.includes('\r\n') ? '\r\n' : '\n'));
}

/** Removes a property, an array element, or a statement that is only a header write. */
/** Expressions that do something when evaluated: deleting one is a change of behaviour, not a fix. */
const RUNS_CODE: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.AssignmentExpression,
  AST_NODE_TYPES.UpdateExpression,
  AST_NODE_TYPES.AwaitExpression,
  AST_NODE_TYPES.YieldExpression,
  AST_NODE_TYPES.TaggedTemplateExpression,
  AST_NODE_TYPES.ImportExpression,
]);

/** Built-in conversions that only compute a value (`String(file.size)`): deleting one changes nothing else. */
const PURE_GLOBAL_CALLS: ReadonlySet<string> = new Set([
  'String',
  'Number',
  'Boolean',
  'encodeURIComponent',
  'encodeURI',
  'btoa',
]);

function isPureConversion(node: Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const { callee } = node;
  if (callee.type === AST_NODE_TYPES.Identifier) return PURE_GLOBAL_CALLS.has(callee.name);
  // `JSON.stringify(value)`
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'JSON' &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    callee.property.name === 'stringify'
  );
}

/**
 * Whether a `remove` intent would delete code that runs something besides the removed write itself:
 * `{ Cookie: track() }`, `xhr.setRequestHeader('Cookie', track())`, `{ [key()]: v }`. The header
 * write (the call or assignment being removed) does not count; functions defined there never ran.
 */
export function removesCodeThatRuns(intent: FixIntent<Node>, sourceCode: SourceCode): boolean {
  if (intent.kind !== 'remove') return false;
  const visit = (node: Node): boolean => {
    if (
      node !== intent.at &&
      !isPureConversion(node) &&
      (RUNS_CODE.has(node.type) ||
        (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'delete'))
    )
      return true;
    if (
      node.type === AST_NODE_TYPES.FunctionExpression ||
      node.type === AST_NODE_TYPES.ArrowFunctionExpression
    )
      return false;
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && 'type' in item && visit(item as Node)) return true;
      }
    }
    return false;
  };
  return visit(intent.at);
}

function removeNode(at: Node, sourceCode: SourceCode): FixFunction | undefined {
  const parent = at.parent;
  if (at.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.ArrayExpression)
    return removeListMember(at, sourceCode);
  if (
    at.type === AST_NODE_TYPES.CallExpression &&
    parent?.type === AST_NODE_TYPES.ExpressionStatement
  ) {
    // The last call of a chain (`res.set(a).set(b)`): the statement holds earlier calls too.
    if (
      at.callee.type === AST_NODE_TYPES.MemberExpression &&
      at.callee.object.type === AST_NODE_TYPES.CallExpression
    )
      return undefined;
    return removeStatement(parent, sourceCode);
  }
  // `axios.defaults.headers.common.Cookie = …`, `xhr.withCredentials = true`: the assignment's statement.
  if (
    at.type === AST_NODE_TYPES.AssignmentExpression &&
    parent?.type === AST_NODE_TYPES.ExpressionStatement
  )
    return removeStatement(parent, sourceCode);
  return undefined;
}

/** Removes a member of a comma-separated list (object properties, array elements) with one adjacent comma. */
function removeListMember(member: Node, sourceCode: SourceCode): FixFunction {
  const after = sourceCode.getTokenAfter(member);
  const before = sourceCode.getTokenBefore(member);
  return (fixer) => {
    if (after?.value === ',') {
      const next = sourceCode.getTokenAfter(after, { includeComments: true });
      // Take the whitespace up to the next member so the layout stays as it was.
      if (next && next.loc.start.line === after.loc.end.line)
        return fixer.removeRange([member.range[0], next.range[0]]);
      // A member on lines of its own goes with those lines, not leaving an indented blank line.
      const text = sourceCode.text;
      const lineStart = text.lastIndexOf('\n', member.range[0] - 1) + 1;
      const lineEnd = text.indexOf('\n', after.range[1]);
      if (
        lineEnd !== -1 &&
        text.slice(lineStart, member.range[0]).trim() === '' &&
        text.slice(after.range[1], lineEnd).trim() === ''
      ) {
        return fixer.removeRange([lineStart, lineEnd + 1]);
      }
      return fixer.removeRange([member.range[0], after.range[1]]);
    }
    if (before?.value === ',') return fixer.removeRange([before.range[0], member.range[1]]);
    // The only member: `{ credentials: true }` becomes `{}`, not `{  }`.
    if (before?.value === '{' || before?.value === '[') {
      const close = sourceCode.getTokenAfter(member, { includeComments: true });
      if (close?.value === '}' || close?.value === ']')
        return fixer.removeRange([before.range[1], close.range[0]]);
    }
    return fixer.remove(member);
  };
}

/** Removes a statement with its line when it stands alone on it. */
function removeStatement(
  statement: TSESTree.ExpressionStatement,
  sourceCode: SourceCode,
): FixFunction | undefined {
  const parent = statement.parent;
  // A statement that is the whole body of an `if` or arrow cannot just vanish.
  if (
    parent?.type !== AST_NODE_TYPES.BlockStatement &&
    parent?.type !== AST_NODE_TYPES.Program &&
    parent?.type !== AST_NODE_TYPES.SwitchCase
  )
    return undefined;
  const text = sourceCode.text;
  let start = statement.range[0];
  let end = statement.range[1];
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  const aloneOnLine =
    text.slice(lineStart, start).trim() === '' &&
    text.slice(end, lineEnd === -1 ? text.length : lineEnd).trim() === '';
  if (aloneOnLine) {
    start = lineStart;
    end = lineEnd === -1 ? text.length : lineEnd + 1;
  }
  return (fixer) => fixer.removeRange([start, end]);
}

/** Appends an item to an array (`['a']` → `['a', 'b']`) or a list string (`'a'` → `'a, b'`). */
function addListItem(at: Node, item: string, sourceCode: SourceCode): FixFunction | undefined {
  const parent = at.parent;
  if (parent?.type === AST_NODE_TYPES.ArrayExpression) {
    return (fixer) => fixer.insertTextAfter(at, `, ${quote(item, quoteOf(at, sourceCode))}`);
  }
  if (!isEditableString(at)) return undefined;
  const current =
    at.type === AST_NODE_TYPES.Literal ? at.value : (at.quasis[0]!.value.cooked ?? '');
  const text = quote(`${current.replace(/[\s,]+$/, '')}, ${item}`, quoteOf(at, sourceCode));
  return (fixer) => fixer.replaceText(at, text);
}

/** A regex literal (`/a\.com$/i`), or a string `match` takes as one, rewritten as a regex literal. */
function replacePattern(at: Node, source: string, flags: string): FixFunction | undefined {
  if (at.type !== AST_NODE_TYPES.Literal) return undefined;
  return (fixer) => fixer.replaceText(at, originLiteral({ kind: 'pattern', source, flags }, "'"));
}

/**
 * The test a `replace-origin-test` intent writes, as its suggestion shows it: `origin === 'https://a.com'`
 * or `/^https:\/\/a\.com$/.test(origin)`, with the subject as written.
 */
export function originTestText(
  subject: Node,
  accept: OriginLiteral,
  sourceCode: SourceCode,
): string {
  const subjectText = sourceCode.getText(subject);
  return accept.kind === 'exact'
    ? `${subjectText} === ${JSON.stringify(accept.value).replace(/^"|"$/g, "'")}`
    : `${originLiteral(accept, "'")}.test(${subjectText})`;
}

function replaceOriginTest(
  at: Node,
  subject: Node,
  accept: OriginLiteral,
  sourceCode: SourceCode,
): FixFunction {
  const text = originTestText(subject, accept, sourceCode);
  // An `===` comparison put under `!`, a member access or another comparison needs parentheses.
  const parent = at.parent;
  const parenthesize =
    accept.kind === 'exact' &&
    (parent?.type === AST_NODE_TYPES.UnaryExpression ||
      parent?.type === AST_NODE_TYPES.MemberExpression ||
      parent?.type === AST_NODE_TYPES.BinaryExpression);
  return (fixer) => fixer.replaceText(at, parenthesize ? `(${text})` : text);
}

function originLiteral(entry: OriginLiteral, quoteChar: string): string {
  return entry.kind === 'exact' ? quote(entry.value, quoteChar) : `/${entry.source}/${entry.flags}`;
}

/** The quote character a string node uses; single quotes for anything else. */
function quoteOf(node: Node, sourceCode: SourceCode): string {
  const first = sourceCode.getText(node)[0];
  return first === '"' || first === '`' || first === "'" ? first : preferredQuote(sourceCode);
}

/** The file's quote style, from its first string token. */
function preferredQuote(sourceCode: SourceCode): string {
  return oncePerFile(preferredQuotes, sourceCode, ({ ast }) =>
    ast.tokens.find((t) => t.type === 'String')?.value.startsWith('"') ? '"' : "'",
  );
}

function quote(value: string, quoteChar: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(new RegExp(quoteChar === '`' ? '`|\\$\\{' : quoteChar, 'g'), (m) => `\\${m}`);
  return `${quoteChar}${escaped}${quoteChar}`;
}
