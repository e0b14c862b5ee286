/**
 * Core's fix intents as edits of a Python settings module (the `fixers.ts` of the django-settings
 * language). Only literals written in the file are edited; a value that came from elsewhere (an
 * environment default is still a literal here) gets no fix.
 */
import type { FixIntent, OriginLiteral } from 'cors-lint-core';
import type { TSESLint } from '@typescript-eslint/utils';
import type {
  Expression,
  List,
  Module,
  PyNode,
  Statement,
  Tuple,
} from '../languages/django-settings/ast.js';
import { childrenOf } from '../languages/django-settings/ast.js';
import { readStringToken } from '../languages/django-settings/strings.js';
import type { LanguageFile } from './language-report.js';

type Fixer = TSESLint.RuleFixer;
type FixFunction = (fixer: Fixer) => TSESLint.RuleFix | TSESLint.RuleFix[] | null;

/** What a fixer needs of the file: its text, its tree, and parents. */
export type PythonFile = LanguageFile<Module, PyNode>;

export function pythonFixFromIntent(
  intent: FixIntent<PyNode>,
  file: PythonFile,
): FixFunction | undefined {
  switch (intent.kind) {
    case 'replace-value':
      return replaceValue(intent.at, intent.value, file);
    case 'replace-entry':
      return replaceEntry(intent.at, intent.entries, file);
    case 'remove':
      return remove(intent.at, file);
    case 'add-list-item':
      return addListItem(intent.at, intent.item, file);
    case 'set-origins':
      return setOrigins(intent.at, intent.entries, file);
    case 'insert-list-item':
      return insertListItem(intent.at, intent.item, file);
    case 'move-list-item':
      return moveListItem(intent.at, intent.before, file);
    case 'replace-pattern': {
      // Only a literal written here (not an f-string, nor a default read elsewhere).
      const { at, source } = intent;
      return at.type === 'Constant'
        ? (fixer) => fixer.replaceTextRange(at.range, pythonRegexLiteral(source))
        : undefined;
    }
    default:
      return undefined;
  }
}

