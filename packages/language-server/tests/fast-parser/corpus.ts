/**
 * TypeScript sources the fast parser is checked on: every TypeScript sample in `test-fixtures/`,
 * generated benchmark files, and snippets with the syntax whose tokens are easy to get wrong
 * (JSX, `>` in types, contextual keywords, regular expressions, templates, escapes, line breaks).
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

function listTypeScript(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listTypeScript(full);
    return TYPESCRIPT_FILE.test(entry.name) && !DECLARATION_FILE.test(entry.name) ? [full] : [];
  });
}

export const FIXTURE_SAMPLES: Sample[] = listTypeScript(FIXTURES_DIR)
  .sort()
  .map((file) => ({ name: path.relative(FIXTURES_DIR, file).split(path.sep).join('/'), file, text: fs.readFileSync(file, 'utf8') }));

const generate = generateFile as (options: { lines: number; dialect: 'ts'; seed?: number; corsFree?: boolean }) => string;

export const GENERATED_SAMPLES: Sample[] = [
  { lines: 200, seed: 1 },
  { lines: 2000, seed: 1 },
  { lines: 500, seed: 7 },
  { lines: 300, seed: 3, corsFree: true },
].map(({ lines, seed, corsFree }) => {
  const name = `generated-${lines}-${seed}${corsFree ? '-plain' : ''}.ts`;
  return { name, file: path.join(REPO_ROOT, 'bench', name), text: generate({ lines, dialect: 'ts', seed, corsFree }) };
});

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
  ...Object.entries(SNIPPETS).map(([name, text]) => ({ name, file: path.join(REPO_ROOT, 'bench', name), text })),
  ...Object.entries(TSX_SNIPPETS).map(([name, text]) => ({ name, file: path.join(REPO_ROOT, 'bench', name), text })),
];

export const ALL_SAMPLES: Sample[] = [...FIXTURE_SAMPLES, ...GENERATED_SAMPLES, ...SNIPPET_SAMPLES];
