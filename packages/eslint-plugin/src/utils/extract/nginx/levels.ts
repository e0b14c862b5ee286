/**
 * The levels of one nginx configuration file (`http`, `server`, `location`, `if`, or the file's top
 * level for a snippet), each with the response headers it writes itself, in core's `NginxLevel` shape,
 * plus what the nginx rules ask of a level: what it answers with `return`, its `error_page`s, the
 * upstream it passes to and the headers it hides. `include` is read as text at its level, relative to
 * nginx's prefix (./includes.ts); what comes from an included file is handed to core with the
 * `include` directive as its handle, so it is reported there and never edited.
 */
import { chooseNginxLocation } from 'cors-lint-core';
import type {
  AddHeaderInherit,
  NginxHeaderWrite,
  NginxLevel,
  NginxLevelKind,
  UpstreamPass,
} from 'cors-lint-core';
import type { Config, Directive, NginxNode, Word } from '../../../languages/nginx/ast.js';
import type { IncludeReader } from './includes.js';

export interface LocationMatch {
  /** `=`, `^~`, `~`, `~*`, or '' for a plain prefix; `@` for a named location. */
  readonly modifier: '=' | '^~' | '~' | '~*' | '' | '@';
  readonly path: string;
}

/** An `if (…)` condition, as nginx splits it: `$variable`, operator, operand. */
export interface IfCondition {
  readonly variable: string;
  readonly operator: string;
  readonly operand: string;
  /** The word holding the operand (a regex for `~`), when the condition is in this file. */
  readonly operandWord: Word | undefined;
}

export interface ModelLevel extends NginxLevel<NginxNode> {
  readonly directive: Directive | undefined;
  readonly parent: ModelLevel | undefined;
  readonly children: ModelLevel[];
  readonly addHeaders: NginxHeaderWrite<NginxNode>[];
  readonly moreSetHeaders: NginxHeaderWrite<NginxNode>[];
  unknownHeaders: boolean;
  inherit: AddHeaderInherit;
  /** The level came from an included file: its handle is the `include` directive. */
  readonly foreign: boolean;
  readonly location: LocationMatch | undefined;
  readonly condition: IfCondition | undefined;
  /** `return <status>` written directly in this level. */
  answers: { readonly status: number; readonly at: NginxNode } | undefined;
  readonly errorPages: { readonly at: NginxNode; readonly codes: string; readonly uri: string }[];
  pass: { readonly at: NginxNode; readonly module: UpstreamPass<NginxNode>['module'] } | undefined;
  /** `<module>_hide_header` names written here (lowercased), per module; like nginx's array directives, inherited only where a level has none. */
  readonly hides: Map<string, Set<string>>;
  /** `<module>_intercept_errors on|off` written here: error_page then also handles the upstream's errors. */
  interceptErrors: boolean | undefined;
  /** `internal` written here: the location answers only requests nginx redirects to it. */
  internal: boolean;
  /** The URIs `rewrite … last|break` and `try_files` written here redirect to inside nginx, as written. */
  readonly redirects: string[];
}

/** A `set $name value` and the `if` conditions around it. */
export interface VariableSet {
  readonly name: string;
  readonly value: Word;
  readonly conditions: readonly IfCondition[];
}

export interface NginxLevels {
  readonly root: ModelLevel;
  /** Every level in document order, the root first. */
  readonly all: readonly ModelLevel[];
  /** `map $source $name { … }` blocks, by the variable they define (without `$`). */
  readonly maps: ReadonlyMap<string, Directive>;
  readonly sets: readonly VariableSet[];
  /** The writes seen, with the level they belong to. */
  readonly writeLevel: ReadonlyMap<NginxHeaderWrite<NginxNode>, ModelLevel>;
  /** The word each `add_header` value was written as, in this file or an included one. */
  readonly valueWords: ReadonlyMap<NginxHeaderWrite<NginxNode>, Word>;
}

