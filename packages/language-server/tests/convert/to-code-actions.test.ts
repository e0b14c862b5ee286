import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver/node';
import {
  APPLY_FIX_ALL_COMMAND,
  FIX_ALL_KIND,
  QUICK_FIX_KIND,
  SHOW_DOCUMENTATION_COMMAND,
  toCodeActions,
  wants,
} from '../../src/convert/to-code-actions.js';
import { toDiagnostic } from '../../src/convert/to-diagnostic.js';
import { LintHost } from '../../src/engine/lint-host.js';
import { normalizeSettings } from '../../src/protocol/settings.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applyEdits, documentOf, editsOf, lintMessage } from './helpers.js';

// The TypeScript parser loads on demand; these tests lint `.ts` text synchronously.
await new LintHost().prepare('server.ts');

const DEFAULTS = normalizeSettings({}).settings;
const host = new LintHost();
const SERVER = [
  "import cors from 'cors';",
  "app.use(cors({ origin: 'https://app.example.com/', credentials: true }));",
  '  app.use(cors({ origin: true, credentials: true }));',
  '',
].join('\n');
const DOCS =
  'https://github.com/eslint-plugin-cors/eslint-plugin-cors/blob/main/packages/eslint-plugin/docs/rules/';

function lintedDocument(
  text: string,
  version = 1,
): { document: TextDocument; diagnostics: Diagnostic[]; fixAllText: string | undefined } {
  const document = documentOf(text, version);
  const diagnostics = host
    .lint(text, 'server.ts', DEFAULTS)
    .messages.map((message) => toDiagnostic(message, document, DEFAULTS));
  return { document, diagnostics, fixAllText: host.fixAll(text, 'server.ts', DEFAULTS) };
}

const titles = (actions: CodeAction[]) =>
  actions.map(
    (action) => `${action.kind}: ${action.title}${action.isPreferred ? ' (preferred)' : ''}`,
  );
const apply = (document: TextDocument, action: CodeAction | undefined) =>
  applyEdits(document, editsOf(action?.edit));
const find = (actions: CodeAction[], title: string) =>
  actions.find((action) => action.title.startsWith(title));

