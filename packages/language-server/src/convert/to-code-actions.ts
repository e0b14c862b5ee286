/**
 * Code actions rebuilt from the diagnostics a client sends back: their `data` holds the fixes and
 * the document version they were computed for, so the server keeps no state between the two
 * requests. Edits computed for another version of the document are not offered.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { textDigest } from 'eslint-plugin-cors';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver/node';
import { ruleMeta } from '../engine/rule-meta.js';
import { disableForFileEdit, disableForLineEdit } from './disable-comment.js';
import { minimalEdits } from './minimal-edits.js';
import type { DiagnosticData, TextFix } from './to-diagnostic.js';
import { DIAGNOSTIC_SOURCE, messageText, readDiagnosticData } from './to-diagnostic.js';
import { MAX_TITLE_LENGTH } from '../limits.js';

export const QUICK_FIX_KIND = 'quickfix';
export const FIX_ALL_KIND = 'source.fixAll.cors';
export const SHOW_DOCUMENTATION_COMMAND = 'cors.showDocumentation';
export const FIX_ALL_TITLE = 'Fix all auto-fixable CORS problems';

export interface CodeActionOptions {
  /** `context.only`: the kinds the client asks for; absent means all. */
  only?: string[] | undefined;
  /** The document's text with every cors autofix applied (`LintHost.fixAll`). */
  fixAllText?: string | undefined;
  /**
   * Offer fix-all as a command (`cors.applyFixAll`, resolved when chosen) instead of an edit.
   * The light bulb asks for actions at every cursor move; computing fix-all means linting the
   * whole file again, so it is only done when the fix itself is wanted.
   */
  fixAllByCommand?: boolean;
  /**
   * How many problems of each rule the document has that an autofix can fix, counted over its
   * whole current version (the client sends only those under the cursor). A rule with more than
   * one gets a "Fix all <rule> problems" quick fix next to its problems.
   */
  fixableByRule?: ReadonlyMap<string, number> | undefined;
  /**
   * The current text of another file (open in the editor, else on disk), for the server-side edits
   * of cross-file findings; undefined when it cannot be read.
   */
  textOf?: ((uri: string) => string | undefined) | undefined;
}

/**
 * The server command that applies every cors autofix to a document: `{ uri, version, ruleId? }`,
 * with `ruleId` only that rule's. The fixes are computed when it runs, from the current text.
 */
export const APPLY_FIX_ALL_COMMAND = 'cors.applyFixAll';

/** The title of the action that fixes every problem of one rule. */
export function fixAllRuleTitle(ruleId: string): string {
  return `Fix all ${ruleId} problems`;
}

interface CorsDiagnostic {
  diagnostic: Diagnostic;
  data: DiagnosticData;
  /** The diagnostic was computed for the document's current version. */
  current: boolean;
}

export function toCodeActions(
  document: TextDocument,
  diagnostics: Diagnostic[],
  options: CodeActionOptions,
): CodeAction[] {
  const ours = diagnostics.flatMap((diagnostic): CorsDiagnostic[] => {
    const data =
      diagnostic.source === DIAGNOSTIC_SOURCE ? readDiagnosticData(diagnostic.data) : undefined;
    return data ? [{ diagnostic, data, current: data.version === document.version }] : [];
  });
  const actions: CodeAction[] = [];
  if (wants(options.only, QUICK_FIX_KIND)) {
    actions.push(...ours.flatMap((entry) => fixActions(document, entry)));
    actions.push(...ours.flatMap((entry) => serverEditAction(entry, options.textOf)));
    actions.push(...fixAllRuleActions(document, ours, options.fixableByRule));
    actions.push(
      ...groupBy(
        ours.filter(canEditLine(document)),
        (entry) => `${entry.data.ruleId}\n${entry.diagnostic.range.start.line}`,
      ).map((group) => disableLineAction(document, group)),
    );
    actions.push(
      ...groupBy(
        ours.filter((entry) => entry.current),
        (entry) => entry.data.ruleId,
      ).map((group) => disableFileAction(document, group)),
    );
    actions.push(
      ...groupBy(ours, (entry) => entry.data.ruleId).flatMap((group) => documentationAction(group)),
    );
  }
  const fixAll = fixAllAction(document, ours, options);
  if (fixAll) actions.push(fixAll);
  return actions;
}

