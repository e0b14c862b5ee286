/** One ESLint message as an LSP diagnostic that carries everything its code actions need. */
import type { Linter } from 'eslint';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SourceRef } from 'cors-lint-core';
import type { Diagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { RuleMetaLookup } from '../engine/rule-meta.js';
import { ruleMeta } from '../engine/rule-meta.js';
import type { CorsSettings } from '../protocol/settings.js';
import { documentRange, eslintLineTable, offsetOfEslintPosition } from './eslint-positions.js';

export interface TextFix {
  /** Offsets in the document's text (a BOM counted), ready for `document.positionAt`. */
  range: [number, number];
  text: string;
}

/**
 * Travels with the diagnostic to the client and back in `textDocument/codeAction`, so code actions
 * need no server-side state. `version` is the document version the offsets belong to.
 */
export interface DiagnosticData {
  version: number;
  ruleId: string;
  messageId?: string;
  fix?: TextFix;
  suggestions?: { desc: string; fix: TextFix }[];
  /** A cross-file finding's suggested edit of the server file (not of this document). */
  serverEdit?: ServerEditData;
}

/**
 * An edit of another file, `uri`: offsets in the text whose `textDigest` is `digest`, offered only
 * while that file (open in the editor, else on disk) still has that text.
 */
export interface ServerEditData {
  uri: string;
  digest: string;
  desc: string;
  edits: TextFix[];
}

export const DIAGNOSTIC_SOURCE = 'cors';

export function toDiagnostic(
  message: Linter.LintMessage,
  document: TextDocument,
  settings: CorsSettings,
  lookup: RuleMetaLookup = ruleMeta,
): Diagnostic {
  const table = eslintLineTable(document);
  const start = offsetOfEslintPosition(table, message.line, message.column, 'start');
  // No end: a zero-width range at the start, as vscode-eslint shows it.
  const end =
    message.endLine === undefined
      ? start
      : Math.max(start, offsetOfEslintPosition(table, message.endLine, message.endColumn, 'end'));
  const ruleId = message.ruleId ?? '';
  const data: DiagnosticData = { version: document.version, ruleId };
  if (message.messageId !== undefined) data.messageId = message.messageId;
  const fix = toTextFix(table, message.fix);
  if (fix) data.fix = fix;
  const suggestions = (message.suggestions ?? []).flatMap((suggestion) => {
    const suggestionFix = toTextFix(table, suggestion.fix);
    return suggestionFix ? [{ desc: suggestion.desc, fix: suggestionFix }] : [];
  });
  if (suggestions.length > 0) data.suggestions = suggestions;

  const diagnostic: Diagnostic = {
    range: { start: document.positionAt(start), end: document.positionAt(end) },
    severity: severityOf(message, settings),
    code: ruleId,
    source: DIAGNOSTIC_SOURCE,
    message: message.message,
    data,
  };
  const href = lookup(ruleId)?.docsUrl;
  if (href !== undefined) diagnostic.codeDescription = { href };
  return diagnostic;
}

/**
 * While a document does not parse there are no findings to show, and the last ones would point at
 * whatever text moved under them: the parse error itself is shown instead, as vscode-eslint does,
 * at ESLint's position (zero-width), as an error. It has no `code` and no `data`: no code action
 * or hover is offered for it.
 */
export function toParseErrorDiagnostic(
  parseError: { message: string; line: number; column: number },
  document: TextDocument,
): Diagnostic {
  const offset = offsetOfEslintPosition(
    eslintLineTable(document),
    parseError.line,
    parseError.column,
    'start',
  );
  const position = document.positionAt(offset);
  const message = parseError.message.startsWith('Parsing error')
    ? parseError.message
    : `Parsing error: ${parseError.message}`;
  return {
    range: { start: position, end: position },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    message,
  };
}

/**
 * ESLint's severity, except that a rule the settings put at `info` (run as ESLint `warn`) shows as
 * information; an inline `/* eslint rule: error *\/` comment still wins.
 */
function severityOf(message: Linter.LintMessage, settings: CorsSettings): DiagnosticSeverity {
  if (message.severity === 2) return DiagnosticSeverity.Error;
  return message.ruleId !== null && settings.rules[message.ruleId] === 'info'
    ? DiagnosticSeverity.Information
    : DiagnosticSeverity.Warning;
}

/** A fix whose range does not fit the document is dropped: no edit beats a wrong one. */
function toTextFix(
  table: ReturnType<typeof eslintLineTable>,
  fix: Linter.LintMessage['fix'],
): TextFix | undefined {
  if (fix === undefined || typeof fix.text !== 'string') return undefined;
  const range = documentRange(table, fix.range);
  return range ? { range, text: fix.text } : undefined;
}

/**
 * `Diagnostic.data` as the client sent it back, checked field by field: it crossed the wire and a
 * client may have dropped or mangled it. Malformed fixes are left out, not trusted.
 */
export function readDiagnosticData(value: unknown): DiagnosticData | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { version, ruleId, messageId, fix, suggestions, serverEdit } = value as Record<
    string,
    unknown
  >;
  if (typeof version !== 'number' || typeof ruleId !== 'string') return undefined;
  const data: DiagnosticData = { version, ruleId };
  if (typeof messageId === 'string') data.messageId = messageId;
  if (isTextFix(fix)) data.fix = fix;
  if (Array.isArray(suggestions)) {
    const valid = suggestions.filter(
      (s): s is { desc: string; fix: TextFix } =>
        typeof s === 'object' && s !== null && typeof s.desc === 'string' && isTextFix(s.fix),
    );
    if (valid.length > 0) data.suggestions = valid;
  }
  if (isServerEdit(serverEdit)) data.serverEdit = serverEdit;
  return data;
}

function isServerEdit(value: unknown): value is ServerEditData {
  if (typeof value !== 'object' || value === null) return false;
  const { uri, digest, desc, edits } = value as Record<string, unknown>;
  return (
    typeof uri === 'string' &&
    typeof digest === 'string' &&
    typeof desc === 'string' &&
    Array.isArray(edits) &&
    edits.length > 0 &&
    edits.every(isTextFix)
  );
}

function isTextFix(value: unknown): value is TextFix {
  if (typeof value !== 'object' || value === null) return false;
  const { range, text } = value as Record<string, unknown>;
  return (
    typeof text === 'string' &&
    Array.isArray(range) &&
    range.length === 2 &&
    range.every(Number.isInteger)
  );
}

/** LSP 3.18 allows markup messages; ours are plain text, but a client echoes whatever it likes. */
export function messageText(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/**
 * Where the server rule a cross-file finding fails is written (`server`: relative to `root`,
 * ESLint's 1-based line and 0-based UTF-16 column), as the diagnostic's related information.
 */
export function serverRuleInformation(
  root: string,
  server: SourceRef,
): DiagnosticRelatedInformation {
  const position = { line: Math.max(0, server.line - 1), character: Math.max(0, server.column) };
  return {
    location: {
      uri: pathToFileURL(path.join(root, ...server.file.split('/'))).href,
      range: { start: position, end: position },
    },
    message: 'The server rule this request fails',
  };
}