describe('toCodeActions', () => {
  it('offers the fix, each suggestion, the disable comments, the documentation and fix-all, in that order', () => {
    const { document, diagnostics, fixAllText } = lintedDocument(SERVER);
    expect(titles(toCodeActions(document, diagnostics, { fixAllText }))).toEqual([
      'quickfix: Fix: No page matches this origin (preferred)',
      "quickfix: Allow an explicit list of origins: '<your-app-origin>' (cors/no-reflected-origin-with-credentials)",
      'quickfix: Disable cors/valid-allow-origin for this line',
      'quickfix: Disable cors/no-reflected-origin-with-credentials for this line',
      'quickfix: Disable cors/valid-allow-origin for this file',
      'quickfix: Disable cors/no-reflected-origin-with-credentials for this file',
      'quickfix: Show documentation for cors/valid-allow-origin',
      'quickfix: Show documentation for cors/no-reflected-origin-with-credentials',
      `${FIX_ALL_KIND}: Fix all auto-fixable CORS problems`,
    ]);
  });

  it('ties each action to its diagnostic', () => {
    const { document, diagnostics } = lintedDocument(SERVER);
    const actions = toCodeActions(document, diagnostics, {});
    expect(find(actions, 'Fix:')?.diagnostics).toEqual([diagnostics[0]]);
    expect(find(actions, 'Allow an explicit list')?.diagnostics).toEqual([diagnostics[1]]);
  });

  it('produces edits that do what they say', () => {
    const { document, diagnostics, fixAllText } = lintedDocument(SERVER);
    const actions = toCodeActions(document, diagnostics, { fixAllText });
    const fixed = SERVER.replace("'https://app.example.com/'", "'https://app.example.com'");
    expect(apply(document, find(actions, 'Fix:'))).toBe(fixed);
    expect(apply(document, find(actions, 'Allow an explicit list'))).toBe(
      SERVER.replace(
        'origin: true, credentials: true',
        "origin: ['<your-app-origin>'], credentials: true",
      ),
    );
    expect(
      apply(
        document,
        find(actions, 'Disable cors/no-reflected-origin-with-credentials for this line'),
      ),
    ).toBe(
      SERVER.replace(
        '  app.use(cors({ origin: true',
        '  // eslint-disable-next-line cors/no-reflected-origin-with-credentials\n  app.use(cors({ origin: true',
      ),
    );
    expect(apply(document, find(actions, 'Disable cors/valid-allow-origin for this file'))).toBe(
      `/* eslint-disable cors/valid-allow-origin */\n${SERVER}`,
    );
    const fixAll = find(actions, 'Fix all');
    expect(apply(document, fixAll)).toBe(fixed);
    const slash = SERVER.split('\n')[1]!.indexOf("/'");
    expect(editsOf(fixAll?.edit)).toEqual([
      {
        range: { start: { line: 1, character: slash }, end: { line: 1, character: slash + 1 } },
        newText: '',
      },
    ]);
  });

  it('disables a rule for the line with the directive lint then honours, and adds a second rule to it', () => {
    const oneLine =
      "import cors from 'cors';\napp.use(cors({ origin: 'https://app.example.com/', credentials: true })); app.use(cors({ origin: true, credentials: true }));\n";
    const first = lintedDocument(oneLine);
    const disabled = apply(
      first.document,
      find(
        toCodeActions(first.document, first.diagnostics, {}),
        'Disable cors/valid-allow-origin for this line',
      ),
    );
    const second = lintedDocument(disabled);
    expect(second.diagnostics.map((diagnostic) => diagnostic.code)).toEqual([
      'cors/no-reflected-origin-with-credentials',
    ]);
    const both = apply(
      second.document,
      find(
        toCodeActions(second.document, second.diagnostics, {}),
        'Disable cors/no-reflected-origin-with-credentials for this line',
      ),
    );
    expect(both.split('\n')[1]).toBe(
      '// eslint-disable-next-line cors/valid-allow-origin, cors/no-reflected-origin-with-credentials',
    );
    expect(lintedDocument(both).diagnostics).toEqual([]);
  });

  it('shows documentation through a command with the rule URL', () => {
    const { document, diagnostics } = lintedDocument(SERVER);
    expect(
      find(
        toCodeActions(document, diagnostics, {}),
        'Show documentation for cors/valid-allow-origin',
      )?.command,
    ).toEqual({
      title: 'Show documentation for cors/valid-allow-origin',
      command: SHOW_DOCUMENTATION_COMMAND,
      arguments: [`${DOCS}valid-allow-origin.md`],
    });
  });

  it('offers no edit computed for another version of the document, only the documentation', () => {
    const { diagnostics, fixAllText } = lintedDocument(SERVER, 1);
    const edited = documentOf(`// moved\n${SERVER}`, 2);
    expect(titles(toCodeActions(edited, diagnostics, { fixAllText: undefined }))).toEqual([
      'quickfix: Show documentation for cors/valid-allow-origin',
      'quickfix: Show documentation for cors/no-reflected-origin-with-credentials',
    ]);
    // A fix-all text computed for the current version is still fine; lone stale diagnostics do not ask for it.
    expect(
      toCodeActions(edited, diagnostics, { fixAllText }).map((action) => action.kind),
    ).not.toContain(FIX_ALL_KIND);
  });

  it('groups the disable and documentation actions of one rule', () => {
    const text =
      "import cors from 'cors';\napp.use(cors({ origin: 'null' })); app.use(cors({ origin: ['null'] }));\napp.use(cors({ origin: 'null' }));\n";
    const { document, diagnostics } = lintedDocument(text);
    expect(diagnostics).toHaveLength(3);
    const actions = toCodeActions(document, diagnostics, {});
    expect(
      titles(actions).filter((title) => title.includes('Disable') || title.includes('Show')),
    ).toEqual([
      'quickfix: Disable cors/no-null-origin for this line',
      'quickfix: Disable cors/no-null-origin for this line',
      'quickfix: Disable cors/no-null-origin for this file',
      'quickfix: Show documentation for cors/no-null-origin',
    ]);
    expect(find(actions, 'Disable cors/no-null-origin for this line')?.diagnostics).toHaveLength(2);
    expect(find(actions, 'Disable cors/no-null-origin for this file')?.diagnostics).toHaveLength(3);
  });
});