const LEVEL_KINDS: Readonly<Record<string, NginxLevelKind>> = {
  http: 'http',
  server: 'server',
  location: 'location',
  if: 'if',
};
const PASS_MODULES = new Map<string, UpstreamPass<NginxNode>['module']>([
  ['proxy_pass', 'proxy'],
  ['fastcgi_pass', 'fastcgi'],
  ['uwsgi_pass', 'uwsgi'],
  ['grpc_pass', 'grpc'],
  ['scgi_pass', 'scgi'],
]);
const HIDE_DIRECTIVE = /^(proxy|fastcgi|uwsgi|grpc|scgi)_hide_header$/;
/** Blocks that hold no levels or header writes of the kind modelled here. */
const OTHER_BLOCKS = new Set([
  'events',
  'types',
  'upstream',
  'geo',
  'split_clients',
  'limit_except',
  'stream',
  'mail',
  'match',
]);

function newLevel(
  kind: NginxLevelKind,
  at: NginxNode,
  directive: Directive | undefined,
  parent: ModelLevel | undefined,
  foreign: boolean,
): ModelLevel {
  const label = directive
    ? [directive.name.value, ...directive.args.map((arg) => arg.raw)].join(' ')
    : 'the file';
  return {
    kind,
    at,
    label,
    directive,
    parent,
    children: [],
    addHeaders: [],
    moreSetHeaders: [],
    unknownHeaders: false,
    inherit: 'on',
    foreign,
    location: kind === 'location' && directive ? locationMatch(directive) : undefined,
    condition: kind === 'if' && directive ? ifCondition(directive) : undefined,
    answers: undefined,
    errorPages: [],
    pass: undefined,
    hides: new Map(),
    interceptErrors: undefined,
    internal: false,
    redirects: [],
  };
}

function locationMatch(directive: Directive): LocationMatch {
  const [first, second] = directive.args;
  const value = first?.value ?? '';
  if (value === '=' || value === '^~' || value === '~' || value === '~*')
    return { modifier: value, path: second?.value ?? '' };
  if (value.startsWith('@')) return { modifier: '@', path: value };
  // `location =/x` and `location ~^/x` are written without a space too.
  const glued = /^(=|\^~|~\*|~)(.+)$/.exec(value);
  if (glued) return { modifier: glued[1] as LocationMatch['modifier'], path: glued[2]! };
  return { modifier: '', path: value };
}

/**
 * `if ($a = 'b')` is the words `($a`, `=`, `b`, `)`; `if ($a)` is `($a)`; `if ($a ~ ^x$)` ends in the
 * word `^x$)`, whose operand is that word without its `)`.
 */
export function ifCondition(directive: Directive): IfCondition | undefined {
  const words = [...directive.args];
  if (words.length === 0) return undefined;
  const texts = words.map((word) => word.value);
  texts[0] = texts[0]!.replace(/^\(/, '');
  if (texts.at(-1) === ')') {
    texts.pop();
    words.pop();
  } else if (texts.at(-1)!.endsWith(')')) {
    texts[texts.length - 1] = texts.at(-1)!.slice(0, -1);
    words[words.length - 1] = withoutClosingParen(words.at(-1)!);
  }
  const [variable = '', operator = '', ...rest] = texts;
  return {
    variable,
    operator,
    operand: rest.join(' '),
    operandWord: rest.length === 1 ? words[2] : undefined,
  };
}

/**
 * The last word of an `if` without the `)` glued to it, so that a report points at the operand alone and
 * a fix that rewrites the operand keeps the `)`. Only an unquoted word has one (after a closing quote,
 * `)` is a word of its own), and an unquoted word is on one line.
 */
function withoutClosingParen(word: Word): Word {
  const { end } = word.loc;
  return {
    ...word,
    value: word.value.slice(0, -1),
    raw: word.raw.slice(0, -1),
    range: [word.range[0], word.range[1] - 1],
    loc: { start: word.loc.start, end: { line: end.line, column: end.column - 1 } },
  };
}

/** The header name and value of a `more_set_headers` argument `"Name: value"`. */
function moreSetHeader(text: string): { name: string; value: string | undefined } | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0) return undefined;
  const value = text.slice(colon + 1).trim();
  return { name: text.slice(0, colon).trim(), value: value.includes('$') ? undefined : value };
}

/** A value as core needs it: undefined when nginx fills it in at run time. */
const staticValue = (word: Word | undefined) =>
  word === undefined || word.value.includes('$') ? undefined : word.value;