/** A Python string literal for `value`, in the quote style of `like` (a string literal of the file) or `'`. */
export function pythonString(value: string, like?: PyNode, file?: PythonFile): string {
  let quote = "'";
  if (like && file && like.type === 'Constant' && typeof like.value === 'string') {
    const token = readStringToken(file.text.slice(like.range[0], like.range[1]));
    if (token.quote.length === 1) quote = token.quote;
    // A raw string stays raw where the value allows it (a regex keeps its single backslashes).
    if (
      token.raw &&
      !token.bytes &&
      !value.includes(quote) &&
      !value.endsWith('\\') &&
      !value.includes('\n')
    )
      return `${token.prefix}${quote}${value}${quote}`;
  }
  const escaped = value.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`);
  return `${quote}${escaped}${quote}`;
}

function isStringLiteral(node: PyNode): boolean {
  return node.type === 'Constant' && node.kind === 'str' && typeof node.value === 'string';
}

/** Whether `node` is an element of a list or tuple display written in the file. */
function containingSequence(node: PyNode, file: PythonFile): List | Tuple | undefined {
  const parent = file.getParent(node);
  return parent && (parent.type === 'List' || parent.type === 'Tuple') ? parent : undefined;
}

function replaceValue(
  at: PyNode,
  value: string | number | boolean,
  file: PythonFile,
): FixFunction | undefined {
  if (typeof value === 'boolean')
    return at.type === 'Constant' && at.kind === 'bool'
      ? (fixer) => fixer.replaceTextRange(at.range, value ? 'True' : 'False')
      : undefined;
  if (typeof value === 'number')
    return at.type === 'Constant' && (at.kind === 'int' || at.kind === 'float')
      ? (fixer) => fixer.replaceTextRange(at.range, String(value))
      : undefined;
  if (!isStringLiteral(at)) return undefined;
  // One element of a list setting given several comma-separated names: one element each, as the setting lists them.
  const items =
    containingSequence(at, file) && value.includes(',')
      ? value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean)
      : [value];
  return (fixer) =>
    fixer.replaceTextRange(at.range, items.map((item) => pythonString(item, at, file)).join(', '));
}

function replaceEntry(
  at: PyNode,
  entries: readonly OriginLiteral[],
  file: PythonFile,
): FixFunction | undefined {
  if (!isStringLiteral(at) || !containingSequence(at, file)) return undefined;
  // A pattern belongs in CORS_ALLOWED_ORIGIN_REGEXES, not in the list of exact origins.
  if (entries.some((entry) => entry.kind !== 'exact')) return undefined;
  return (fixer) =>
    fixer.replaceTextRange(
      at.range,
      entries.map((entry) => pythonString((entry as { value: string }).value, at, file)).join(', '),
    );
}

/** Removes a list element (with its comma) or a whole statement (with its line). */
function remove(at: PyNode, file: PythonFile): FixFunction | undefined {
  const sequence = containingSequence(at, file);
  if (sequence) {
    const index = sequence.elts.indexOf(at as Expression);
    const next = sequence.elts[index + 1];
    const previous = sequence.elts[index - 1];
    if (next) return (fixer) => fixer.removeRange([at.range[0], next.range[0]]);
    // The last element: from the end of the one before, so a trailing comma stays where it was.
    if (previous) return (fixer) => fixer.removeRange([previous.range[1], at.range[1]]);
    return (fixer) => fixer.removeRange([at.range[0], trailingCommaEnd(at.range[1], file.text)]);
  }
  const statement = statementOf(at, file);
  if (!statement) return undefined;
  return (fixer) => fixer.removeRange(lineRange(statement, file.text));
}

/** After an element: past a `,` that follows it, if any (`["a", "b",]` → the comma goes too). */
function trailingCommaEnd(end: number, text: string): number {
  const match = /^\s*,/.exec(text.slice(end));
  return match ? end + match[0].length : end;
}

/** `item` after the element `at`; a comma-separated `item` becomes one element per name. */
function addListItem(at: PyNode, item: string, file: PythonFile): FixFunction | undefined {
  if (!isStringLiteral(at) || !containingSequence(at, file)) return undefined;
  const items = item
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return (fixer) =>
    fixer.insertTextAfterRange(
      at.range,
      items.map((name) => `, ${pythonString(name, at, file)}`).join(''),
    );
}

/** The text between an element and the next one (`,\n    `), to repeat the list's layout; `, ` for one-line lists. */
function separatorAfter(sequence: List | Tuple, index: number, file: PythonFile): string {
  const element = sequence.elts[index];
  const next = sequence.elts[index + 1];
  return element && next ? file.text.slice(element.range[1], next.range[0]) : ', ';
}

function insertListItem(at: PyNode, item: string, file: PythonFile): FixFunction | undefined {
  const sequence = containingSequence(at, file);
  if (!sequence) return undefined;
  const separator = separatorAfter(sequence, 0, file);
  return (fixer) =>
    fixer.insertTextBeforeRange(at.range, `${pythonString(item, at, file)}${separator}`);
}

/** Moves the element `at` before the element `before` of the same list, keeping the list's layout. */
function moveListItem(at: PyNode, before: PyNode, file: PythonFile): FixFunction | undefined {
  const sequence = containingSequence(at, file);
  if (!sequence || containingSequence(before, file) !== sequence) return undefined;
  const index = sequence.elts.indexOf(at as Expression);
  const next = sequence.elts[index + 1];
  const previous = sequence.elts[index - 1];
  const removal: [number, number] = next
    ? [at.range[0], next.range[0]]
    : previous
      ? [previous.range[1], at.range[1]]
      : at.range;
  const separator = separatorAfter(sequence, 0, file);
  const text = file.text.slice(at.range[0], at.range[1]);
  return (fixer) => [
    fixer.insertTextBeforeRange(before.range, `${text}${separator}`),
    fixer.removeRange(removal),
  ];
}

/**
 * Allow only these origins: the allow-all statement becomes `CORS_ALLOWED_ORIGINS = [...]`. When the file
 * already lists origins elsewhere, the rewrite would leave two lists, so there is no fix.
 */
function setOrigins(
  at: PyNode,
  entries: readonly OriginLiteral[],
  file: PythonFile,
): FixFunction | undefined {
  const statement = statementOf(at, file);
  // A string where a list belongs (`CORS_ALLOWED_ORIGINS = "https://a"`): the same origins as a list.
  if (
    statement &&
    (statement.type === 'Assign' || statement.type === 'AnnAssign') &&
    statement.value === at &&
    isStringLiteral(at) &&
    entries.every((entry) => entry.kind === 'exact')
  ) {
    return (fixer) =>
      fixer.replaceTextRange(
        at.range,
        `[${entries.map((entry) => pythonString((entry as { value: string }).value, at, file)).join(', ')}]`,
      );
  }
  if (!statement || (statement.type !== 'Assign' && statement.type !== 'AnnAssign'))
    return undefined;
  if (entries.some((entry) => entry.kind !== 'exact')) return undefined;
  if (
    writesName(file.ast, [
      'CORS_ALLOWED_ORIGINS',
      'CORS_ORIGIN_WHITELIST',
      'CORS_ALLOWED_ORIGIN_REGEXES',
      'CORS_ORIGIN_REGEX_WHITELIST',
    ])
  )
    return undefined;
  const list = `[${entries.map((entry) => pythonString((entry as { value: string }).value, at, file)).join(', ')}]`;
  return (fixer) => fixer.replaceTextRange(statement.range, `CORS_ALLOWED_ORIGINS = ${list}`);
}

/** The statement holding `node`. */
export function statementOf(node: PyNode, file: PythonFile): Statement | undefined {
  for (let current: PyNode | undefined = node; current; current = file.getParent(current)) {
    if (
      [
        'Assign',
        'AnnAssign',
        'AugAssign',
        'Expr',
        'If',
        'Import',
        'ImportFrom',
        'Try',
        'OtherStatement',
      ].includes(current.type)
    )
      return current as Statement;
  }
  return undefined;
}

/** The statement's whole line(s) with the line break, when nothing else shares them; else the statement itself. */
export function lineRange(statement: Statement, text: string): [number, number] {
  const lineStart = text.lastIndexOf('\n', statement.range[0] - 1) + 1;
  const before = text.slice(lineStart, statement.range[0]);
  const newline = text.indexOf('\n', statement.range[1]);
  const lineEnd = newline < 0 ? text.length : newline + 1;
  const after = text.slice(statement.range[1], lineEnd);
  if (before.trim() === '' && /^\s*(#.*)?$/.test(after.replace(/\n$/, '')))
    return [lineStart, lineEnd];
  return statement.range;
}

function writesName(module: Module, names: readonly string[]): boolean {
  const stack: PyNode[] = [module];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (
      (node.type === 'Assign' &&
        node.targets.some((t) => t.type === 'Name' && names.includes(t.id))) ||
      ((node.type === 'AugAssign' || node.type === 'AnnAssign') &&
        node.target.type === 'Name' &&
        names.includes(node.target.id))
    )
      return true;
    stack.push(...childrenOf(node));
  }
  return false;
}

/** A regular expression as a Python literal: raw (`r'…'`) unless it holds a quote or ends with a backslash. */
export function pythonRegexLiteral(source: string): string {
  if (!source.includes("'") && !source.endsWith('\\') && !source.includes('\n'))
    return `r'${source}'`;
  if (!source.includes('"') && !source.endsWith('\\') && !source.includes('\n'))
    return `r"${source}"`;
  return pythonString(source);
}