describe('wants: the one reading of context.only', () => {
  it('matches kinds hierarchically, with the empty kind as their root', () => {
    expect(wants(undefined, QUICK_FIX_KIND)).toBe(true);
    expect(wants(['quickfix'], 'quickfix.cors.addMethod')).toBe(true);
    expect(wants(['source.fixAll'], FIX_ALL_KIND)).toBe(true);
    expect(wants(['source'], FIX_ALL_KIND)).toBe(true);
    expect(wants([''], FIX_ALL_KIND)).toBe(true);
    expect(wants(['source.fix'], FIX_ALL_KIND)).toBe(false);
    expect(wants(['source.fixAll.cors.more'], FIX_ALL_KIND)).toBe(false);
    expect(wants(['refactor', 'quickfix'], FIX_ALL_KIND)).toBe(false);
  });

  it('asks for nothing with an empty list', () => {
    expect(wants([], QUICK_FIX_KIND)).toBe(false);
    expect(wants([], FIX_ALL_KIND)).toBe(false);
  });

  it('is defined once in the server (the request handler once had its own copy)', () => {
    const src = fileURLToPath(new URL('../../src/', import.meta.url));
    const definitions = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .filter((file) =>
        /\bfunction wants\s*\(|\bconst wants\s*=/.test(readFileSync(path.join(src, file), 'utf8')),
      )
      .map((file) => file.split(path.sep).join('/'));
    expect(definitions).toEqual(['convert/to-code-actions.ts']);
  });
});

describe('toCodeActions: context.only', () => {
  const { document, diagnostics, fixAllText } = lintedDocument(SERVER);
  const kinds = (only: string[] | undefined, from = diagnostics) => [
    ...new Set(toCodeActions(document, from, { only, fixAllText }).map((action) => action.kind)),
  ];

  it('filters by kind, hierarchically', () => {
    expect(kinds(undefined)).toEqual(['quickfix', FIX_ALL_KIND]);
    // The empty kind is the root of every kind.
    expect(kinds([''])).toEqual(['quickfix', FIX_ALL_KIND]);
    expect(kinds(['quickfix'])).toEqual(['quickfix']);
    expect(kinds(['source'])).toEqual([FIX_ALL_KIND]);
    expect(kinds(['source.fixAll'])).toEqual([FIX_ALL_KIND]);
    expect(kinds(['source.fixAll.cors'])).toEqual([FIX_ALL_KIND]);
    expect(kinds(['source.fixAll.eslint'])).toEqual([]);
    expect(kinds(['refactor', 'source.organizeImports'])).toEqual([]);
    expect(kinds(['quick'])).toEqual([]);
  });

  it('offers nothing for an empty list: it asks for no kind, so the client would show none', () => {
    expect(kinds([])).toEqual([]);
    expect(kinds([], [])).toEqual([]);
  });

  it('offers fix-all on request (fix on save) even without diagnostics', () => {
    expect(kinds(['source.fixAll'], [])).toEqual([FIX_ALL_KIND]);
    expect(kinds(undefined, [])).toEqual([]);
  });

  it('offers no fix-all without a fixed text, or when it changes nothing', () => {
    expect(toCodeActions(document, diagnostics, { only: ['source.fixAll'] })).toEqual([]);
    expect(
      toCodeActions(document, diagnostics, { only: ['source.fixAll'], fixAllText: SERVER }),
    ).toEqual([]);
  });

  it('keeps fix-all out of the light bulb when no diagnostic there is fixable', () => {
    const [, unfixable] = diagnostics;
    expect(
      toCodeActions(document, [unfixable!], { fixAllText }).map((action) => action.kind),
    ).not.toContain(FIX_ALL_KIND);
  });
});

describe('toCodeActions: what the client sends back', () => {
  it("ignores other sources' diagnostics and ones without usable data", () => {
    const document = documentOf('cors();');
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } };
    const foreign: Diagnostic[] = [
      {
        range,
        message: 'x',
        source: 'eslint',
        code: 'cors/no-null-origin',
        data: { version: 1, ruleId: 'cors/no-null-origin' },
      },
      { range, message: 'x', source: 'cors' },
      {
        range,
        message: 'x',
        source: 'cors',
        data: { version: 'one', ruleId: 'cors/no-null-origin' },
      },
    ];
    expect(toCodeActions(document, foreign, {})).toEqual([]);
  });

  it('drops a fix whose offsets no longer fit the document', () => {
    const document = documentOf('short');
    const diagnostic = toDiagnostic(
      lintMessage({ fix: { range: [0, 5], text: 'x' } }),
      documentOf('longer text'),
      normalizeSettings({}).settings,
    );
    (diagnostic.data as { fix: { range: number[] } }).fix.range = [3, 50];
    expect(
      titles(toCodeActions(document, [diagnostic], {})).some((title) => title.includes('Fix:')),
    ).toBe(false);
  });

  it('skips the line directive for a diagnostic past the last line', () => {
    const document = documentOf('one line');
    const diagnostic = toDiagnostic(lintMessage({}), document, DEFAULTS);
    diagnostic.range = { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } };
    expect(
      titles(toCodeActions(document, [diagnostic], {})).some((title) =>
        title.includes('for this line'),
      ),
    ).toBe(false);
  });

  it('reads a markup message (LSP 3.18) for the fix title', () => {
    const document = documentOf('abc');
    const diagnostic = toDiagnostic(
      lintMessage({ fix: { range: [0, 1], text: 'A' } }),
      document,
      DEFAULTS,
    );
    diagnostic.message = { kind: 'markdown', value: 'Short problem. More words.' };
    expect(find(toCodeActions(document, [diagnostic], {}), 'Fix:')?.title).toBe(
      'Fix: Short problem.',
    );
  });

  it('keeps long titles short', () => {
    const document = documentOf('abc');
    const title = (message: string) =>
      find(
        toCodeActions(
          document,
          [
            toDiagnostic(
              lintMessage({ message, fix: { range: [0, 1], text: 'A' } }),
              document,
              DEFAULTS,
            ),
          ],
          {},
        ),
        'Fix:',
      )?.title;
    expect(title('One sentence only')).toBe('Fix: One sentence only');
    expect(title(`${'word '.repeat(30)}end.`)).toBe(`Fix: ${'word '.repeat(15).trim()}…`);
  });
});