export function buildLevels(ast: Config, includes: IncludeReader): NginxLevels {
  const root = newLevel('main', ast, undefined, undefined, false);
  const all: ModelLevel[] = [root];
  /** The levels that set `add_header_inherit` themselves. */
  const inheritSet = new Map<ModelLevel, AddHeaderInherit>();
  const maps = new Map<string, Directive>();
  const sets: VariableSet[] = [];
  const writeLevel = new Map<NginxHeaderWrite<NginxNode>, ModelLevel>();
  const valueWords = new Map<NginxHeaderWrite<NginxNode>, Word>();

  /**
   * `handle`: the node findings point at for what `directive` writes: itself, or the `include` that
   * brought it in from another file. `conditions`: the `if`s around it.
   */
  const visit = (
    directives: readonly Directive[],
    level: ModelLevel,
    via: Directive | undefined,
    conditions: readonly IfCondition[],
    depth: number,
  ) => {
    for (const directive of directives) {
      const name = directive.name.value;
      const handle = via ?? directive;
      const line = handle.loc.start.line;
      const kind = LEVEL_KINDS[name];
      if (directive.block && kind && !(name === 'server' && directive.args.length > 0)) {
        const child = newLevel(kind, handle, via ? undefined : directive, level, via !== undefined);
        level.children.push(child);
        all.push(child);
        visit(
          directive.block.body,
          child,
          via,
          child.condition ? [...conditions, child.condition] : conditions,
          depth,
        );
        continue;
      }
      if (directive.block) {
        if (name === 'map' && directive.args.length >= 2)
          maps.set(directive.args[1]!.value.replace(/^\$/, ''), directive);
        else if (!OTHER_BLOCKS.has(name) && !directive.block.opaque)
          visit(directive.block.body, level, via, conditions, depth);
        continue;
      }
      switch (name) {
        case 'add_header': {
          const [header, value, flag] = directive.args;
          if (!header || !value) break;
          const write: NginxHeaderWrite<NginxNode> = {
            module: 'add_header',
            name: header.value,
            value: staticValue(value),
            always: flag?.value === 'always',
            line,
            at: handle,
          };
          level.addHeaders.push(write);
          writeLevel.set(write, level);
          valueWords.set(write, value);
          break;
        }
        case 'more_set_headers': {
          let always = true;
          for (let index = 0; index < directive.args.length; index++) {
            const arg = directive.args[index]!;
            if (arg.value === '-s' || arg.value === '-t') {
              if (arg.value === '-s') always = false;
              index++;
              continue;
            }
            const header = moreSetHeader(arg.value);
            if (!header) continue;
            const write: NginxHeaderWrite<NginxNode> = {
              module: 'more_set_headers',
              name: header.name,
              value: header.value,
              always,
              line,
              at: via ?? arg,
            };
            level.moreSetHeaders.push(write);
            writeLevel.set(write, level);
          }
          break;
        }
        case 'add_header_inherit': {
          const mode = directive.args[0]?.value;
          if (mode === 'on' || mode === 'off' || mode === 'merge') inheritSet.set(level, mode);
          break;
        }
        case 'include': {
          // At http level and a file's top level, includes bring in servers and MIME types (linted on
          // their own), not the headers of a level: they are not followed, and change nothing here.
          if (level.kind === 'http' || level.kind === 'main') break;
          const target = directive.args[0]?.value;
          const included = target === undefined || depth >= 8 ? undefined : includes.read(target);
          if (!included) {
            level.unknownHeaders = true;
            break;
          }
          for (const file of included)
            visit(file.body, level, via ?? directive, conditions, depth + 1);
          break;
        }
        case 'return': {
          const status = Number(directive.args[0]?.value);
          level.answers ??= { status: Number.isInteger(status) ? status : 302, at: handle };
          break;
        }
        case 'error_page': {
          const words = directive.args.map((arg) => arg.value);
          const uri = words.at(-1);
          const codes = words.slice(0, -1).filter((word) => /^\d{3}$/.test(word));
          if (uri && codes.length > 0)
            level.errorPages.push({ at: handle, codes: codes.join(' '), uri });
          break;
        }
        case 'set': {
          const [variable, value] = directive.args;
          if (variable && value && !via)
            sets.push({ name: variable.value.replace(/^\$/, ''), value, conditions });
          break;
        }
        case 'internal':
          level.internal = true;
          break;
        case 'rewrite': {
          const [, replacement, flag] = directive.args.map((arg) => arg.value);
          // `redirect`, `permanent` and an absolute URL answer the client; the others go on inside nginx.
          if (
            replacement !== undefined &&
            flag !== 'redirect' &&
            flag !== 'permanent' &&
            !/^(?:https?:\/\/|\$scheme)/.test(replacement)
          )
            level.redirects.push(replacement);
          break;
        }
        case 'try_files': {
          const fallback = directive.args.at(-1)?.value;
          if (fallback !== undefined && !fallback.startsWith('=')) level.redirects.push(fallback);
          break;
        }
        default: {
          const module = PASS_MODULES.get(name);
          if (module) level.pass ??= { at: handle, module };
          if (/^(proxy|fastcgi|uwsgi|grpc|scgi)_intercept_errors$/.test(name))
            level.interceptErrors = directive.args[0]?.value === 'on';
          const hide = HIDE_DIRECTIVE.exec(name);
          if (hide && directive.args[0]) {
            const names = level.hides.get(hide[1]!) ?? new Set<string>();
            names.add(directive.args[0].value.toLowerCase());
            level.hides.set(hide[1]!, names);
          }
        }
      }
    }
  };
  visit(ast.body, root, undefined, [], 0);
  // `add_header_inherit` is itself inherited (nginx commit c93a0c4: "merge" at http level holds in every
  // nested level unless one redefines it), wherever the directive sits among the level's blocks: resolve
  // it once the tree is built, parents first (`all` is in document order).
  for (const level of all) level.inherit = inheritSet.get(level) ?? level.parent?.inherit ?? 'on';
  return { root, all, maps, sets, writeLevel, valueWords };
}

