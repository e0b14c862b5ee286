/**
 * Sources the fast parsers are checked on, TypeScript and JavaScript apart: every sample of that
 * language in `test-fixtures/`, generated benchmark files, and snippets with the syntax whose tokens
 * are easy to get wrong (JSX, `>` in types, keywords as names, regular expressions, templates,
 * escapes, line breaks).
 */
import fs from 'node:fs';
import path from 'node:path';
// @ts-expect-error -- a plain .mjs script without types
import { generateFile } from '../../../../bench/language-server/generate.mjs';
import { REPO_ROOT } from '../helpers/lsp-client.js';

export interface Sample {
  name: string;
  /** Absolute for fixtures (rules read the nearest package.json), virtual otherwise. */
  file: string;
  text: string;
}

const FIXTURES_DIR = path.join(REPO_ROOT, 'test-fixtures');
const TYPESCRIPT_FILE = /\.[cm]?tsx?$/;
const DECLARATION_FILE = /\.d\.[cm]?ts$/;
const JAVASCRIPT_FILE = /\.([cm]?js|jsx)$/;

function listFiles(directory: string, wanted: (name: string) => boolean): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listFiles(full, wanted);
    return wanted(entry.name) ? [full] : [];
  });
}

const fixtureSamples = (wanted: (name: string) => boolean): Sample[] =>
  listFiles(FIXTURES_DIR, wanted)
    .sort()
    .map((file) => ({
      name: path.relative(FIXTURES_DIR, file).split(path.sep).join('/'),
      file,
      text: fs.readFileSync(file, 'utf8'),
    }));

export const FIXTURE_SAMPLES: Sample[] = fixtureSamples(
  (name) => TYPESCRIPT_FILE.test(name) && !DECLARATION_FILE.test(name),
);

const generate = generateFile as (options: {
  lines: number;
  dialect: 'ts' | 'js';
  seed?: number;
  corsFree?: boolean;
}) => string;

const generatedSamples = (dialect: 'ts' | 'js'): Sample[] =>
  [
    { lines: 200, seed: 1 },
    { lines: 2000, seed: 1 },
    { lines: 500, seed: 7 },
    { lines: 300, seed: 3, corsFree: true },
  ].map(({ lines, seed, corsFree }) => {
    const name = `generated-${lines}-${seed}${corsFree ? '-plain' : ''}.${dialect}`;
    return {
      name,
      file: path.join(REPO_ROOT, 'bench', name),
      text: generate({ lines, dialect, seed, corsFree }),
    };
  });

export const GENERATED_SAMPLES: Sample[] = generatedSamples('ts');

const SNIPPETS: Record<string, string> = {
  'keywords.ts': `class A { constructor() {} static async *g() {} get x() { return null } #p = 1; m() { this.#p; a.catch(); a.true; a.null; let x: string | null = undefined; } }
for (const a of b) {} type T = keyof typeof x; x satisfies Y; import.meta; function nt() { new.target } x?.y ?? z;
enum E { A } declare module "m" {} abstract class C { private readonly x!: string; declare y: A<B>; protected z?: number }
export default f; const o = { if: 1, "s": 2, [k]: 3, async *[k]() {}, default: true, new: false };
label: for (;;) break label; async () => await x; function* g() { yield 1 } @dec class D {} x!;
function f(this: X, p?: number): asserts p is number {} interface I extends J { readonly [k: string]: unknown }
export type { T }; import type { U } from 'u'; export * as ns from 'v'; let u: unique symbol; type M<in out T> = T;
`,
  'operators.ts': `a >>= b >> c >>> d; a >= b; a >>>= 1; let y: Array<Array<number>> = []; let z: Map<string, Set<Array<number>>>;
f<A<B>>(c); a ** b; a **= 2; a ||= b; a &&= c; a ??= d; x = a ? .5 : 1; x = a?.[0]?.(); (a) >> (b); a /* > */ >= b; i++; --j;
const fn = <T,>(a: T): T => a; let re = /[/]>/gu, d = a / b / c; let s = \`a\${ \`b\${c}\` }d\${e}\`; let t = \`\`;
let n = 0x1F + .5e3 + 1_000 + 10n + 0o7 + 0b1; let str = 'it\\'s' + "q\\"" + "\\u{1F600}";
`,
  'unicode.ts': `const é = "ü😀"; // ü\r\nlet \\u0061b = 1;\u2028let c = 2;\u2029/* 😀\n */ let d = \`😀\${é}\`;\r\n`,
  'comments.ts': `#!/usr/bin/env node
/** doc */ // line
const a = 1 /* inline */ + /* two */ 2; // end
/* trailing */`,
};

