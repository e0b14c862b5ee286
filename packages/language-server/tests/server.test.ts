/**
 * The server over a real connection: the built `dist/main.js --stdio` runs as a child process and
 * these tests play the editor (see helpers/lsp-client.ts). They cover the round trip a user sees —
 * open → squiggle → quick fix → squiggle gone — plus hover, commands, settings and capabilities.
 */
import {
  CodeActionRequest,
  DiagnosticSeverity,
  ExecuteCommandRequest,
  HoverRequest,
  type CodeAction,
  type Diagnostic,
  type PublishDiagnosticsParams,
  type TextEdit,
} from 'vscode-languageserver/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdits, fileUri, FULL_CAPABILITIES, TestClient } from './helpers/lsp-client.js';

const TRAILING_SLASH = `// Storefront API.
import express from 'express';
import cors from 'cors';

const app = express();
app.use(cors({ origin: 'https://shop.example.com/', credentials: true }));
`;

const WILDCARD_WITH_CREDENTIALS = `const express = require('express');
const cors = require('cors');

const app = express();
function setup() {
  app.use(cors({ origin: '*', credentials: true }));
}
`;

const SPACE_SEPARATED = `import cors from 'cors';

export const options = cors({
  origin: 'https://app.example.com',
  methods: 'GET POST PUT',
  allowedHeaders: 'Content-Type X-Requested-With',
});
`;

const PUBLIC_WILDCARD = `import express from 'express';
import cors from 'cors';

const app = express();
app.use(cors());
`;

// Two cross-origin requests while no app origin is set, in a page script (it reads \`document\`: the
// server's own package.json would otherwise make a virtual file under it Node code).
const CLIENT_REQUESTS = `// Storefront page script.
fetch('https://app.example.com/api/cart', { headers: { 'X-Requested-With': 'XMLHttpRequest' } });
fetch('https://api.example.com/items', { headers: { 'X-Requested-With': 'XMLHttpRequest' } });
document.querySelector('#cart')?.removeAttribute('hidden');
`;

const PREFLIGHT_RULE = 'cors/no-accidental-preflight';
const VALID_ALLOW_ORIGIN = 'cors/valid-allow-origin';
const WILDCARD_RULE = 'cors/no-wildcard-origin-with-credentials';

/** The edit of a code action for `uri`, whichever form the server chose. */
function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const changes = action.edit?.changes?.[uri];
  if (changes) return changes;
  const documentChange = action.edit?.documentChanges?.find(
    (change) => 'textDocument' in change && change.textDocument.uri === uri,
  );
  return documentChange && 'edits' in documentChange ? (documentChange.edits as TextEdit[]) : [];
}

function titles(actions: CodeAction[]): string[] {
  return actions.map((action) => action.title);
}