/**
 * Does a `context.only` list ask for actions of `kind`? Absent: every kind. Kinds are hierarchical
 * (`source.fixAll` asks for `source.fixAll.cors`, `quickfix` for `quickfix.cors`), and the empty kind
 * `''` (CodeActionKind.Empty) is the root of them all. An empty list asks for no kind: the client
 * filters out every action not of a requested kind (LSP 3.17, CodeActionContext.only), so none would
 * be shown and none is computed.
 */
export function wants(only: readonly string[] | undefined, kind: string): boolean {
  return (
    only === undefined ||
    only.some(
      (requested) => requested === '' || kind === requested || kind.startsWith(`${requested}.`),
    )
  );
}

function fixActions(
  document: TextDocument,
  { diagnostic, data, current }: CorsDiagnostic,
): CodeAction[] {
  if (!current) return [];
  const actions: CodeAction[] = [];
  const fixEdit = data.fix && textEdit(document, data.fix);
  if (fixEdit)
    actions.push({
      title: `Fix: ${shortTitle(messageText(diagnostic))}`,
      kind: QUICK_FIX_KIND,
      isPreferred: true,
      diagnostics: [diagnostic],
      edit: workspaceEdit(document, [fixEdit]),
    });
  for (const suggestion of data.suggestions ?? []) {
    const edit = textEdit(document, suggestion.fix);
    if (edit)
      actions.push({
        title: `${suggestion.desc} (${data.ruleId})`,
        kind: QUICK_FIX_KIND,
        diagnostics: [diagnostic],
        edit: workspaceEdit(document, [edit]),
      });
  }
  return actions;
}

/**
 * A cross-file finding's edit of the server file, as a suggestion (never preferred: it changes what
 * the server allows). Offered only while that file has the text the edit was computed for: after
 * any change its offsets could land on other code, and no edit beats a wrong one.
 */
function serverEditAction(
  { diagnostic, data, current }: CorsDiagnostic,
  textOf: CodeActionOptions['textOf'],
): CodeAction[] {
  const edit = data.serverEdit;
  if (!current || edit === undefined || textOf === undefined) return [];
  const text = textOf(edit.uri);
  if (text === undefined || textDigest(text) !== edit.digest) return [];
  const server = TextDocument.create(edit.uri, 'plaintext', 0, text);
  const edits = edit.edits.map((fix) => textEdit(server, fix));
  if (edits.some((entry) => entry === undefined)) return [];
  return [
    {
      title: `${edit.desc} (${data.ruleId})`,
      kind: QUICK_FIX_KIND,
      diagnostics: [diagnostic],
      edit: { changes: { [edit.uri]: edits as TextEdit[] } },
    },
  ];
}

const canEditLine =
  (document: TextDocument) =>
  ({ diagnostic, current }: CorsDiagnostic): boolean => {
    const { line } = diagnostic.range.start;
    return current && Number.isInteger(line) && line >= 0 && line < document.lineCount;
  };

function disableLineAction(document: TextDocument, group: CorsDiagnostic[]): CodeAction {
  const [{ diagnostic, data }] = group as [CorsDiagnostic];
  return {
    title: `Disable ${data.ruleId} for this line`,
    kind: QUICK_FIX_KIND,
    diagnostics: group.map((entry) => entry.diagnostic),
    edit: workspaceEdit(document, [
      disableForLineEdit(document, diagnostic.range.start.line, data.ruleId),
    ]),
  };
}

function disableFileAction(document: TextDocument, group: CorsDiagnostic[]): CodeAction {
  const [{ data }] = group as [CorsDiagnostic];
  return {
    title: `Disable ${data.ruleId} for this file`,
    kind: QUICK_FIX_KIND,
    diagnostics: group.map((entry) => entry.diagnostic),
    edit: workspaceEdit(document, [disableForFileEdit(document, data.ruleId)]),
  };
}

/** Not an edit: offered whatever the version. The plugin's own URL wins over the one the client echoes. */
function documentationAction(group: CorsDiagnostic[]): CodeAction[] {
  const [{ diagnostic, data }] = group as [CorsDiagnostic];
  const url = ruleMeta(data.ruleId)?.docsUrl ?? diagnostic.codeDescription?.href;
  if (url === undefined) return [];
  const title = `Show documentation for ${data.ruleId}`;
  return [
    {
      title,
      kind: QUICK_FIX_KIND,
      diagnostics: group.map((entry) => entry.diagnostic),
      command: { title, command: SHOW_DOCUMENTATION_COMMAND, arguments: [url] },
    },
  ];
}

