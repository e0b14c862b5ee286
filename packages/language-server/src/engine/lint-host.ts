/**
 * Runs the plugin's rules on a document through ESLint's `Linter`, in-process, with a config built
 * from the server's settings. Nothing from the workspace is loaded (no `eslint.config.*`, no other
 * plugins), so opening an untrusted folder runs none of its code.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ESLint } from 'eslint';
import { Linter } from 'eslint';
import plugin, {
  isNginxConfigPath,
  lintedFileFacts,
  projectConsultation,
  readSnapshot,
  recordImportedFiles,
  ruleLanguages,
  serverFixEdits,
  textDigest,
  packFileFacts,
  type LintedFileFacts,
  type PackedFileFacts,
  type TextEdit,
} from 'eslint-plugin-cors';
import type { ServerFix, SourceRef } from 'cors-lint-core';
import type { CorsSettings, RuleSeverity } from '../protocol/settings.js';
import type { Espree } from './fast-parser/index.js';
import { MAX_CACHED_SERVER_EDITS, MAX_CONFIGS_PER_SETTINGS } from '../limits.js';

export interface LintResult {
  /** Messages of `cors/*` rules only, positions as ESLint gives them (1-based, BOM not counted). */
  messages: Linter.LintMessage[];
  /** The document does not parse; line and column are 1-based. */
  parseError?: { message: string; line: number; column: number };
  /**
   * The project snapshot the lint was handed is gone (a newer version of the facts replaced it
   * before the lint started): not linted, to be linted again with the current snapshot.
   */
  stale?: true;
  /**
   * Other files the rules read through the document's imports (absolute paths): a handler imported
   * from another package, imported options. The document's verdicts may change when one changes.
   */
  imports?: string[];
  /**
   * With a project index: what the cross-file checks read (project root, the server files their
   * verdicts depend on, `ANY_SERVER_FILE` for any), and per message the server rule of a
   * cross-file finding (`null` for the others), parallel to `messages`.
   */
  project?: {
    root: string;
    serverFiles: string[];
    servers: (SourceRef | null)[];
    /** Per message, the edit of the server file that makes the request pass there, or `null`. */
    serverEdits: (ServerEdit | null)[];
  };
  /**
   * With a project index: the document's own facts for that index (its server surface, or a dev
   * config's proxies), read from this lint's parse of the text, so that the index takes them with
   * the text (`WorkspaceIndexes#overlay`) instead of parsing the text again. Absent when the index
   * would read the text otherwise (see `indexFactsRule`). Packed: they go to the main thread and on
   * to the index thread, which alone unpacks them.
   */
  indexFacts?: PackedFileFacts;
}

/**
 * A suggested edit of a server file (core's `ServerFix` as text), computed against the text on disk
 * whose digest is `digest`, which is also the text the index read its facts from: applied only while
 * the file still has it.
 */
export interface ServerEdit {
  /** Absolute path of the server file. */
  file: string;
  digest: string;
  /** The suggestion's description, from the rule's messages. */
  desc: string;
  /** Offsets in that text, in order. */
  edits: TextEdit[];
}

/** The index facts a lint reads (`settings.cors.project` of the plugin): a snapshot file of a workspace folder's index. */
export interface ProjectFactsRef {
  root: string;
  snapshot: string;
}

/** `nginx`: an nginx configuration, linted with the plugin's `cors/nginx` language; `python`: a Django settings module (`cors/django-settings`). */
type Dialect = 'ts' | 'tsx' | 'js' | 'jsx' | 'nginx' | 'python';
type SourceType = 'module' | 'commonjs';

interface FileKind {
  dialect: Dialect;
  sourceType: SourceType;
  /** The name `Linter` sees, and the folder it is resolved against (see `kindOf`). */
  lintedName: string;
  root: string;
}

const DIALECTS: Record<string, Dialect> = {
  '.ts': 'ts',
  '.mts': 'ts',
  '.cts': 'ts',
  '.tsx': 'tsx',
  '.js': 'js',
  '.mjs': 'js',
  '.cjs': 'js',
  '.jsx': 'jsx',
};
const LINTED_FILES = Object.keys(DIALECTS).map((extension) => `**/*${extension}`);

