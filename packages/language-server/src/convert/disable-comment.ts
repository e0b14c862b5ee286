/**
 * The edits behind "Disable <rule> for this line / for this file". An existing directive in the
 * right place is extended (`, cors/<rule>`) rather than stacked with a second one.
 */
import { isNginxConfigPath } from 'eslint-plugin-cors';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver/node';

const BOM = '\uFEFF';
// `// eslint-disable-next-line a, b -- why` or the `/* … */` form, alone on its line.
const NEXT_LINE_DIRECTIVE =
  /^\s*(?:\/\/|\/\*)\s*eslint-disable-next-line(?=\s|\*\/|$)(?<rules>.*?)(?<tail>\s+--\s.*|\s*\*\/\s*|\s*)$/;
// The body of a `/* eslint-disable a, b -- why */` comment.
const FILE_DIRECTIVE_BODY = /^\s*eslint-disable(?=\s)(?<rules>.*?)(?<tail>\s+--\s[\s\S]*|\s*)$/;

// Python settings modules and nginx configs: `# eslint-disable-next-line a, b -- why` and `# eslint-disable a, b`, each alone on its line.
const HASH_NEXT_LINE_DIRECTIVE =
  /^\s*#\s*eslint-disable-next-line(?=\s|$)(?<rules>.*?)(?<tail>\s+--\s.*|\s*)$/;
const HASH_FILE_DIRECTIVE = /^\s*#\s*eslint-disable(?=\s)(?<rules>.*?)(?<tail>\s+--\s.*|\s*)$/;

/**
 * Documents whose only comment is `#` to the end of the line: Django settings modules and nginx
 * configs (by language id, or by the names the plugin lints as nginx).
 */
function usesHashComments(document: TextDocument): boolean {
  if (
    document.languageId === 'python' ||
    document.languageId === 'nginx' ||
    /\.py$/i.test(document.uri)
  )
    return true;
  // The URI's path: `file:///etc/nginx/nginx.conf` → `/etc/nginx/nginx.conf`.
  const path = document.uri.replace(/^[a-z][\w+.-]*:(?:\/\/[^/]*)?/i, '');
  try {
    return isNginxConfigPath(decodeURIComponent(path));
  } catch {
    return isNginxConfigPath(path);
  }
}

/** `// eslint-disable-next-line <ruleId>` above the diagnostic's line, or the rule added to the one already there. */
export function disableForLineEdit(document: TextDocument, line: number, ruleId: string): TextEdit {
  const hash = usesHashComments(document);
  const text = lineText(document, line);
  const above = line > 0 ? lineText(document, line - 1) : undefined;
  const existing =
    above === undefined
      ? undefined
      : (hash ? HASH_NEXT_LINE_DIRECTIVE : NEXT_LINE_DIRECTIVE).exec(above)?.groups;
  if (existing && above !== undefined && listsRules(existing.rules)) {
    return appendRule(document, line - 1, above.length - (existing.tail ?? '').length, ruleId);
  }
  // A BOM stays the first character of the file.
  const lineStart = line === 0 && text.startsWith(BOM) ? 1 : 0;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
  const position = { line, character: lineStart };
  return {
    range: { start: position, end: position },
    newText: `${indent}${hash ? '#' : '//'} eslint-disable-next-line ${ruleId}${lineBreakOf(document)}`,
  };
}

