import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Directive } from '../../../src/languages/nginx/ast.js';
import { nginxLanguage } from '../../../src/languages/nginx/language.js';
import { parseNginx } from '../../../src/languages/nginx/parse.js';

function parsed(text: string) {
  const result = parseNginx(text);
  if (!result.ok) throw new Error(`parse failed: ${result.error.message}`);
  return result.ast;
}

const words = (directive: Directive) => [
  directive.name.value,
  ...directive.args.map((arg) => arg.value),
];

describe('parseNginx: the tree', () => {
  it('gives each directive, word and block its range and 1-based line, 0-based column', () => {
    const text =
      'server {\n    add_header Access-Control-Allow-Origin "https://a.example" always;\n}\n';
    const ast = parsed(text);
    const server = ast.body[0]!;
    expect(server.range).toEqual([0, text.lastIndexOf('}') + 1]);
    expect(server.block!.range[0]).toBe(7);
    const header = server.block!.body[0]!;
    expect(words(header)).toEqual([
      'add_header',
      'Access-Control-Allow-Origin',
      'https://a.example',
      'always',
    ]);
    expect(header.loc).toEqual({ start: { line: 2, column: 4 }, end: { line: 2, column: 70 } });
    expect(header.args[1]).toMatchObject({
      raw: '"https://a.example"',
      quote: '"',
      loc: { start: { line: 2, column: 43 }, end: { line: 2, column: 62 } },
    });
    expect(text.slice(...header.range)).toBe(
      'add_header Access-Control-Allow-Origin "https://a.example" always;',
    );
  });

  it('counts columns in UTF-16 units, as editors do', () => {
    const ast = parsed('# 😀 é\nset $x "é😀"; add_header X $x;\n');
    const [set, add] = ast.body;
    expect(set!.args[1]!.loc.start).toEqual({ line: 2, column: 7 });
    expect(add!.loc.start).toEqual({ line: 2, column: 14 });
    expect(ast.comments).toEqual([
      {
        type: 'Comment',
        value: ' 😀 é',
        range: [0, 6],
        loc: { start: { line: 1, column: 0 }, end: { line: 1, column: 6 } },
      },
    ]);
  });

  it('applies escapes in the value and keeps the raw text', () => {
    const ast = parsed(String.raw`add_header X 'it\'s' "a\"b\\c\td\q";`);
    expect(ast.body[0]!.args.map((arg) => arg.value)).toEqual(['X', "it's", 'a"b\\c\td\\q']);
    expect(ast.body[0]!.args[1]!.raw).toBe(String.raw`'it\'s'`);
  });

  it('splits an if condition the way nginx does', () => {
    expect(words(parsed("if ($request_method = 'OPTIONS') { return 204; }").body[0]!)).toEqual([
      'if',
      '($request_method',
      '=',
      'OPTIONS',
      ')',
    ]);
    expect(words(parsed("if ($request_method = 'OPTIONS'){ return 204; }").body[0]!)).toEqual([
      'if',
      '($request_method',
      '=',
      'OPTIONS',
      ')',
    ]);
  });

  it('reads # inside a word as part of it, and ${…} as one word', () => {
    expect(words(parsed('add_header X a#b;').body[0]!)).toEqual(['add_header', 'X', 'a#b']);
    expect(words(parsed('add_header X "${http_origin}x" always;').body[0]!)).toEqual([
      'add_header',
      'X',
      '${http_origin}x',
      'always',
    ]);
    expect(words(parsed('set $a ${http_origin}x;').body[0]!)).toEqual([
      'set',
      '$a',
      '${http_origin}x',
    ]);
  });

  it('keeps an openresty Lua block opaque, braces in Lua strings included', () => {
    const ast = parsed(
      'location / {\n  content_by_lua_block {\n    ngx.say("}") -- }\n    local t = { [[}]] }\n  }\n  add_header X y;\n}\n',
    );
    const body = ast.body[0]!.block!.body;
    expect(body.map((directive) => directive.name.value)).toEqual([
      'content_by_lua_block',
      'add_header',
    ]);
    expect(body[0]!.block).toMatchObject({ opaque: true, body: [] });
  });
});

describe('parseNginx: errors', () => {
  const cases: [string, string, number, number][] = [
    ['add_header X "a"b;', 'unexpected "b"', 1, 17],
    ['return 200 }', 'unexpected "}"', 1, 12],
    ['return 200', 'unexpected end of file, expecting ";" or "}"', 1, 11],
    ['server {\n  listen 80;\n', 'unexpected end of file, expecting "}"', 3, 1],
    ['listen 80; }', 'unexpected "}"', 1, 12],
    ['add_header X "abc;\n', 'unexpected end of file, expecting closing "', 2, 1],
    ['; listen 80;', 'unexpected ";"', 1, 1],
  ];
  it.each(cases)('%j: %s at %i:%i', (text, message, line, column) => {
    expect(parseNginx(text)).toMatchObject({ ok: false, error: { message, line, column } });
  });
});

describe('the language: sniffing', () => {
  const parse = (body: string) =>
    nginxLanguage.parse(
      { body, path: '/x/some.conf', physicalPath: '/x/some.conf', bom: false } as never,
      {} as never,
    );

  it('gives a .conf that is not nginx an empty tree instead of a parsing error', () => {
    for (const text of [
      '[Unit]\nDescription=thing\n',
      'net.ipv4.ip_forward = 1\n',
      'Host example\n  User git\n',
      '<VirtualHost *:80>\n  ServerName x\n</VirtualHost>\n',
    ]) {
      expect(parse(text)).toMatchObject({
        ok: true,
        ast: { type: 'Config', body: [], nginx: false },
      });
    }
  });

  it('reports a parsing error in a file that reads like nginx', () => {
    expect(parse('server {\n  listen 80;\n  add_header X "a"b;\n}\n')).toEqual({
      ok: false,
      errors: [{ message: 'unexpected "b"', line: 3, column: 19 }],
    });
  });
});

/** The cases of the design note's table (§B.1), each run through the real `nginx -t` too. */
describe.runIf(existsSync('/usr/sbin/nginx'))('agrees with the real nginx -t', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cors-nginx-parse-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function nginxAccepts(locationBody: string): boolean {
    const file = path.join(dir, 'nginx.conf');
    writeFileSync(
      file,
      `pid ${dir}/nginx.pid; error_log ${dir}/error.log; events {}\nhttp { access_log off; client_body_temp_path ${dir}/b; proxy_temp_path ${dir}/p; fastcgi_temp_path ${dir}/f; uwsgi_temp_path ${dir}/u; scgi_temp_path ${dir}/s;\nserver { listen 127.0.0.1:1; location / {\n${locationBody}\n}}}\n`,
    );
    return (
      spawnSync('/usr/sbin/nginx', ['-t', '-q', '-c', file, '-p', `${dir}/`], { encoding: 'utf8' })
        .status === 0
    );
  }

  const cases = [
    'location ~ ^/a{2}$ { return 200; }',
    'location ~ "^/a{2}$" { return 200; }',
    'add_header X "a"b;',
    'add_header X a#b;',
    'add_header X "a # b";',
    'add_header X "${http_origin}x";',
    'return 200 }',
    'location /x { return 200;',
    "if ($request_method = 'OPTIONS'){ return 204; }",
    "if ($request_method = ')x') { return 204; }",
    "add_header X 'it\\'s';",
    'add_header X "a;b" always;',
    'add_header X "multi\n   line";',
    'add_header X a\\ b;',
  ];
  it.each(cases)('%j', (body) => {
    expect(parseNginx(`location / {\n${body}\n}\n`).ok).toBe(nginxAccepts(body));
  });
});
