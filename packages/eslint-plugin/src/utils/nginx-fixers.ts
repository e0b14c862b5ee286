/**
 * Core's fix intents as text edits in an nginx configuration. Only this file writes nginx text.
 * A handle that is an `include` directive stands for lines of another file: nothing is edited for it
 * (ESLint fixes only edit the linted file), except copying the `include` line itself.
 */
import type { FixIntent } from 'cors-lint-core';
import type { Config, Directive, NginxNode, Word } from '../languages/nginx/ast.js';
import type { LanguageFile } from './language-report.js';

/** What a fixer needs of the file: its text and parents. */
export type NginxFile = Pick<LanguageFile<Config, NginxNode>, 'text' | 'getParent'>;

interface TextEdit {
  readonly range: readonly [number, number];
  readonly text: string;
}

interface Fixer {
  replaceTextRange(range: readonly [number, number], text: string): unknown;
  insertTextAfterRange(range: readonly [number, number], text: string): unknown;
}

export type NginxFix = (fixer: Fixer) => unknown;

/** A value as an nginx word: kept in the quotes it had, quoted where nginx would split or end it. */
export function nginxWord(value: string, like?: Word): string {
  const quote =
    like?.quote ?? (/^$|[\s;{}"'#\\]|^\$|\$\{/.test(value) && !/^\$\w+$/.test(value) ? '"' : null);
  if (!quote) return value;
  return `${quote}${value.replaceAll('\\', '\\\\').replaceAll(quote, `\\${quote}`)}${quote}`;
}

/**
 * A regex as an nginx word. Inside quotes nginx keeps `\.` and `\d` as written (only `\\`, `\"`,
 * `\'`, `\t`, `\r`, `\n` are escapes), so backslashes are not doubled; `{` forces quotes.
 */
export function nginxRegexWord(value: string, like?: Word): string {
  const quote = like?.quote ?? (/[\s;{}"'#]/.test(value) ? '"' : null);
  return quote ? `${quote}${value.replaceAll(quote, `\\${quote}`)}${quote}` : value;
}

/** The `~` or `~*` a `map` key starts with to be a regex (an `if` operand has it in a word of its own). */
export function nginxRegexPrefix(word: Word): string {
  return /^~\*?/.exec(word.value)?.[0] ?? '';
}

/** A `map` key or `if` operand rewritten as the pattern `source`, keeping the word's `~`/`~*` and its quotes. */
export function nginxPatternWord(word: Word, source: string): string {
  return nginxRegexWord(`${nginxRegexPrefix(word)}${source}`, word.quote ? word : undefined);
}

const isInclude = (node: NginxNode): boolean =>
  node.type === 'Directive' && node.name.value === 'include';

/** The directive a word belongs to (or the directive itself). */
function directiveOf(node: NginxNode, file: NginxFile): Directive | undefined {
  for (let current: NginxNode | undefined = node; current; current = file.getParent(current))
    if (current.type === 'Directive') return current;
  return undefined;
}

/** The file's own line break: CRLF files get CRLF in what a fix writes. */
function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The whitespace before a node on its line, or undefined when something else precedes it there. */
function indentOf(text: string, offset: number): string | undefined {
  const before = text.slice(lineStart(text, offset), offset);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

/** The edit that removes a directive: its whole line when it stands alone there. */
function removal(directive: Directive, text: string): TextEdit {
  const [start, end] = directive.range;
  const from = lineStart(text, start);
  const newline = text.indexOf('\n', end);
  const rest = text.slice(end, newline === -1 ? text.length : newline);
  if (indentOf(text, start) !== undefined && /^[ \t\r]*$/.test(rest))
    return { range: [from, newline === -1 ? text.length : newline + 1], text: '' };
  return { range: [start, end], text: '' };
}

/** Lines to insert before `directive`, at its indentation. */
function before(directive: NginxNode, lines: readonly string[], text: string): TextEdit {
  const indent = indentOf(text, directive.range[0]);
  if (indent === undefined)
    return { range: [directive.range[0], directive.range[0]], text: `${lines.join(' ')} ` };
  return {
    range: [directive.range[0], directive.range[0]],
    text: lines.map((line) => `${line}${eol(text)}${indent}`).join(''),
  };
}

/** Lines to insert at the start of a block directive's body. */
function atBlockStart(
  directive: Directive,
  lines: readonly string[],
  text: string,
): TextEdit | undefined {
  const block = directive.block;
  if (!block || block.opaque) return undefined;
  const first = block.body[0];
  if (first) return before(first, lines, text);
  const outer = indentOf(text, directive.range[0]) ?? '';
  const open = block.range[0] + 1;
  return {
    range: [open, open],
    text: lines.map((line) => `${eol(text)}${outer}    ${line}`).join(''),
  };
}

/** A directive's text, its continuation lines re-indented from `from` to `to`. */
function reindented(directive: Directive, text: string, to: string): string {
  const from = indentOf(text, directive.range[0]) ?? '';
  return text
    .slice(...directive.range)
    .split('\n')
    .map((line, index) =>
      index > 0 && line.startsWith(from) ? to + line.slice(from.length) : line,
    )
    .join('\n');
}

function edit(edits: readonly TextEdit[]): NginxFix {
  return (fixer) => edits.map((one) => fixer.replaceTextRange(one.range, one.text));
}

export function nginxFixFromIntent(
  intent: FixIntent<NginxNode>,
  file: NginxFile,
): NginxFix | undefined {
  const { text } = file;
  switch (intent.kind) {
    case 'replace-value': {
      if (intent.at.type !== 'Word') return undefined;
      return edit([{ range: intent.at.range, text: nginxWord(String(intent.value), intent.at) }]);
    }
    case 'replace-pattern': {
      if (intent.at.type !== 'Word') return undefined;
      return edit([{ range: intent.at.range, text: nginxPatternWord(intent.at, intent.source) }]);
    }
    case 'add-list-item': {
      if (intent.at.type !== 'Word') return undefined;
      const value =
        intent.at.value.trim() === ''
          ? intent.item
          : `${intent.at.value.replace(/[\s,]+$/, '')}, ${intent.item}`;
      return edit([
        { range: intent.at.range, text: nginxWord(value, intent.at.quote ? intent.at : undefined) },
      ]);
    }
    case 'remove': {
      if (isInclude(intent.at)) return undefined;
      const directive = directiveOf(intent.at, file);
      return directive ? edit([removal(directive, text)]) : undefined;
    }
    case 'append-vary': {
      const directive = directiveOf(intent.at, file);
      if (!directive || isInclude(directive)) return undefined;
      // `always`: a cached error response must not be reused across origins either.
      const indent = indentOf(text, directive.range[0]);
      const line = 'add_header Vary Origin always;';
      return edit([
        {
          range: [directive.range[1], directive.range[1]],
          text: indent === undefined ? ` ${line}` : `${eol(text)}${indent}${line}`,
        },
      ]);
    }
    case 'add-always': {
      if (intent.at.type !== 'Directive' || isInclude(intent.at)) return undefined;
      const last = intent.at.args.at(-1);
      return last ? edit([{ range: [last.range[1], last.range[1]], text: ' always' }]) : undefined;
    }
    case 'repeat-headers': {
      const lines = intent.headers.flatMap((handle) =>
        handle.type === 'Directive' ? [text.slice(...handle.range)] : [],
      );
      if (lines.length !== intent.headers.length || intent.at.type !== 'Directive')
        return undefined;
      // A level's own first header write, or the level itself when it writes none.
      const target = intent.at.block
        ? atBlockStart(intent.at, lines, text)
        : before(intent.at, lines, text);
      return target && edit([target]);
    }
    case 'move-into-levels': {
      if (intent.at.type !== 'Directive' || isInclude(intent.at)) return undefined;
      const moved = intent.at;
      const edits: TextEdit[] = [removal(moved, text)];
      for (const level of intent.into) {
        if (level.type !== 'Directive' || !level.block || isInclude(level)) return undefined;
        const first = level.block.body[0];
        const indent =
          (first ? indentOf(text, first.range[0]) : undefined) ??
          `${indentOf(text, level.range[0]) ?? ''}    `;
        const insertion = atBlockStart(level, [reindented(moved, text, indent)], text);
        if (!insertion) return undefined;
        edits.push(insertion);
      }
      return edit(edits);
    }
    case 'hide-upstream-header': {
      if (intent.at.type !== 'Directive' || isInclude(intent.at)) return undefined;
      return edit([before(intent.at, [`${intent.directive} ${intent.header};`], text)]);
    }
    default:
      return undefined;
  }
}