/**
 * The dialect and module kind follow the extension; unknown extensions are read as `.js`.
 * Rules see the file's real path, as they do under ESLint: some read the nearest package.json (the
 * Express major) or the file name (a Next.js `route.ts`). `Linter` matches configs by path relative
 * to its cwd and finds none outside it, so a file is linted by a `Linter` rooted at its file-system
 * root; an unknown extension gets a known one appended. A relative name (an untitled document)
 * becomes a virtual name under the server's own folder, with nothing around it to read.
 */
function kindOf(filePath: string): FileKind {
  // Django settings modules are linted with the plugin's `cors/django-settings` language, under their own name.
  if (path.isAbsolute(filePath) && isDjangoSettingsFile(filePath))
    return {
      dialect: 'python',
      sourceType: 'module',
      lintedName: filePath,
      root: path.parse(filePath).root,
    };
  if (isNginxConfigPath(filePath)) {
    if (!path.isAbsolute(filePath))
      return {
        dialect: 'nginx',
        sourceType: 'module',
        lintedName: 'document.nginx',
        root: process.cwd(),
      };
    return {
      dialect: 'nginx',
      sourceType: 'module',
      lintedName: filePath,
      root: path.parse(filePath).root,
    };
  }
  const extension = /\.[^./\\]+$/.exec(filePath)?.[0].toLowerCase() ?? '';
  const known = extension in DIALECTS ? extension : '.js';
  const dialect = DIALECTS[known] ?? 'js';
  const sourceType: SourceType = known === '.cjs' || known === '.cts' ? 'commonjs' : 'module';
  if (!path.isAbsolute(filePath))
    return { dialect, sourceType, lintedName: `document${known}`, root: process.cwd() };
  return {
    dialect,
    sourceType,
    lintedName: known === extension ? filePath : `${filePath}${known}`,
    root: path.parse(filePath).root,
  };
}

const isTypeScript = (dialect: Dialect): boolean => dialect === 'ts' || dialect === 'tsx';

/**
 * `@typescript-eslint/parser` (with TypeScript itself) takes about half of the server's start-up, so
 * it loads on the first TypeScript document, not before: a JavaScript-only session never pays for it.
 */
let typescriptParser: Linter.Parser | undefined;
let typescriptParserLoading: Promise<void> | undefined;

function loadTypeScriptParser(): Promise<void> {
  typescriptParserLoading ??= import('@typescript-eslint/parser').then((parser) => {
    typescriptParser = parser as Linter.Parser;
  });
  return typescriptParserLoading;
}

/** For the fast parser's fallback, which parses synchronously: loads TypeScript only for a broken document. */
function typeScriptParserNow(): Linter.Parser {
  typescriptParser ??= createRequire(import.meta.url)('@typescript-eslint/parser') as Linter.Parser;
  return typescriptParser;
}

/**
 * The fast parsers (fast-parser/) give TypeScript documents the tree, tokens and scopes the
 * TypeScript parser gives, and JavaScript documents what espree gives, from oxc's native parser;
 * `null` once oxc-parser turned out not to load (the VS Code extension's bundle leaves it out), and
 * the TypeScript parser and espree serve instead.
 */
interface FastParsers {
  typescript: Linter.Parser;
  javascript: Linter.Parser;
}
let fastParsers: FastParsers | null | undefined;
let fastParsersLoading: Promise<void> | undefined;

function loadFastParsers(): Promise<void> {
  fastParsersLoading ??= Promise.all([import('oxc-parser'), import('./fast-parser/index.js')]).then(
    ([oxc, { createFastJavaScriptParser, createFastTypeScriptParser }]) => {
      // The CommonJS espree ESLint has loaded already (an `import` would load its ES module build again).
      const espree = createRequire(import.meta.url)('espree') as Espree;
      fastParsers = {
        typescript: createFastTypeScriptParser({ oxc, fallback: typeScriptParserNow }),
        javascript: createFastJavaScriptParser({ oxc, espree }),
      };
    },
    () => {
      fastParsers = null;
    },
  );
  return fastParsersLoading;
}