const TSX_SNIPPETS: Record<string, string> = {
  'jsx.tsx': `let v = <A.B c="d" e-f={1} {...g}>  text {x} <br/>
    <p>multi
      line text</p>
  </A.B>; let w = <></>; let q = <div a='x' b>{/* c */}</div>;
const C = <T,>(p: T) => <span>{String(p)}</span>;
`,
};

export const SNIPPET_SAMPLES: Sample[] = [
  ...Object.entries(SNIPPETS).map(([name, text]) => ({
    name,
    file: path.join(REPO_ROOT, 'bench', name),
    text,
  })),
  ...Object.entries(TSX_SNIPPETS).map(([name, text]) => ({
    name,
    file: path.join(REPO_ROOT, 'bench', name),
    text,
  })),
];

export const ALL_SAMPLES: Sample[] = [...FIXTURE_SAMPLES, ...GENERATED_SAMPLES, ...SNIPPET_SAMPLES];

/** JavaScript: every sample of `test-fixtures/` (scenarios included), generated files, snippets. */
export const JS_FIXTURE_SAMPLES: Sample[] = fixtureSamples((name) => JAVASCRIPT_FILE.test(name));

export const JS_GENERATED_SAMPLES: Sample[] = generatedSamples('js');

const JS_SNIPPETS: Record<string, string> = {
  // espree types words by spelling: `default`, `let`, `static` and `yield` are keywords even as names.
  'keywords.js': `class A { constructor() {} static async *g() {} get x() { return null } #p = 1; static { this.#p } m() { this.#p; #p in this; a.catch(); a.true; a.null; a.default; a.let; a.static; a.new; } }
for (const a of b) {} import.meta; function nt() { new.target } x?.y ?? z;
const o = { if: 1, "s": 2, [k]: 3, async *[k]() {}, default: true, new: false, let: 1, static: 2, yield: 3, of: 4, async: 5, await: 6 };
label: for (;;) break label; async () => await x; function* g() { yield 1; yield* g() } export { o as default, g as "string name" };
{ using r = f(); } async function u() { await using s = f(); } import x, * as ns from 'y' with { type: 'json' }; import('z');
`,
  'operators.js': `a >>= b >> c >>> d; a >= b; a >>>= 1; a ** b; a **= 2; a ||= b; a &&= c; a ??= d; x = a ? .5 : 1; x = a?.[0]?.(); (a) >> (b); a /* > */ >= b; i++; --j;
let re = /[/]>/gu, d = a / b / c, v = /[\\p{L}--[a-z]]/v; let s = \`a\${ \`b\${c}\` }d\${e}\`; let t = \`\`; tag\`x\${y}\`;
let n = 0x1F + .5e3 + 1_000 + 10n + 0o7 + 0b1; let str = 'it\\'s' + "q\\"" + "\\u{1F600}"; a = b
/c/g.exec(d); x = y / 2 / z; if (/re/.test(s)) {} f(/=/); x = { a: /b/ }; x = [/c/];
`,
  'unicode.js': `const é = "ü😀"; // ü\r\nlet \\u0061b = 1, \\u{62}c = 2, x = a.\\u0061b;\u2028let c = 2;\u2029/* 😀\n */ let d = \`😀\${é}\`;\r\n`,
  'comments.js': `#!/usr/bin/env node
/** doc */ // line
const a = 1 /* inline */ + /* two */ 2; // end
/* trailing */`,
  'script.cjs': `'use strict';\nconst cors = require('cors');\nmodule.exports = function handler(req, res) { if (!req) return; res.setHeader('Access-Control-Allow-Origin', '*'); };\nreturn;\n`,
};

const JSX_SNIPPETS: Record<string, string> = {
  'jsx.jsx': `let v = <A.B c="d" e-f={1} {...g}>  text {x} <br/>
    <p>multi
      line text</p>
  </A.B>; let w = <></>; let q = <div a='x' b>{/* c */}</div>; let n = <svg:rect xlink:href="#a" />;
const C = (p) => <span>{String(p)}</span>; a = b > c ? <i/> : null;
`,
};

export const JS_SNIPPET_SAMPLES: Sample[] = Object.entries({ ...JS_SNIPPETS, ...JSX_SNIPPETS }).map(
  ([name, text]) => ({ name, file: path.join(REPO_ROOT, 'bench', name), text }),
);

export const ALL_JS_SAMPLES: Sample[] = [
  ...JS_FIXTURE_SAMPLES,
  ...JS_GENERATED_SAMPLES,
  ...JS_SNIPPET_SAMPLES,
];
