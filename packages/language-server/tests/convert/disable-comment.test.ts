import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { disableForFileEdit, disableForLineEdit } from '../../src/convert/disable-comment.js';
import { applyEdits, documentOf } from './helpers.js';

const RULE = 'cors/no-null-origin';

function disableLine(lines: string[], line: number, lineBreak = '\n'): string[] {
  const document = documentOf(lines.join(lineBreak));
  return applyEdits(document, [disableForLineEdit(document, line, RULE)]).split(lineBreak);
}

function disableFile(text: string): string {
  const document = documentOf(text);
  return applyEdits(document, [disableForFileEdit(document, RULE)]);
}

describe('in nginx configs (# comments)', () => {
  const NGINX_RULE = 'cors/nginx-require-always';

  it('adds `# eslint-disable-next-line` and `# eslint-disable`, by file name or by language id', () => {
    const text =
      'location /api/ {\n    add_header Access-Control-Allow-Origin https://app.example.com;\n}\n';
    for (const document of [
      TextDocument.create('file:///etc/nginx/sites-available/shop', 'plaintext', 1, text),
      TextDocument.create('file:///srv/deploy/nginx.conf', 'plaintext', 1, text),
      TextDocument.create('file:///srv/api.conf', 'nginx', 1, text),
    ]) {
      expect(
        applyEdits(document, [disableForLineEdit(document, 1, NGINX_RULE)]),
        document.uri,
      ).toBe(
        'location /api/ {\n    # eslint-disable-next-line cors/nginx-require-always\n    add_header Access-Control-Allow-Origin https://app.example.com;\n}\n',
      );
      expect(applyEdits(document, [disableForFileEdit(document, NGINX_RULE)]), document.uri).toBe(
        `# eslint-disable cors/nginx-require-always\n${text}`,
      );
    }
  });

  it("keeps `//` for a JavaScript file in a folder named like nginx's", () => {
    const document = TextDocument.create(
      'file:///srv/sites-available/server.js',
      'javascript',
      1,
      'app.use(cors());\n',
    );
    expect(applyEdits(document, [disableForLineEdit(document, 0, RULE)])).toBe(
      '// eslint-disable-next-line cors/no-null-origin\napp.use(cors());\n',
    );
  });
});

describe('in Python settings modules (# comments)', () => {
  const python = (text: string) =>
    TextDocument.create('file:///project/settings.py', 'python', 1, text);

  it('adds `# eslint-disable-next-line`, or extends the one above', () => {
    const document = python('if DEBUG:\n    CORS_ALLOWED_ORIGINS = ["null"]\n');
    expect(applyEdits(document, [disableForLineEdit(document, 1, RULE)])).toBe(
      'if DEBUG:\n    # eslint-disable-next-line cors/no-null-origin\n    CORS_ALLOWED_ORIGINS = ["null"]\n',
    );
    const existing = python(
      '# eslint-disable-next-line cors/valid-django-allowed-origins -- legacy\nCORS_ALLOWED_ORIGINS = ["null"]\n',
    );
    expect(applyEdits(existing, [disableForLineEdit(existing, 1, RULE)])).toBe(
      '# eslint-disable-next-line cors/valid-django-allowed-origins, cors/no-null-origin -- legacy\nCORS_ALLOWED_ORIGINS = ["null"]\n',
    );
  });

  it('adds `# eslint-disable` for the file below a coding line, or extends the one there', () => {
    const document = python('# -*- coding: utf-8 -*-\nCORS_ALLOWED_ORIGINS = ["null"]\n');
    expect(applyEdits(document, [disableForFileEdit(document, RULE)])).toBe(
      '# -*- coding: utf-8 -*-\n# eslint-disable cors/no-null-origin\nCORS_ALLOWED_ORIGINS = ["null"]\n',
    );
    const existing = python(
      '# eslint-disable cors/valid-django-allowed-origins\nCORS_ALLOWED_ORIGINS = ["null"]\n',
    );
    expect(applyEdits(existing, [disableForFileEdit(existing, RULE)])).toBe(
      '# eslint-disable cors/valid-django-allowed-origins, cors/no-null-origin\nCORS_ALLOWED_ORIGINS = ["null"]\n',
    );
  });
});