/** Which parser reads TypeScript: the fast one (the default), or `@typescript-eslint/parser` always. */
export type TypeScriptParserChoice = 'fast' | 'typescript-eslint';
/**
 * Which parser reads JavaScript: espree (ESLint's own, the default) or the fast one. The fast one
 * gives identical results (tests/fast-parser/javascript-*.test.ts) but on Node 20 it is slower than
 * espree once warm (oxc hands its tree over as JSON there; bench/README.md has the figures), so it is
 * not the default.
 */
export type JavaScriptParserChoice = 'fast' | 'espree';

/** `undefined`: ESLint's default, espree (or no parser: the Python language parses itself). */
function parserFor(dialect: Dialect, choices: ParserChoices): Linter.Parser | undefined {
  if (dialect === 'nginx' || dialect === 'python') return undefined;
  if (!isTypeScript(dialect)) {
    // Before the fast parsers are loaded (a lint without `prepare`) espree reads JavaScript.
    return choices.javascript === 'fast' && fastParsers ? fastParsers.javascript : undefined;
  }
  const parser =
    choices.typescript === 'fast' && fastParsers ? fastParsers.typescript : typescriptParser;
  if (parser === undefined)
    throw new Error('the TypeScript parser is not loaded yet: await LintHost.prepare() first');
  return parser;
}

interface ParserChoices {
  typescript: TypeScriptParserChoice;
  javascript: JavaScriptParserChoice;
}

/** `info` has no ESLint severity: it runs as `warn` and the converter shows it as information. */
const ESLINT_SEVERITY: Record<RuleSeverity, Linter.RuleSeverity> = {
  off: 'off',
  warn: 'warn',
  info: 'warn',
  error: 'error',
};

/** Any `settings.py`, and `*.py` in a `settings` folder: the files the plugin's configs read as Django settings. */
function isDjangoSettingsFile(filePath: string): boolean {
  return (
    path.basename(filePath) === 'settings.py' ||
    (filePath.endsWith('.py') && path.basename(path.dirname(filePath)) === 'settings')
  );
}

/** The config's rules with the severity overrides applied; a rule keeps the options its config gives it. */
/** The plugin's config blocks: JavaScript/TypeScript, nginx, Django settings (eslint-plugin's index.ts). */
const BLOCK = { js: 0, nginx: 1, python: 2 } as const;

function rulesFor(settings: CorsSettings, block: 0 | 1 | 2 = BLOCK.js): Linter.RulesRecord {
  const config = plugin.configs[settings.config][block];
  const rules: Linter.RulesRecord = { ...config.rules };
  const language = 'language' in config ? config.language : undefined;
  for (const [ruleId, severity] of Object.entries(settings.rules)) {
    // ESLint ≥ 10.2 rejects a rule turned on for a language it does not declare.
    if (language !== undefined && !supportsLanguage(ruleId, language)) continue;
    const entry = rules[ruleId];
    rules[ruleId] =
      Array.isArray(entry) && severity !== 'off'
        ? [ESLINT_SEVERITY[severity], ...entry.slice(1)]
        : ESLINT_SEVERITY[severity];
  }
  return rules;
}