describe('language server over stdio (child process)', () => {
  let client: TestClient;

  beforeAll(async () => {
    client = await TestClient.start();
  });
  afterAll(async () => {
    await client?.stop();
  });

  async function codeActions(
    uri: string,
    diagnostics: Diagnostic[],
    only?: string[],
  ): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? {
      start: { line: 0, character: 0 },
      end: { line: 0, character: 0 },
    };
    const result = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: only === undefined ? { diagnostics } : { diagnostics, only },
    });
    return (result ?? []) as CodeAction[];
  }

  /** Applies `action`'s edit the way an editor does: as an incremental didChange. Returns the new text and version. */
  async function apply(
    uri: string,
    text: string,
    action: CodeAction,
  ): Promise<{ text: string; version: number }> {
    const edits = editsOf(action, uri);
    expect(edits.length).toBeGreaterThan(0);
    const next = applyEdits(text, edits);
    // Edits go in back to front, so each range is still valid in the text it applies to.
    const sorted = [...edits].sort(
      (a, b) =>
        b.range.start.line - a.range.start.line ||
        b.range.start.character - a.range.start.character,
    );
    const version = await client.change(
      uri,
      sorted.map((edit) => ({ range: edit.range, text: edit.newText })),
    );
    return { text: next, version };
  }

  it('answers initialize with the negotiated capabilities and its name', () => {
    const result = client.initializeResult;
    expect(result?.serverInfo?.name).toBe('cors-language-server');
    expect(result?.capabilities.textDocumentSync).toMatchObject({
      openClose: true,
      change: 2,
      save: { includeText: false },
    });
    expect(result?.capabilities.codeActionProvider).toEqual({
      codeActionKinds: ['quickfix', 'source.fixAll.cors'],
    });
    expect(result?.capabilities.hoverProvider).toBe(true);
    expect(result?.capabilities.executeCommandProvider).toEqual({
      commands: ['cors.applyFixAll', 'cors.showDocumentation'],
    });
  });

  it('registers for didChangeConfiguration when the client supports dynamic registration', async () => {
    // The registration request follows `initialized`; a round trip after it means it has arrived.
    await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: 'file:///none.js' },
      position: { line: 0, character: 0 },
    });
    expect(client.registrations).toContain('workspace/didChangeConfiguration');
  });

  it('open → diagnostics → quick fix → edit applied → diagnostics gone', async () => {
    const uri = fileUri('storefront.js');
    await client.open(uri, TRAILING_SLASH);
    const first = await client.waitForVersion(uri, 1);
    expect(first.diagnostics).toHaveLength(1);
    const [diagnostic] = first.diagnostics as [Diagnostic];
    const line = TRAILING_SLASH.split('\n').findIndex((text) =>
      text.includes("'https://shop.example.com/'"),
    );
    const character = TRAILING_SLASH.split('\n')[line]!.indexOf("'https://shop.example.com/'");
    expect(diagnostic).toMatchObject({
      range: {
        start: { line, character },
        end: { line, character: character + "'https://shop.example.com/'".length },
      },
      severity: DiagnosticSeverity.Error,
      code: VALID_ALLOW_ORIGIN,
      source: 'cors',
      codeDescription: { href: expect.stringMatching(/valid-allow-origin/) },
      data: { version: 1, ruleId: VALID_ALLOW_ORIGIN, fix: { text: "'https://shop.example.com'" } },
    });
    expect(diagnostic.message).toMatch(/ends with a slash/);

    // The client sends the diagnostics back, as LSP clients do; the server rebuilds the actions from them.
    const actions = await codeActions(uri, first.diagnostics);
    const preferred = actions.filter((action) => action.isPreferred);
    expect(preferred).toHaveLength(1);
    expect(preferred[0]).toMatchObject({ kind: 'quickfix', diagnostics: [diagnostic] });
    expect(preferred[0]!.title).toMatch(/^Fix: /);

    const fixed = await apply(uri, TRAILING_SLASH, preferred[0]!);
    expect(fixed.text).toBe(
      TRAILING_SLASH.replace("'https://shop.example.com/'", "'https://shop.example.com'"),
    );
    const after = await client.waitForVersion(uri, fixed.version);
    expect(after.diagnostics).toEqual([]);
    await client.close(uri);
  });

  it('offers each suggestion, disable-line, disable-file and documentation actions; each works', async () => {
    const uri = fileUri('wildcard.cjs');
    await client.open(uri, WILDCARD_WITH_CREDENTIALS);
    const published = await client.waitForVersion(uri, 1);
    expect(published.diagnostics.map((d) => d.code)).toEqual([WILDCARD_RULE]);
    const actions = await codeActions(uri, published.diagnostics);
    expect(titles(actions)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Allow explicit origins instead of '\*': '<your-app-origin>' \(cors\/no-wildcard-origin-with-credentials\)$/,
        ),
        `Disable ${WILDCARD_RULE} for this line`,
        `Disable ${WILDCARD_RULE} for this file`,
        `Show documentation for ${WILDCARD_RULE}`,
      ]),
    );
    // No autofix for this rule: nothing is preferred.
    expect(actions.filter((action) => action.isPreferred)).toEqual([]);

    // Disable for this line: a directive above the line, with its indentation; the report goes away.
    let text = WILDCARD_WITH_CREDENTIALS;
    const disableLine = actions.find(
      (action) => action.title === `Disable ${WILDCARD_RULE} for this line`,
    )!;
    let result = await apply(uri, text, disableLine);
    expect(result.text).toContain(
      `  // eslint-disable-next-line ${WILDCARD_RULE}\n  app.use(cors({ origin: '*', credentials: true }));`,
    );
    expect((await client.waitForVersion(uri, result.version)).diagnostics).toEqual([]);

    // Back to the original text: disable for the whole file.
    result = {
      text: WILDCARD_WITH_CREDENTIALS,
      version: await client.replaceAll(uri, WILDCARD_WITH_CREDENTIALS),
    };
    let again = await client.waitForVersion(uri, result.version);
    expect(again.diagnostics).toHaveLength(1);
    const disableFile = (await codeActions(uri, again.diagnostics)).find(
      (action) => action.title === `Disable ${WILDCARD_RULE} for this file`,
    )!;
    text = result.text;
    result = await apply(uri, text, disableFile);
    expect(result.text.startsWith(`/* eslint-disable ${WILDCARD_RULE} */`)).toBe(true);
    expect((await client.waitForVersion(uri, result.version)).diagnostics).toEqual([]);

    // Back again: with no cors.appOrigins the suggestion writes a placeholder, which stays reported until replaced.
    result = {
      text: WILDCARD_WITH_CREDENTIALS,
      version: await client.replaceAll(uri, WILDCARD_WITH_CREDENTIALS),
    };
    again = await client.waitForVersion(uri, result.version);
    const suggestion = (await codeActions(uri, again.diagnostics)).find((action) =>
      action.title.startsWith('Allow explicit origins'),
    )!;
    expect(suggestion.kind).toBe('quickfix');
    result = await apply(uri, result.text, suggestion);
    expect(result.text).toContain("origin: ['<your-app-origin>']");
    expect(
      (await client.waitForVersion(uri, result.version)).diagnostics.map((d) => [
        d.code,
        (d.data as { messageId?: string }).messageId,
      ]),
    ).toEqual([[VALID_ALLOW_ORIGIN, 'placeholder']]);

    // The documentation action is a command; executing it asks the client to open the page.
    const documentation = actions.find(
      (action) => action.title === `Show documentation for ${WILDCARD_RULE}`,
    )!;
    expect(documentation.command?.command).toBe('cors.showDocumentation');
    await client.connection.sendRequest(ExecuteCommandRequest.type, documentation.command!);
    expect(client.shownDocuments).toContainEqual({
      uri: published.diagnostics[0]!.codeDescription!.href,
      external: true,
    });
    await client.close(uri);
  });

  it('offers no edits for diagnostics of an older version of the document', async () => {
    const uri = fileUri('stale.js');
    await client.open(uri, TRAILING_SLASH);
    const first = await client.waitForVersion(uri, 1);
    const version = await client.change(uri, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        text: '// moved\n',
      },
    ]);
    await client.waitForVersion(uri, version);
    const actions = await codeActions(uri, first.diagnostics);
    expect(actions.filter((action) => action.edit !== undefined)).toEqual([]);
    await client.close(uri);
  });

  it('fixes all auto-fixable problems as a source.fixAll.cors action and as a command', async () => {
    const uri = fileUri('options.ts');
    await client.open(uri, SPACE_SEPARATED);
    const published = await client.waitForVersion(uri, 1);
    expect(published.diagnostics.map((d) => d.code)).toEqual([
      'cors/valid-header-values',
      'cors/valid-header-values',
    ]);
    const expected = SPACE_SEPARATED.replace("'GET POST PUT'", "'GET, POST, PUT'").replace(
      "'Content-Type X-Requested-With'",
      "'Content-Type, X-Requested-With'",
    );

    // On save, editors ask for the source action alone, without diagnostics.
    const onSave = await codeActions(uri, [], ['source.fixAll']);
    expect(onSave.map((action) => [action.kind, action.title])).toEqual([
      ['source.fixAll.cors', 'Fix all auto-fixable CORS problems'],
    ]);
    expect(applyEdits(SPACE_SEPARATED, editsOf(onSave[0]!, uri))).toBe(expected);

    // In the light-bulb menu it comes with the quick fixes; `only: ['quickfix']` leaves it out.
    expect(titles(await codeActions(uri, published.diagnostics))).toContain(
      'Fix all auto-fixable CORS problems',
    );
    const quickfixes = await codeActions(uri, published.diagnostics, ['quickfix']);
    expect(quickfixes.length).toBeGreaterThan(0);
    expect(quickfixes.every((action) => action.kind === 'quickfix')).toBe(true);

    // The command variant sends workspace/applyEdit.
    await client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: 'cors.applyFixAll',
      arguments: [{ uri, version: 1 }],
    });
    const applied = client.appliedEdits.at(-1)!;
    expect(applyEdits(SPACE_SEPARATED, applied.edit.changes![uri]!)).toBe(expected);

    const result = await apply(uri, SPACE_SEPARATED, onSave[0]!);
    expect((await client.waitForVersion(uri, result.version)).diagnostics).toEqual([]);
    await client.close(uri);
  });

  it('offers fix-all and, for a rule with several fixable problems, per-rule fix-all in the quick-fix menu, from the current text', async () => {
    const uri = fileUri('per-rule.ts');
    const text = SPACE_SEPARATED.replace("'https://app.example.com'", "'https://app.example.com/'");
    await client.open(uri, text);
    const published = await client.waitForVersion(uri, 1);
    expect(published.diagnostics.map((d) => d.code).sort()).toEqual([
      VALID_ALLOW_ORIGIN,
      'cors/valid-header-values',
      'cors/valid-header-values',
    ]);
    const [methods] = published.diagnostics.filter((d) => d.code === 'cors/valid-header-values');
    const [origin] = published.diagnostics.filter((d) => d.code === VALID_ALLOW_ORIGIN);

    // VS Code's Ctrl+. sends the diagnostics under the cursor and no `only` (or `quickfix`), and shows quick fixes only.
    for (const only of [undefined, ['quickfix']]) {
      const actions = await codeActions(uri, [methods!], only);
      const byTitle = new Map(actions.map((action) => [action.title, action]));
      expect(byTitle.get('Fix all cors/valid-header-values problems')?.kind).toBe('quickfix');
      expect(byTitle.get('Fix all auto-fixable CORS problems')?.kind).toBe('quickfix');
    }
    // One fixable problem of its rule: its own fix is enough.
    expect(
      titles(await codeActions(uri, [origin!])).filter((title) =>
        title.startsWith('Fix all cors/'),
      ),
    ).toEqual([]);

    // Chosen, it fixes that rule's problems in the text as it is now, and leaves the other rule's.
    const perRule = (await codeActions(uri, [methods!])).find(
      (action) => action.title === 'Fix all cors/valid-header-values problems',
    )!;
    const mark = client.appliedEdits.length;
    await client.connection.sendRequest(ExecuteCommandRequest.type, perRule.command!);
    expect(client.appliedEdits.slice(mark)).toHaveLength(1);
    const applied = client.appliedEdits.at(-1)!;
    expect(applied.label).toBe('Fix all cors/valid-header-values problems');
    expect(applyEdits(text, applied.edit.changes![uri]!)).toBe(
      text
        .replace("'GET POST PUT'", "'GET, POST, PUT'")
        .replace("'Content-Type X-Requested-With'", "'Content-Type, X-Requested-With'"),
    );

    // For a version that is no longer current, the command does nothing.
    await client.change(uri, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        text: '// edited\n',
      },
    ]);
    await client.connection.sendRequest(ExecuteCommandRequest.type, perRule.command!);
    expect(client.appliedEdits.slice(mark)).toHaveLength(1);
    await client.close(uri);
  });

  it('fix on save right after typing fixes what was typed: the current version, not the last linted one', async () => {
    const uri = fileUri('save-at-once.ts');
    const before = `import cors from 'cors';\n\nexport const options = cors({ methods: 'GET' });\n`;
    await client.open(uri, before);
    expect((await client.waitForVersion(uri, 1)).diagnostics).toEqual([]);
    // Type ' POST' after GET, then save at once: the editor asks for the fix-all action before the
    // server has linted (let alone published) the typed version.
    const at = { line: 2, character: before.split('\n')[2]!.indexOf("'GET'") + 4 };
    const typed = before.replace("'GET'", "'GET POST'");
    const changed = client.change(uri, [{ range: { start: at, end: at }, text: ' POST' }]);
    const onSave = await codeActions(uri, [], ['source.fixAll']);
    const version = await changed;
    expect(onSave.map((action) => action.kind)).toEqual(['source.fixAll.cors']);
    expect(applyEdits(typed, editsOf(onSave[0]!, uri))).toBe(
      before.replace("'GET'", "'GET, POST'"),
    );
    // Nothing to fix: no action.
    await client.waitForVersion(uri, version);
    const fixed = await apply(uri, typed, onSave[0]!);
    await client.waitForVersion(uri, fixed.version);
    expect(await codeActions(uri, [], ['source.fixAll'])).toEqual([]);
    await client.close(uri);
  });

  it('with run: onSave too, fix on save fixes the typed text, which was never linted', async () => {
    const onSave = await TestClient.start({ settings: { run: 'onSave' } });
    try {
      const uri = fileUri('save-only.ts');
      const before = `import cors from 'cors';\n\nexport const options = cors({ methods: 'GET' });\n`;
      await onSave.open(uri, before);
      await onSave.waitForVersion(uri, 1);
      const at = { line: 2, character: before.split('\n')[2]!.indexOf("'GET'") + 4 };
      await onSave.change(uri, [{ range: { start: at, end: at }, text: ' POST' }]);
      const result = (await onSave.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      })) as CodeAction[];
      expect(result.map((action) => action.kind)).toEqual(['source.fixAll.cors']);
      expect(applyEdits(before.replace("'GET'", "'GET POST'"), editsOf(result[0]!, uri))).toBe(
        before.replace("'GET'", "'GET, POST'"),
      );
    } finally {
      await onSave.stop();
    }
  });

  it('hovers a flagged range with what the message lacks, each piece once; nothing elsewhere', async () => {
    const uri = fileUri('hover.mjs');
    await client.open(uri, TRAILING_SLASH);
    const [diagnostic] = (await client.waitForVersion(uri, 1)).diagnostics as [Diagnostic];
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: {
        line: diagnostic.range.start.line,
        character: diagnostic.range.start.character + 3,
      },
    });
    expect(hover).not.toBeNull();
    const value =
      typeof hover!.contents === 'object' && 'value' in hover!.contents
        ? hover!.contents.value
        : JSON.stringify(hover!.contents);
    expect(value).toContain(VALID_ALLOW_ORIGIN);
    expect(value).toContain('Browsers block the response');
    expect(value).toContain(diagnostic.codeDescription!.href);
    // The editor shows the diagnostic message in the same hover: together, every piece appears once.
    const message =
      typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
    const shown = `${message}\n\n${value}`;
    const occurrences = (piece: string) => shown.split(piece).length - 1;
    const firstSentence = message.slice(0, message.indexOf('. ') + 1);
    expect(firstSentence).toMatch(/^No page matches this origin: .{10,}\.$/);
    expect(occurrences(firstSentence)).toBe(1);
    expect(occurrences('Chrome: "')).toBe(1);
    expect(occurrences('Firefox: "')).toBe(1);
    expect(value).not.toMatch(/Chrome|Firefox|shop\.example\.com/);
    const nothing = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 0, character: 1 },
    });
    expect(nothing).toBeNull();
    await client.close(uri);
  });

  it('skips documents in other languages and lints untitled ones by languageId', async () => {
    const markdown = fileUri('notes.md');
    const untitled = 'untitled:Untitled-1';
    const mark = client.publishMark;
    await client.open(markdown, TRAILING_SLASH, 'markdown');
    await client.open(untitled, SPACE_SEPARATED, 'typescript');
    const published = await client.waitForVersion(untitled, 1, mark);
    expect(published.diagnostics.map((d) => d.code)).toEqual([
      'cors/valid-header-values',
      'cors/valid-header-values',
    ]);
    // The untitled document was opened after the markdown one and is already answered.
    expect(client.publishCount(markdown)).toBe(0);
    await client.close(untitled);
    await client.close(markdown);
  });

  it('answers a document without CORS-relevant text with an empty publish', async () => {
    const uri = fileUri('math.ts');
    await client.open(uri, 'export const add = (a: number, b: number) => a + b;\n');
    expect((await client.waitForVersion(uri, 1)).diagnostics).toEqual([]);
    await client.close(uri);
  });

  it('clears a document’s diagnostics when it closes', async () => {
    const uri = fileUri('closing.js');
    await client.open(uri, TRAILING_SLASH);
    expect((await client.waitForVersion(uri, 1)).diagnostics).toHaveLength(1);
    const mark = client.publishMark;
    await client.close(uri);
    const cleared = await client.waitForPublish(uri, { from: mark });
    expect(cleared.diagnostics).toEqual([]);
  });
});

