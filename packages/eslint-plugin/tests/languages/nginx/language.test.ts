import type { Linter as LinterType } from 'eslint';
import { Linter } from 'eslint';
import { Linter as Linter9 } from 'eslint-v9';
import { describe, expect, it } from 'vitest';
import type { Directive } from '../../../src/languages/nginx/ast.js';
import { nginxLanguage } from '../../../src/languages/nginx/language.js';

/** A probe rule for the language alone: every add_header without `always`, fixed by appending it. */
const probe = {
  meta: {
    type: 'problem',
    fixable: 'code',
    hasSuggestions: true,
    messages: { missing: 'add_header {{name}} without always', drop: 'Remove it.' },
    schema: [],
  },
  create(context: {
    report(descriptor: unknown): void;
    sourceCode: { getAncestors(node: unknown): { type: string }[] };
  }) {
    return {
      'Directive[name.value="add_header"]'(node: Directive) {
        if (node.args.some((arg) => arg.value === 'always')) return;
        const last = node.args.at(-1)!;
        context.report({
          node,
          messageId: 'missing',
          data: {
            name: node.args[0]!.value,
            depth: String(context.sourceCode.getAncestors(node).length),
          },
          fix: (fixer: { insertTextAfterRange(range: [number, number], text: string): unknown }) =>
            fixer.insertTextAfterRange(last.range, ' always'),
          suggest: [
            {
              messageId: 'drop',
              fix: (fixer: { removeRange(range: [number, number]): unknown }) =>
                fixer.removeRange(node.range),
            },
          ],
        });
      },
    };
  },
};

const plugin = { languages: { nginx: nginxLanguage }, rules: { probe } };
const config = [
  {
    files: ['**/*.conf'],
    plugins: { t: plugin },
    language: 't/nginx',
    rules: { 't/probe': 'error' },
  },
] as unknown as LinterType.Config[];

const text = `server {
    add_header Access-Control-Allow-Origin "https://a.example";
    location /api/ {
        add_header Vary Origin;
    }
}
`;

describe.each([
  ['ESLint 10', Linter],
  ['ESLint 9', Linter9 as unknown as typeof Linter],
])('the cors/nginx language on %s', (_, LinterClass) => {
  const lint = (code: string, options: LinterType.LintOptions = {}) =>
    new LinterClass({ configType: 'flat' }).verify(code, config, {
      filename: 'nginx/site.conf',
      ...options,
    });

  it('reports on nodes with 1-based lines and columns, and applies fixes', () => {
    expect(
      lint(text).map(({ line, column, endLine, endColumn, message }) => ({
        line,
        column,
        endLine,
        endColumn,
        message,
      })),
    ).toEqual([
      {
        line: 2,
        column: 5,
        endLine: 2,
        endColumn: 64,
        message: 'add_header Access-Control-Allow-Origin without always',
      },
      { line: 4, column: 9, endLine: 4, endColumn: 32, message: 'add_header Vary without always' },
    ]);
    const fixed = new LinterClass({ configType: 'flat' }).verifyAndFix(text, config, {
      filename: 'nginx/site.conf',
    });
    expect(fixed.output).toBe(
      text
        .replace('"https://a.example";', '"https://a.example" always;')
        .replace('Vary Origin;', 'Vary Origin always;'),
    );
    expect(fixed.messages).toEqual([]);
  });

  it('honours eslint-disable-next-line, eslint-disable-line, disable/enable and inline config in # comments', () => {
    const disabled = `# eslint-disable-next-line t/probe -- proxied
add_header A a;
add_header B b; # eslint-disable-line t/probe
# eslint-disable t/probe
add_header C c;
# eslint-enable t/probe
add_header D d;
`;
    expect(lint(disabled).map((message) => message.line)).toEqual([7]);
    expect(lint('# eslint t/probe: off\nadd_header A a;\n')).toEqual([]);
    expect(
      lint('# eslint t/probe: warn\nadd_header A a;\n').map((message) => message.severity),
    ).toEqual([1]);
  });

  it('reports an unused disable directive where asked', () => {
    const messages = lint('# eslint-disable-next-line t/probe\nadd_header A a always;\n', {
      reportUnusedDisableDirectives: 'error',
    } as unknown as LinterType.LintOptions);
    expect(messages.map(({ line, message }) => ({ line, message }))).toEqual([
      {
        line: 1,
        message: "Unused eslint-disable directive (no problems were reported from 't/probe').",
      },
    ]);
  });

  it('shows a syntax error once, as a fatal parsing error with its position', () => {
    expect(lint('server {\n  add_header X "a"b;\n}\n')).toEqual([
      expect.objectContaining({
        fatal: true,
        message: 'Parsing error: unexpected "b"',
        line: 2,
        column: 19,
      }),
    ]);
  });

  it('lints a .conf that is not nginx to nothing', () => {
    expect(lint('[Service]\nExecStart=/usr/bin/thing --flag\n')).toEqual([]);
  });
});