describe('fix-all in the quick-fix menu', () => {
  const FIX_ALL = 'Fix all auto-fixable CORS problems';

  it('is a quick fix (VS Code leaves source actions out of that menu) carrying a command, not an edit: nothing is linted to offer it', () => {
    const { document, diagnostics } = lintedDocument(SERVER, 7);
    for (const only of [undefined, ['quickfix']]) {
      const fixAll = toCodeActions(document, diagnostics, { only, fixAllByCommand: true }).find(
        (action) => action.title === FIX_ALL,
      );
      expect(fixAll?.kind).toBe('quickfix');
      expect(fixAll?.edit).toBeUndefined();
      expect(fixAll?.command).toEqual({
        title: FIX_ALL,
        command: APPLY_FIX_ALL_COMMAND,
        arguments: [{ uri: document.uri, version: 7 }],
      });
    }
  });

  it('is offered once, as an edit, to a client that asks for source.fixAll too', () => {
    const { document, diagnostics, fixAllText } = lintedDocument(SERVER);
    const actions = toCodeActions(document, diagnostics, {
      only: ['source.fixAll'],
      fixAllText,
      fixAllByCommand: true,
    });
    expect(titles(actions)).toEqual([`${FIX_ALL_KIND}: ${FIX_ALL}`]);
  });

  it('is not offered when nothing is fixable', () => {
    const { document, diagnostics } = lintedDocument(SERVER);
    const unfixable = diagnostics.filter(
      (diagnostic) => (diagnostic.data as { fix?: unknown }).fix === undefined,
    );
    expect(
      toCodeActions(document, unfixable, { fixAllByCommand: true }).some(
        (action) => action.title === FIX_ALL,
      ),
    ).toBe(false);
  });
});

describe('fix all problems of one rule', () => {
  const TWO_SLASHES = `${SERVER}app.use(cors({ origin: 'https://admin.example.com/' }));\n`;
  const RULE = 'cors/valid-allow-origin';

  it('is a quick fix next to a fixable problem of a rule the document has more than one of, resolved by a command', () => {
    const { document, diagnostics } = lintedDocument(TWO_SLASHES, 4);
    const [first] = diagnostics.filter((diagnostic) => diagnostic.code === RULE);
    const actions = toCodeActions(document, [first!], {
      fixAllByCommand: true,
      fixableByRule: new Map([[RULE, 2]]),
    });
    const perRule = actions.find((action) => action.title === `Fix all ${RULE} problems`);
    expect(perRule?.kind).toBe('quickfix');
    expect(perRule?.edit).toBeUndefined();
    expect(perRule?.diagnostics).toEqual([first]);
    expect(perRule?.command).toEqual({
      title: `Fix all ${RULE} problems`,
      command: APPLY_FIX_ALL_COMMAND,
      arguments: [{ uri: document.uri, version: 4, ruleId: RULE }],
    });
    // Next to the fix of that one problem, before the disable comments.
    expect(actions.map((action) => action.title).slice(0, 2)).toEqual([
      'Fix: No page matches this origin',
      `Fix all ${RULE} problems`,
    ]);
  });

  it('is not offered for a rule with one fixable problem, for an unfixable one, or for another version', () => {
    const { document, diagnostics } = lintedDocument(TWO_SLASHES, 4);
    const perRule = (list: Diagnostic[], counts: Map<string, number>, doc = document) =>
      toCodeActions(doc, list, { fixAllByCommand: true, fixableByRule: counts }).filter((action) =>
        action.title.startsWith('Fix all cors/'),
      );
    expect(perRule(diagnostics, new Map([[RULE, 1]]))).toEqual([]);
    const unfixable = diagnostics.filter(
      (diagnostic) => (diagnostic.data as { fix?: unknown }).fix === undefined,
    );
    expect(
      perRule(unfixable, new Map(unfixable.map((diagnostic) => [String(diagnostic.code), 2]))),
    ).toEqual([]);
    expect(perRule(diagnostics, new Map([[RULE, 2]]), documentOf(TWO_SLASHES, 5))).toEqual([]);
  });
});