describe('settings (workspace/configuration, section cors)', () => {
  let client: TestClient;

  beforeAll(async () => {
    client = await TestClient.start({ settings: {} });
  });
  afterAll(async () => {
    await client?.stop();
  });

  /** Changes the settings and waits until both documents are linted again with them. */
  async function relint(settings: unknown, uris: string[]): Promise<PublishDiagnosticsParams[]> {
    const mark = client.publishMark;
    await client.changeSettings(settings);
    return Promise.all(uris.map((uri) => client.waitForPublish(uri, { from: mark })));
  }

  it('pulls per document and re-lints every open document on a configuration change', async () => {
    const storefront = fileUri('storefront.js');
    const publicApi = fileUri('public.js');
    await client.open(storefront, TRAILING_SLASH);
    await client.open(publicApi, PUBLIC_WILDCARD);
    expect((await client.waitForVersion(storefront, 1)).diagnostics.map((d) => d.code)).toEqual([
      VALID_ALLOW_ORIGIN,
    ]);
    // `no-permissive-origin` is in `strict`, not in the default `recommended`.
    expect((await client.waitForVersion(publicApi, 1)).diagnostics).toEqual([]);
    expect(client.configurationRequests.flatMap((request) => request.items)).toEqual(
      expect.arrayContaining([
        { scopeUri: storefront, section: 'cors' },
        { scopeUri: publicApi, section: 'cors' },
      ]),
    );

    // config: strict adds no-permissive-origin (a warning).
    let [a, b] = await relint({ config: 'strict' }, [storefront, publicApi]);
    expect(a!.diagnostics.map((d) => d.code)).toEqual([VALID_ALLOW_ORIGIN]);
    expect(b!.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['cors/no-permissive-origin', DiagnosticSeverity.Warning],
    ]);

    // A rule turned off, with or without the cors/ prefix.
    [a, b] = await relint(
      {
        config: 'strict',
        rules: { 'valid-allow-origin': 'off', 'cors/no-permissive-origin': 'off' },
      },
      [storefront, publicApi],
    );
    expect(a!.diagnostics).toEqual([]);
    expect(b!.diagnostics).toEqual([]);

    // Severity overrides: error → info, warn → error.
    [a, b] = await relint(
      {
        config: 'strict',
        rules: { 'cors/valid-allow-origin': 'info', 'no-permissive-origin': 'error' },
      },
      [storefront, publicApi],
    );
    expect(a!.diagnostics.map((d) => d.severity)).toEqual([DiagnosticSeverity.Information]);
    expect(b!.diagnostics.map((d) => d.severity)).toEqual([DiagnosticSeverity.Error]);
    [a] = await relint({ rules: { 'valid-allow-origin': 'warn' } }, [storefront]);
    expect(a!.diagnostics.map((d) => d.severity)).toEqual([DiagnosticSeverity.Warning]);

    // enable: false empties everything.
    [a, b] = await relint({ enable: false, config: 'strict' }, [storefront, publicApi]);
    expect(a!.diagnostics).toEqual([]);
    expect(b!.diagnostics).toEqual([]);

    // Back to the defaults.
    [a] = await relint(null, [storefront]);
    expect(a!.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      [VALID_ALLOW_ORIGIN, DiagnosticSeverity.Error],
    ]);
    await client.close(storefront);
    await client.close(publicApi);
  });

  it('hands cors.appOrigins to the client rules: a request to the app origin is same-origin, one to another origin is not', async () => {
    const uri = fileUri('client.js');
    await client.open(uri, CLIENT_REQUESTS);
    const lines = (params: PublishDiagnosticsParams) =>
      params.diagnostics.map((d) => [d.code, d.range.start.line]);
    expect(lines(await client.waitForVersion(uri, 1))).toEqual([
      [PREFLIGHT_RULE, 1],
      [PREFLIGHT_RULE, 2],
    ]);
    let [published] = await relint({ appOrigins: ['https://app.example.com'] }, [uri]);
    expect(lines(published!)).toEqual([[PREFLIGHT_RULE, 2]]);
    [published] = await relint({}, [uri]);
    expect(lines(published!)).toHaveLength(2);
    await client.close(uri);
  });

  it('hands cors.django.corsHeadersVersion to the Django rules: before 3.5.0 CORS_ALLOW_ALL_ORIGINS is not read', async () => {
    const uri = fileUri('settings.py');
    await client.open(uri, 'CORS_ALLOW_ALL_ORIGINS = True\nCORS_ALLOW_CREDENTIALS = True\n');
    const found = (params: PublishDiagnosticsParams) =>
      params.diagnostics.map((d) => [
        d.code,
        (d.data as { messageId?: string }).messageId,
        d.range.start.line,
        d.range.start.character,
      ]);
    // No version given and none pinned: the newest facts, where allow-all reflects with credentials.
    expect(found(await client.waitForVersion(uri, 1))).toEqual([
      ['cors/no-reflected-origin-with-credentials', 'reflectedWithCredentials', 0, 25],
    ]);
    let [published] = await relint({ django: { corsHeadersVersion: '3.4.0' } }, [uri]);
    expect(found(published!)).toEqual([
      ['cors/no-dead-django-cors-setting', 'newNameIgnored', 0, 0],
    ]);
    expect(published!.diagnostics[0]!.message).toContain('django-cors-headers 3.4.0 reads only');
    // VS Code sends the unset setting as an empty string: the newest facts again.
    [published] = await relint({ django: { corsHeadersVersion: '' } }, [uri]);
    expect(found(published!)).toEqual([
      ['cors/no-reflected-origin-with-credentials', 'reflectedWithCredentials', 0, 25],
    ]);
    await relint({}, [uri]);
    await client.close(uri);
  });

  it('writes cors.appOrigins into the origin suggestions, and the result is clean', async () => {
    const uri = fileUri('wildcard-app-origins.cjs');
    await client.open(uri, WILDCARD_WITH_CREDENTIALS);
    await client.waitForVersion(uri, 1);
    const [published] = await relint(
      { appOrigins: ['https://app.example.com', 'https://admin.example.com/'] },
      [uri],
    );
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: published!.diagnostics[0]!.range,
      context: { diagnostics: published!.diagnostics },
    })) as CodeAction[];
    const suggestion = actions.find((action) => action.title.startsWith('Allow explicit origins'))!;
    expect(suggestion.title).toBe(
      "Allow explicit origins instead of '*': 'https://app.example.com', … (cors/no-wildcard-origin-with-credentials)",
    );
    const text = applyEdits(WILDCARD_WITH_CREDENTIALS, editsOf(suggestion, uri));
    expect(text).toContain("origin: ['https://app.example.com', 'https://admin.example.com']");
    const mark = client.publishMark;
    await client.replaceAll(uri, text);
    expect((await client.waitForPublish(uri, { from: mark })).diagnostics).toEqual([]);
    await relint({}, [uri]);
    await client.close(uri);
  });

  it('honours inline eslint-disable comments', async () => {
    const uri = fileUri('inline.js');
    await client.open(
      uri,
      TRAILING_SLASH.replace(
        'app.use(cors(',
        `// eslint-disable-next-line ${VALID_ALLOW_ORIGIN} -- fixed upstream\napp.use(cors(`,
      ),
    );
    expect((await client.waitForVersion(uri, 1)).diagnostics).toEqual([]);
    await client.close(uri);
  });

  it('with run: onSave, lints on open and save but not while typing', async () => {
    const uri = fileUri('on-save.js');
    await client.changeSettings({ run: 'onSave' });
    await client.open(uri, TRAILING_SLASH);
    expect((await client.waitForVersion(uri, 1)).diagnostics).toHaveLength(1);

    const mark = client.publishMark;
    const fixed = TRAILING_SLASH.replace(
      "'https://shop.example.com/'",
      "'https://shop.example.com'",
    );
    const version = await client.replaceAll(uri, fixed);
    // Typing publishes nothing: none comes within 1.5 s (a lint on type answers in milliseconds).
    await expect(client.waitForPublish(uri, { from: mark, timeoutMs: 1_500 })).rejects.toThrow(
      /timed out/,
    );
    await client.save(uri);
    const saved = await client.waitForPublish(uri, { from: mark });
    expect(saved).toMatchObject({ version, diagnostics: [] });
    await client.close(uri);
    await client.changeSettings({});
  });
});

