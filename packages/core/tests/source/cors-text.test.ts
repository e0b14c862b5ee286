import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mayConfigureCors } from '../../src/index.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

describe('mayConfigureCors', () => {
  it.each([
    'cors',
    'Access-Control-Allow-Origin',
    'startStandaloneServer(server, { listen: { port: 4000 } })',
    "from 'apollo-server'",
    'fetch(url)',
    '$fetch(url)',
    'axios.get',
    'new XMLHttpRequest()',
    'new Headers()',
    'res.setHeader(name, value)',
    'res.writeHead(200, headers)',
    "mode: 'no-cors'",
    "import ky from 'ky'",
  ])('is true for text with %s', (snippet) => {
    expect(mayConfigureCors(`const x = 1;\n${snippet}\n`)).toBe(true);
    expect(mayConfigureCors(snippet.toUpperCase())).toBe(true);
  });

  it('is true for a route module exporting method handlers, whose CORS headers may be set elsewhere', () => {
    expect(
      mayConfigureCors(
        "import { make } from '@acme/kit';\nconst handler = make();\nexport { handler as GET, handler as POST };\n",
      ),
    ).toBe(true);
    expect(mayConfigureCors('export const POST = serve.route({ path: "x" });\n')).toBe(true);
    expect(
      mayConfigureCors('export async function DELETE(request) { return new Response(null); }\n'),
    ).toBe(true);
    // A constant that merely names a method is not a handler export.
    expect(mayConfigureCors("export const METHOD = 'POST';\nconst GETTER = 1;\n")).toBe(false);
  });

  it('is false for code that can touch neither', () => {
    expect(mayConfigureCors('')).toBe(false);
    expect(
      mayConfigureCors(
        "export function add(a: number, b: number) { return a + b; }\nconsole.log('ready');\nconst sky = 'blue';\n",
      ),
    ).toBe(false);
  });
});

describe('one pre-check for every package', () => {
  // The plugin and the language server once had a copy each, and the copies disagreed (an Apollo
  // standalone file was linted in CI and skipped in the editor).
  it('no other source file carries a list of CORS trigger words', () => {
    const copies: string[] = [];
    const walk = (folder: string): void => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== 'node_modules' && entry.name !== 'dist') walk(full);
        } else if (/\.[cm]?ts$/.test(entry.name) && full.includes(`${path.sep}src${path.sep}`)) {
          const text = readFileSync(full, 'utf8');
          // A word list (regex alternatives or string array) naming a header prefix and a request API is a pre-check.
          if (/access-control-['"|]/.test(text) && /XMLHttpRequest['"|]/.test(text))
            copies.push(path.relative(REPO_ROOT, full));
        }
      }
    };
    walk(path.join(REPO_ROOT, 'packages'));
    expect(copies).toEqual(['packages/core/src/source/cors-text.ts']);
  });
});