/** The `<module>_hide_header` names in effect at a level: its own, or where it has none, the enclosing level's. */
export function hiddenHeaders(level: ModelLevel | undefined, module: string): ReadonlySet<string> {
  for (let current = level; current; current = current.parent) {
    const own = current.hides.get(module);
    if (own) return own;
  }
  return new Set();
}

/** The `error_page`s in effect at a level: its own, or where it has none, the enclosing level's. */
export function effectiveErrorPages(level: ModelLevel | undefined): ModelLevel['errorPages'] {
  for (let current = level; current; current = current.parent)
    if (current.errorPages.length > 0) return current.errorPages;
  return [];
}

/** The server (or, for a snippet, the file's top level) a level is in. */
export function serverOf(level: ModelLevel): ModelLevel {
  let current = level;
  while (current.parent && current.kind !== 'server') current = current.parent;
  return current;
}

/** The upstream a response of this level is passed to: its own `*_pass`, or for an `if`, its location's. */
export function passOf(level: ModelLevel): ModelLevel['pass'] {
  for (
    let current: ModelLevel | undefined = level;
    current;
    current = current.kind === 'if' ? current.parent : undefined
  )
    if (current.pass) return current.pass;
  return undefined;
}

/** Whether `error_page` handles the upstream's errors here too (`proxy_intercept_errors on`, inherited). */
export function interceptsErrors(level: ModelLevel): boolean {
  for (let current: ModelLevel | undefined = level; current; current = current.parent)
    if (current.interceptErrors !== undefined) return current.interceptErrors;
  return false;
}

/** Every location inside a level, nested ones included, in document order. */
export function locationsIn(level: ModelLevel): ModelLevel[] {
  return level.children.flatMap((child) =>
    child.kind === 'location'
      ? [child, ...locationsIn(child)]
      : child.kind === 'if'
        ? []
        : locationsIn(child),
  );
}

/**
 * The level an internal redirect to `uri` lands in, as nginx picks a location (core's
 * `chooseNginxLocation`): the server itself when none matches. Undefined when it cannot be told (a
 * named location not found, a regex JavaScript cannot read, an external URL).
 */
export function locationFor(uri: string, server: ModelLevel): ModelLevel | undefined {
  const locations = locationsIn(server);
  if (uri.startsWith('@'))
    return locations.find(
      (location) => location.location?.modifier === '@' && location.location.path === uri,
    );
  if (!uri.startsWith('/')) return undefined;
  const candidates = locations.flatMap((level) => {
    const match = level.location;
    return match && match.modifier !== '@'
      ? [{ level, nginx: { modifier: match.modifier, path: match.path } }]
      : [];
  });
  const chosen = chooseNginxLocation(candidates, uri.replace(/[?#].*$/, ''));
  return chosen === undefined ? undefined : (chosen?.level ?? server);
}