describe('capability negotiation', () => {
  it('advertises codeActionProvider: true to a client without code action literals, and uses defaults without workspace/configuration', async () => {
    const client = await TestClient.start({
      capabilities: { textDocument: { publishDiagnostics: {} } },
    });
    try {
      expect(client.initializeResult?.capabilities.codeActionProvider).toBe(true);
      expect(client.registrations).toEqual([]);
      const uri = fileUri('plain-client.js');
      await client.open(uri, TRAILING_SLASH);
      expect((await client.waitForVersion(uri, 1)).diagnostics.map((d) => d.code)).toEqual([
        VALID_ALLOW_ORIGIN,
      ]);
      expect(client.configurationRequests).toEqual([]);

      // Such a client may push its settings with didChangeConfiguration instead.
      const mark = client.publishMark;
      await client.changeSettings({ rules: { 'valid-allow-origin': 'off' } });
      expect((await client.waitForPublish(uri, { from: mark })).diagnostics).toEqual([]);

      // Without window/showDocument support the documentation link is shown as a message.
      await client.connection.sendRequest(ExecuteCommandRequest.type, {
        command: 'cors.showDocumentation',
        arguments: ['https://example.com/docs/rule.md'],
      });
      expect(client.messages.map((message) => message.message)).toContainEqual(
        expect.stringContaining('https://example.com/docs/rule.md'),
      );
      expect(client.shownDocuments).toEqual([]);
    } finally {
      await client.stop();
    }
  });

  it('shuts down cleanly with exit code 0', async () => {
    const client = await TestClient.start({ capabilities: FULL_CAPABILITIES });
    await client.stop();
    expect(await client.exit).toBe(0);
  });
});