describe('disableForLineEdit', () => {
  it("adds a next-line directive above the line, with the line's indentation", () => {
    expect(disableLine(['if (a) {', "\t  app.use(cors({ origin: 'null' }));", '}'], 1)).toEqual([
      'if (a) {',
      '\t  // eslint-disable-next-line cors/no-null-origin',
      "\t  app.use(cors({ origin: 'null' }));",
      '}',
    ]);
  });

  it("uses the document's line break", () => {
    expect(disableLine(['a;', 'b;'], 1, '\r\n')).toEqual([
      'a;',
      '// eslint-disable-next-line cors/no-null-origin',
      'b;',
    ]);
  });

  it('works on the first line, after a BOM', () => {
    expect(disableLine(['\uFEFF  cors();'], 0)).toEqual([
      '\uFEFF  // eslint-disable-next-line cors/no-null-origin',
      '  cors();',
    ]);
  });

  it('appends the rule to a next-line directive already above the line', () => {
    expect(
      disableLine(['  // eslint-disable-next-line cors/valid-allow-origin', '  cors();'], 1),
    ).toEqual([
      '  // eslint-disable-next-line cors/valid-allow-origin, cors/no-null-origin',
      '  cors();',
    ]);
  });

  it('keeps the description of an existing directive after the rule list', () => {
    expect(
      disableLine(
        ['// eslint-disable-next-line cors/valid-allow-origin -- legacy client', 'cors();'],
        1,
      )[0],
    ).toBe(
      '// eslint-disable-next-line cors/valid-allow-origin, cors/no-null-origin -- legacy client',
    );
  });

  it('appends inside a block-comment directive, before its end', () => {
    expect(
      disableLine(['/* eslint-disable-next-line cors/valid-allow-origin */', 'cors();'], 1)[0],
    ).toBe('/* eslint-disable-next-line cors/valid-allow-origin, cors/no-null-origin */');
    expect(disableLine(['/* eslint-disable-next-line cors/a -- why */', 'cors();'], 1)[0]).toBe(
      '/* eslint-disable-next-line cors/a, cors/no-null-origin -- why */',
    );
  });

  it('adds its own directive when the line above is something else', () => {
    for (const above of [
      '// eslint-disable-line cors/a',
      '// eslint-disable-next-lines cors/a',
      '// just a comment',
      'foo(); // eslint-disable-next-line',
    ]) {
      expect(disableLine([above, 'cors();'], 1)).toEqual([
        above,
        '// eslint-disable-next-line cors/no-null-origin',
        'cors();',
      ]);
    }
  });
});

describe('disableForFileEdit', () => {
  it('puts the directive at the top', () => {
    expect(disableFile("import cors from 'cors';\n")).toBe(
      "/* eslint-disable cors/no-null-origin */\nimport cors from 'cors';\n",
    );
    expect(disableFile('')).toBe('/* eslint-disable cors/no-null-origin */\n');
  });

  it('puts it after a shebang and after a BOM, with the document line break', () => {
    expect(disableFile('#!/usr/bin/env node\r\ncors();\r\n')).toBe(
      '#!/usr/bin/env node\r\n/* eslint-disable cors/no-null-origin */\r\ncors();\r\n',
    );
    expect(disableFile('\uFEFFcors();')).toBe(
      '\uFEFF/* eslint-disable cors/no-null-origin */\ncors();',
    );
    expect(disableFile('\uFEFF#!/usr/bin/env node\ncors();')).toBe(
      '\uFEFF#!/usr/bin/env node\n/* eslint-disable cors/no-null-origin */\ncors();',
    );
    expect(disableFile('#!/usr/bin/env node')).toBe(
      '#!/usr/bin/env node\n/* eslint-disable cors/no-null-origin */\n',
    );
  });

  it('appends to an eslint-disable comment among the leading comments', () => {
    expect(disableFile('/* eslint-disable cors/a */\ncors();')).toBe(
      '/* eslint-disable cors/a, cors/no-null-origin */\ncors();',
    );
    expect(
      disableFile(
        '#!/usr/bin/env node\n/**\n * License.\n */\n// notes\n\n/* eslint-disable cors/a, cors/b -- generated */\ncors();',
      ),
    ).toBe(
      '#!/usr/bin/env node\n/**\n * License.\n */\n// notes\n\n/* eslint-disable cors/a, cors/b, cors/no-null-origin -- generated */\ncors();',
    );
    expect(disableFile('/*eslint-disable cors/a*/ cors();')).toBe(
      '/*eslint-disable cors/a, cors/no-null-origin*/ cors();',
    );
  });

  it('does not reuse comments that are not a file-wide directive with rules, or that come after code', () => {
    const top = '/* eslint-disable cors/no-null-origin */\n';
    for (const text of [
      '/* eslint-disable */\ncors();',
      '/* eslint-disable-line cors/a */\ncors();',
      '/* eslint-enable cors/a */\n',
      '/* eslint cors/a: off */\n',
      'cors();\n/* eslint-disable cors/a */\n',
      '/* unterminated eslint-disable cors/a',
    ]) {
      expect(disableFile(text)).toBe(top + text);
    }
  });
});