/** `/* eslint-disable <ruleId> *\/` at the top (after a shebang), or the rule added to such a comment in the file's leading comments. */
export function disableForFileEdit(document: TextDocument, ruleId: string): TextEdit {
  if (usesHashComments(document)) return hashDisableForFileEdit(document, ruleId);
  const text = document.getText();
  const existing = leadingDisableComment(text);
  if (existing !== undefined) {
    const position = document.positionAt(existing);
    return { range: { start: position, end: position }, newText: `, ${ruleId}` };
  }
  const hasShebang = text.startsWith('#!', text.startsWith(BOM) ? 1 : 0);
  const position = hasShebang
    ? { line: 1, character: 0 }
    : { line: 0, character: text.startsWith(BOM) ? 1 : 0 };
  // A shebang as the last line (no line break after it) needs one before the comment.
  const shebangOnly = hasShebang && document.lineCount === 1;
  const lineBreak = lineBreakOf(document);
  const newText = `${shebangOnly ? lineBreak : ''}/* eslint-disable ${ruleId} */${lineBreak}`;
  return { range: { start: position, end: position }, newText };
}

/**
 * `# eslint-disable <ruleId>` among the comment lines that open a Python module, or the rule added to
 * such a line; below a shebang and a `coding` declaration, which must stay on the first two lines.
 */
function hashDisableForFileEdit(document: TextDocument, ruleId: string): TextEdit {
  let insertAt = 0;
  for (let line = 0; line < document.lineCount; line++) {
    const text = lineText(document, line).replace(BOM, '');
    if (!text.trimStart().startsWith('#')) break;
    const existing = HASH_FILE_DIRECTIVE.exec(text)?.groups;
    if (existing && listsRules(existing.rules))
      return appendRule(
        document,
        line,
        lineText(document, line).length - (existing.tail ?? '').length,
        ruleId,
      );
    if (line < 2 && (text.startsWith('#!') || /coding[:=]/.test(text))) insertAt = line + 1;
  }
  const position = {
    line: insertAt,
    character: insertAt === 0 && document.getText().startsWith(BOM) ? 1 : 0,
  };
  const lineBreak = lineBreakOf(document);
  const atEnd = insertAt >= document.lineCount;
  return {
    range: { start: position, end: position },
    newText: `${atEnd ? lineBreak : ''}# eslint-disable ${ruleId}${atEnd ? '' : lineBreak}`,
  };
}

function appendRule(
  document: TextDocument,
  line: number,
  character: number,
  ruleId: string,
): TextEdit {
  const position = { line, character };
  return { range: { start: position, end: position }, newText: `, ${ruleId}` };
}

/** A directive without rules disables everything; there is nothing to add to it. */
function listsRules(rules: string | undefined): boolean {
  return rules !== undefined && rules.trim() !== '';
}

/**
 * The offset just after the rule list of a `/* eslint-disable … *\/` among the comments that open
 * the file (before any code), or undefined when there is none.
 */
function leadingDisableComment(text: string): number | undefined {
  let offset = text.startsWith(BOM) ? 1 : 0;
  if (text.startsWith('#!', offset)) offset = lineEnd(text, offset);
  for (;;) {
    while (offset < text.length && /\s/.test(text.charAt(offset))) offset++;
    if (text.startsWith('//', offset)) {
      offset = lineEnd(text, offset);
    } else if (text.startsWith('/*', offset)) {
      const close = text.indexOf('*/', offset + 2);
      if (close === -1) return undefined;
      const match = FILE_DIRECTIVE_BODY.exec(text.slice(offset + 2, close));
      if (match?.groups && listsRules(match.groups.rules))
        return close - (match.groups.tail ?? '').length;
      offset = close + 2;
    } else {
      return undefined;
    }
  }
}

function lineEnd(text: string, offset: number): number {
  const lineBreak = /[\r\n\u2028\u2029]/g;
  lineBreak.lastIndex = offset;
  return lineBreak.exec(text)?.index ?? text.length;
}

function lineText(document: TextDocument, line: number): string {
  const text = document.getText({
    start: { line, character: 0 },
    end: { line: line + 1, character: 0 },
  });
  return text.replace(/(?:\r\n|\r|\n)$/, '');
}

/** The document's own line break (its first one), so an inserted line matches the rest of the file. */
function lineBreakOf(document: TextDocument): string {
  return /\r\n|\r|\n/.exec(document.getText())?.[0] ?? '\n';
}