function supportsLanguage(ruleId: string, language: string): boolean {
  return ruleLanguages(ruleId.replace(/^cors\//, '')).includes(language);
}

function buildConfig(
  settings: CorsSettings,
  dialect: Dialect,
  sourceType: SourceType,
  parser: Linter.Parser | undefined,
  project: ProjectFactsRef | undefined,
): Linter.Config[] {
  if (dialect === 'python') {
    return [
      {
        files: ['**/*.py'],
        plugins: { cors: plugin as unknown as ESLint.Plugin },
        language: 'cors/django-settings',
        rules: rulesFor(settings, BLOCK.python),
        settings: {
          cors: {
            appOrigins: settings.appOrigins,
            // Unset: the plugin reads the version the project pins next to the settings module.
            ...(settings.django.corsHeadersVersion === undefined
              ? {}
              : { django: { corsHeadersVersion: settings.django.corsHeadersVersion } }),
          },
        },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
      },
    ];
  }
  if (dialect === 'nginx') {
    const block = plugin.configs[settings.config][1];
    return [
      {
        files: [...block.files],
        ignores: [...block.ignores],
        language: block.language,
        plugins: { cors: plugin as unknown as ESLint.Plugin },
        rules: rulesFor(settings, BLOCK.nginx),
        settings: { cors: { appOrigins: settings.appOrigins } },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
      },
    ];
  }
  const jsx = dialect === 'jsx' || dialect === 'tsx';
  return [
    {
      files: LINTED_FILES,
      plugins: {
        cors: plugin as unknown as ESLint.Plugin,
        ...(project ? { 'cors-index': indexFactsPlugin(project.root) } : {}),
      },
      rules: { ...rulesFor(settings), ...(project ? { 'cors-index/facts': 'warn' } : {}) },
      // The client rules read the app's origins from here, as they do under ESLint; the cross-file
      // rules read the index snapshot (the plugin's `settings.cors.project`).
      settings: {
        cors: {
          appOrigins: settings.appOrigins,
          ...(project ? { project: { root: project.root, snapshot: project.snapshot } } : {}),
        },
      },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType,
        // No `project`: rules stay syntax-only, so no TypeScript program is ever built.
        ...(parser ? { parser } : {}),
        parserOptions: { ecmaFeatures: { jsx } },
      },
    },
  ];
}

/** What the index-facts rule of the lint that is running read; one lint runs at a time per thread. */
let lintedFacts: LintedFileFacts | undefined;

/**
 * Not a check (it reports nothing): a rule that reads, at the end of the lint's traversal, the
 * document's facts for the project index of `root` (`lintedFileFacts`), from the lint's own tree and
 * the model its rules share, so the index does not parse the text a second time.
 */
function indexFactsPlugin(root: string): ESLint.Plugin {
  const rule = {
    create: (context: Parameters<typeof lintedFileFacts>[0]) => ({
      'Program:exit': () => {
        lintedFacts = lintedFileFacts(context, root);
      },
    }),
  };
  return { rules: { facts: rule as never } };
}

/**
 * Imported files a JavaScript lint cannot read: espree (and the fast parser, which gives what espree
 * gives) reads neither TypeScript nor, in an imported file, JSX.
 */
const NOT_ESPREE_READABLE = /\.(?:[cm]?tsx?|jsx)$/;

/**
 * The extension can be wrong about the module kind: sloppy-mode code (`with`, legacy octals) and a
 * top-level `return` parse only as a script, `import` in a `.cjs` file only as a module.
 */
const otherSourceType = (sourceType: SourceType): SourceType =>
  sourceType === 'module' ? 'commonjs' : 'module';

/** A message template of a plugin rule (`cors/<name>`), for the descriptions ESLint does not fill in. */
function ruleMessage(ruleId: string, messageId: string): string | undefined {
  const rule = (plugin.rules as Record<string, { meta?: { messages?: Record<string, string> } }>)[
    ruleId.replace(/^cors\//, '')
  ];
  return rule?.meta?.messages?.[messageId];
}

/** ESLint's `{{ name }}` placeholders filled in; an unknown name is left as written, as ESLint does. */
function interpolate(template: string, data: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (whole, name: string) => data[name] ?? whole);
}

const isCorsMessage = (message: Linter.LintMessage): boolean =>
  message.ruleId?.startsWith('cors/') === true;

export interface LintHostOptions {
  typescriptParser?: TypeScriptParserChoice;
  javascriptParser?: JavaScriptParserChoice;
}

export class LintHost {
  readonly #parsers: ParserChoices;
  /** One per file-system root (a drive letter on Windows), see `kindOf`. */
  readonly #linters = new Map<string, Linter>();
  /** Per settings object, per dialect and source type. Settings objects are replaced, never mutated. */
  readonly #configs = new WeakMap<CorsSettings, Map<string, Linter.Config[]>>();
  /** Server-side edits by server file, digest and fix (see `#serverEdit`). */
  readonly #serverEdits = new Map<string, ServerEdit | null>();

  constructor({ typescriptParser = 'fast', javascriptParser = 'espree' }: LintHostOptions = {}) {
    this.#parsers = { typescript: typescriptParser, javascript: javascriptParser };
  }

  /**
   * Loads what linting `filePath` needs: the fast parsers, or the TypeScript parser where they cannot
   * serve. `lint` and `fixAll` need it done for TypeScript; JavaScript is linted with espree until then.
   */
  async prepare(filePath: string): Promise<void> {
    const { dialect } = kindOf(filePath);
    if (dialect === 'nginx') return;
    const typeScript = isTypeScript(dialect);
    const choice = typeScript ? this.#parsers.typescript : this.#parsers.javascript;
    if (choice === 'fast' && fastParsers === undefined) await loadFastParsers();
    if (typeScript && typescriptParser === undefined && (choice !== 'fast' || fastParsers === null))
      await loadTypeScriptParser();
  }

  /** Config arrays are built once per settings object (memoised by identity). */
  lint(
    text: string,
    filePath: string,
    settings: CorsSettings,
    project?: ProjectFactsRef,
  ): LintResult {
    // Read now: once read, the facts stay with this thread even if the file is pruned during the
    // lint. Without them the rules would build an index of their own, from the disk alone.
    const { dialect } = kindOf(filePath);
    const readsProject = project !== undefined && dialect !== 'nginx' && dialect !== 'python';
    if (readsProject && !readSnapshot(project.snapshot)) return { messages: [], stale: true };
    const { result, files } = recordImportedFiles(() =>
      this.#lint(text, filePath, settings, project),
    );
    // The index reads every file with the TypeScript parser: where this lint's parser could not read
    // an imported file that one can, their facts may differ, and the index parses the text itself.
    if (
      result.indexFacts &&
      !isTypeScript(dialect) &&
      files.some((file) => NOT_ESPREE_READABLE.test(file))
    )
      delete result.indexFacts;
    return files.length > 0 ? { ...result, imports: files } : result;
  }

  #lint(
    text: string,
    filePath: string,
    settings: CorsSettings,
    project?: ProjectFactsRef,
  ): LintResult {
    const kind = kindOf(filePath);
    lintedFacts = undefined;
    let messages = this.#verify(text, kind, kind.sourceType, settings, project);
    let fatal = messages.find((message) => message.fatal);
    if (fatal && kind.dialect !== 'nginx') {
      lintedFacts = undefined;
      const retried = this.#verify(text, kind, otherSourceType(kind.sourceType), settings, project);
      if (!retried.some((message) => message.fatal)) {
        messages = retried;
        fatal = undefined;
      }
    }
    if (fatal)
      return {
        messages: [],
        parseError: { message: fatal.message, line: fatal.line, column: fatal.column },
      };
    const own = messages.filter(isCorsMessage);
    const indexFacts = lintedFacts;
    lintedFacts = undefined;
    const withFacts = indexFacts ? { indexFacts: packFileFacts(indexFacts) } : {};
    const consulted = project
      ? projectConsultation(this.#linterFor(kind).getSourceCode().ast as never)
      : undefined;
    if (!consulted) return { messages: own, ...withFacts };
    // A cross-file finding is reported at its request's start: ESLint's column is 1-based there.
    const findings = own.map((message) =>
      consulted.findings.find(
        (finding) =>
          message.messageId === finding.messageId &&
          message.line === finding.line &&
          message.column === finding.column + 1,
      ),
    );
    return {
      messages: own,
      ...withFacts,
      project: {
        root: consulted.root,
        serverFiles: [...consulted.serverFiles],
        servers: findings.map((finding) => finding?.server ?? null),
        serverEdits: findings.map((finding, index) =>
          finding?.serverFix
            ? this.#serverEdit(
                consulted.root,
                own[index]?.ruleId ?? '',
                finding.serverFix,
                consulted.digests[finding.serverFix.policy.file],
              )
            : null,
        ),
      },
    };
  }

  /**
   * The server-side edit of a cross-file finding, on the server file's text on disk, and only when
   * that is the text the index read (`digest`): the fix's positions are that text's. Kept per file
   * text, since every lint of every client of the server asks for the same few.
   */
  #serverEdit(
    root: string,
    ruleId: string,
    fix: ServerFix,
    digest: string | undefined,
  ): ServerEdit | null {
    if (digest === undefined) return null;
    const file = path.join(root, ...fix.policy.file.split('/'));
    const cacheKey = `${file}\0${digest}\0${JSON.stringify(fix)}`;
    const cached = this.#serverEdits.get(cacheKey);
    if (cached !== undefined) return cached;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return null;
    }
    // Changed on disk since it was indexed (or open with unsaved edits the index read): nothing rather than a wrong edit.
    if (textDigest(text) !== digest) return null;
    const edits = serverFixEdits(root, fix, text);
    const template = ruleMessage(ruleId, fix.messageId);
    const edit =
      edits && edits.length > 0 && template !== undefined
        ? { file, digest, desc: interpolate(template, fix.data), edits }
        : null;
    if (this.#serverEdits.size >= MAX_CACHED_SERVER_EDITS) this.#serverEdits.clear();
    this.#serverEdits.set(cacheKey, edit);
    return edit;
  }

  /** verifyAndFix with only cors fixes; returns the fixed text (or undefined when nothing changes). */
  fixAll(text: string, filePath: string, settings: CorsSettings): string | undefined {
    const kind = kindOf(filePath);
    let report = this.#fix(text, kind, kind.sourceType, settings);
    if (report.messages.some((message) => message.fatal))
      report = this.#fix(text, kind, otherSourceType(kind.sourceType), settings);
    return report.fixed && report.output !== text ? report.output : undefined;
  }

  #verify(
    text: string,
    kind: FileKind,
    sourceType: SourceType,
    settings: CorsSettings,
    project?: ProjectFactsRef,
  ): Linter.LintMessage[] {
    return this.#linterFor(kind).verify(
      text,
      this.#config(settings, kind.dialect, sourceType, project),
      { filename: kind.lintedName },
    );
  }

  #fix(
    text: string,
    kind: FileKind,
    sourceType: SourceType,
    settings: CorsSettings,
  ): Linter.FixReport {
    // `fix` may be a predicate (SourceCodeFixer calls it per message); the typings only admit a boolean.
    const options = { filename: kind.lintedName, fix: isCorsMessage as unknown as boolean };
    return this.#linterFor(kind).verifyAndFix(
      text,
      this.#config(settings, kind.dialect, sourceType),
      options,
    );
  }

  #linterFor(kind: FileKind): Linter {
    let linter = this.#linters.get(kind.root);
    if (!linter) {
      linter = new Linter({ cwd: kind.root });
      this.#linters.set(kind.root, linter);
    }
    return linter;
  }

  #config(
    settings: CorsSettings,
    dialect: Dialect,
    sourceType: SourceType,
    project?: ProjectFactsRef,
  ): Linter.Config[] {
    let byKind = this.#configs.get(settings);
    if (!byKind) {
      byKind = new Map();
      this.#configs.set(settings, byKind);
    }
    const parser = parserFor(dialect, this.#parsers);
    // The parser is in the key: JavaScript linted before `prepare` gets espree, later the fast parser.
    // So is the snapshot: each version of a folder's index is a new file.
    const key = `${dialect}/${sourceType}/${parser?.meta?.name ?? 'espree'}/${project?.snapshot ?? ''}`;
    let config = byKind.get(key);
    if (!config) {
      // Superseded snapshots' configs are never asked for again.
      if (project && byKind.size >= MAX_CONFIGS_PER_SETTINGS) byKind.clear();
      config = buildConfig(settings, dialect, sourceType, parser, project);
      byKind.set(key, config);
    }
    return config;
  }
}