/**
 * "Fix all <rule> problems", as a command resolved when chosen, for each rule under the cursor
 * with a current fixable problem and more than one such problem in the document.
 */
function fixAllRuleActions(
  document: TextDocument,
  ours: CorsDiagnostic[],
  fixableByRule: ReadonlyMap<string, number> | undefined,
): CodeAction[] {
  if (fixableByRule === undefined) return [];
  const fixable = ours.filter(
    (entry) =>
      entry.current &&
      entry.data.fix !== undefined &&
      (fixableByRule.get(entry.data.ruleId) ?? 0) > 1,
  );
  return groupBy(fixable, (entry) => entry.data.ruleId).map((group) => {
    const [{ data }] = group as [CorsDiagnostic];
    const title = fixAllRuleTitle(data.ruleId);
    const command = {
      title,
      command: APPLY_FIX_ALL_COMMAND,
      arguments: [{ uri: document.uri, version: document.version, ruleId: data.ruleId }],
    };
    return {
      title,
      kind: QUICK_FIX_KIND,
      diagnostics: group.map((entry) => entry.diagnostic),
      command,
    };
  });
}

/**
 * Fix-all asked for by kind (`source.fixAll`: fix on save, the Source Action menu) is an edit of
 * `fixAllText`. In the quick-fix menu (no `only`, or `quickfix`) it is a quick fix resolved when
 * chosen (`fixAllByCommand`): VS Code leaves source actions out of that menu.
 */
function fixAllAction(
  document: TextDocument,
  ours: CorsDiagnostic[],
  { only, fixAllText, fixAllByCommand }: CodeActionOptions,
): CodeAction | undefined {
  if (
    fixAllText === undefined &&
    fixAllByCommand &&
    wants(only, QUICK_FIX_KIND) &&
    ours.some((entry) => entry.current && entry.data.fix !== undefined)
  ) {
    const command = {
      title: FIX_ALL_TITLE,
      command: APPLY_FIX_ALL_COMMAND,
      arguments: [{ uri: document.uri, version: document.version }],
    };
    return {
      title: FIX_ALL_TITLE,
      kind: QUICK_FIX_KIND,
      diagnostics: ours
        .filter((entry) => entry.data.fix !== undefined)
        .map((entry) => entry.diagnostic),
      command,
    };
  }
  if (!wants(only, FIX_ALL_KIND)) return undefined;
  if (fixAllText === undefined) return undefined;
  // Asked for by kind (fix-all on save), it needs no diagnostics; in the light bulb, only next to a fixable one.
  const askedFor = only !== undefined && only.length > 0;
  if (!askedFor && !ours.some((entry) => entry.current && entry.data.fix !== undefined))
    return undefined;
  const edits = minimalEdits(document, fixAllText);
  if (edits.length === 0) return undefined;
  return {
    title: FIX_ALL_TITLE,
    kind: FIX_ALL_KIND,
    diagnostics: ours
      .filter((entry) => entry.data.fix !== undefined)
      .map((entry) => entry.diagnostic),
    edit: workspaceEdit(document, edits),
  };
}

/** A fix whose offsets no longer fit the document is not offered. */
function textEdit(document: TextDocument, fix: TextFix): TextEdit | undefined {
  const [start, end] = fix.range;
  if (start < 0 || start > end || end > document.getText().length) return undefined;
  return {
    range: { start: document.positionAt(start), end: document.positionAt(end) },
    newText: fix.text,
  };
}

function workspaceEdit(document: TextDocument, edits: TextEdit[]): CodeAction['edit'] {
  return { changes: { [document.uri]: edits } };
}

/**
 * The message's first sentence, a title rather than the explanation: a long one ends at its first
 * clause (`,` `:` `;`), or else at a word boundary.
 */
function shortTitle(message: string): string {
  const sentence = /^[\s\S]*?[.!?](?=\s|$)/.exec(message)?.[0] ?? message;
  if (sentence.length <= MAX_TITLE_LENGTH) return sentence;
  const clause = /^[\s\S]{20,}?(?=[,:;]\s)/.exec(sentence)?.[0];
  if (clause !== undefined && clause.length <= MAX_TITLE_LENGTH) return clause;
  const cut = sentence.slice(0, MAX_TITLE_LENGTH - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > MAX_TITLE_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:]+$/, '')}…`;
}

function groupBy<T>(items: T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return [...groups.values()];
}
