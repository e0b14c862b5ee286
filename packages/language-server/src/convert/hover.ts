/**
 * Hover on a flagged range: what the diagnostic message does not already say. Editors show the
 * message itself in the same hover (VS Code puts its copy of every diagnostic under the cursor first,
 * with the console quotes core's catalog ends it with), so repeating it here showed every sentence
 * twice. Each covering diagnostic adds what a browser does about it (core's `browserEffect`) and the
 * rule's documentation link; one with neither adds nothing, and no section means no hover.
 */
import type { BrowserEffect } from 'cors-lint-core';
import { browserEffect, isSecurityFinding } from 'cors-lint-core';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Hover, Position, Range } from 'vscode-languageserver/node';
import { ruleMeta, ruleName } from '../engine/rule-meta.js';
import { DIAGNOSTIC_SOURCE, readDiagnosticData } from './to-diagnostic.js';

const EFFECT_SUMMARY: Record<BrowserEffect['kind'], string> = {
  blocked: 'Browsers block the response: the request fails.',
  warning: 'Browsers still allow the request, with a warning.',
  'hidden-headers': 'The request succeeds, but scripts read the response headers as null.',
  'preflight-not-cached': 'Browsers send a preflight before every request.',
  'preflight-cached-briefly': 'Browsers cache the preflight for 5 seconds only.',
  'cached-for-another-origin':
    'A cached response for one origin is reused for another, whose request then fails.',
  'cached-without-allow-origin':
    'A cached response without Access-Control-Allow-Origin is reused for the allowed origin, whose request then fails.',
  'opaque-read':
    'The request is sent, but the script reads an opaque response: blanks, not what the server sent.',
  throws: 'The call throws a TypeError before anything is sent.',
  'header-dropped': 'Browsers send the request without this header value, with no error.',
  preflight: 'Browsers send a preflight (OPTIONS) before this request.',
};
// Findings the browser lets through (core's catalog marks them): nothing on the console, which is what makes them dangerous.
const SECURITY_SUMMARY =
  'Browsers allow this, for an attacker’s page too: no console message shows it.';

/** Only diagnostics with a rule (`code`) are explained: a parse error has none. */
export function hoverFor(
  document: TextDocument,
  position: Position,
  diagnostics: readonly Diagnostic[],
): Hover | null {
  const covering = diagnostics
    .filter(
      (diagnostic) =>
        diagnostic.source === DIAGNOSTIC_SOURCE &&
        diagnostic.code !== undefined &&
        contains(diagnostic.range, position),
    )
    .sort((a, b) => rangeLength(document, a.range) - rangeLength(document, b.range));
  const [narrowest] = covering;
  const sections = covering.flatMap((diagnostic) => section(diagnostic) ?? []);
  if (!narrowest || sections.length === 0) return null;
  return {
    contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') },
    range: narrowest.range,
  };
}

/** The browser's effect and the documentation link of one diagnostic; undefined when it has neither. */
function section(diagnostic: Diagnostic): string | undefined {
  const data = readDiagnosticData(diagnostic.data);
  const ruleId = data?.ruleId ?? String(diagnostic.code ?? '');
  const summary = effectSummary(ruleId, data?.messageId);
  const url = ruleMeta(ruleId)?.docsUrl ?? diagnostic.codeDescription?.href;
  if (summary === undefined && url === undefined) return undefined;
  const label =
    url === undefined
      ? `**${escapeMarkdown(ruleId)}**`
      : `[Documentation for ${escapeMarkdown(ruleId)}](${url})`;
  return summary === undefined ? label : `*${summary}*\n\n${label}`;
}

/** From core's catalog when the message id is known; unknown ids say nothing rather than guess. */
function effectSummary(ruleId: string, messageId: string | undefined): string | undefined {
  if (messageId === undefined) return undefined;
  const effect = browserEffect(ruleName(ruleId), messageId);
  if (effect) return EFFECT_SUMMARY[effect.kind];
  return isSecurityFinding(ruleName(ruleId), messageId) ? SECURITY_SUMMARY : undefined;
}

/** Inclusive at both ends, so a zero-width diagnostic and the character right after a range still hover. */
function contains(range: Range, position: Position): boolean {
  return !isBefore(position, range.start) && !isBefore(range.end, position);
}

function isBefore(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function rangeLength(document: TextDocument, range: Range): number {
  return document.offsetAt(range.end) - document.offsetAt(range.start);
}

// Only what changes the rendering of running text (no line starts with `#` or a list marker).
const MARKDOWN_SPECIAL = /[\\`*_[\]<>~]/g;

function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, '\\$&');
}
