/**
 * One home per tunable (issue 18): the server's limits live in `src/limits.ts`, and the protocol
 * names it shares between modules in one module each. These tests read the source tree and fail when
 * a second definition appears, or a module hard-codes a number that belongs in `limits.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as limits from '../src/limits.js';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const LIMITS = 'limits.ts';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [path.relative(SRC, full)] : [];
  });
}

/** Each source file's code with its comments blanked out: a comment may name a value. */
const sources = new Map(
  sourceFiles(SRC).map((file) => [
    file,
    fs.readFileSync(path.join(SRC, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''),
  ]),
);
const others = [...sources].filter(([file]) => file !== LIMITS);

/** Hits of `pattern` in the source files other than limits.ts, as `file: match`. */
function outsideLimits(pattern: RegExp): string[] {
  return others.flatMap(([file, text]) =>
    [...text.matchAll(pattern)].map((match) => `${file}: ${match[0].trim()}`),
  );
}

/** The files that define `name` (a const, let, var, function or class of that name). */
function definitionsOf(name: string): string[] {
  const definition = new RegExp(`\\b(?:const|let|var|function|class)\\s+${name}\\b`);
  return [...sources].filter(([, text]) => definition.test(text)).map(([file]) => file);
}

describe('src/limits.ts', () => {
  const names = Object.keys(limits);

  it('holds the tunables, each defined there only', () => {
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect(definitionsOf(name), name).toEqual([LIMITS]);
  });

  it('gives each one a comment that says why', () => {
    const text = fs.readFileSync(path.join(SRC, LIMITS), 'utf8');
    for (const name of names)
      expect(text, name).toMatch(new RegExp(`\\*/\\s*export const ${name}\\b`));
  });

  it('is where every one is read from: each is imported by a module that uses it', () => {
    for (const name of names) {
      const users = others.filter(([, text]) =>
        new RegExp(
          `import \\{[^}]*\\b${name}\\b[^}]*\\} from '(?:\\.\\./)*(?:\\./)?limits\\.js'`,
        ).test(text),
      );
      expect(users.length, `${name} is not imported from limits.js`).toBeGreaterThan(0);
    }
  });

  it('leaves no numeric tunable elsewhere: no named number, numeric default or cap outside it', () => {
    expect(
      outsideLimits(/\b(?:const|let)\s+[A-Z][A-Z0-9_]*\s*=\s*[\d(]/g),
      'a named numeric constant',
    ).toEqual([]);
    expect(outsideLimits(/\?\?\s*(?:[2-9]|\d{2,})[\d_]*/g), 'a numeric default after ??').toEqual(
      [],
    );
    // 0 and 1 are identities (an empty length, a first index), not tunables, as after `??` above.
    expect(
      outsideLimits(/\b[a-z]\w*\s*=\s*(?:[2-9]|\d{2,})[\d_]*\s*[,)]/gi),
      'a numeric parameter default',
    ).toEqual([]);
    expect(outsideLimits(/\.size\s*>=?\s*\d+/g), 'a size cap').toEqual([]);
    expect(
      outsideLimits(/set(?:Timeout|Interval)\([^;]*,\s*\d[\d_]*\s*\)/g),
      'a literal delay',
    ).toEqual([]);
    expect(
      outsideLimits(/process\.env\[\s*['"`]/g),
      'an environment variable named in place',
    ).toEqual([]);
  });
});

describe('protocol names shared between modules', () => {
  it.each([
    ['FIX_ALL_KIND', "'source.fixAll.cors'"],
    ['RULE_PREFIX', "'cors/'"],
    ['DIAGNOSTIC_SOURCE', "'cors'"],
  ])('%s is defined once, and its value written nowhere else', (name, literal) => {
    expect(definitionsOf(name)).toHaveLength(1);
    const holders = [...sources].filter(([, text]) => text.includes(`${name} = ${literal}`));
    expect(holders).toHaveLength(1);
  });

  it('compares a diagnostic source with DIAGNOSTIC_SOURCE, never a literal', () => {
    expect(
      [...sources].filter(([, text]) => /\.source\s*===?\s*['"]/.test(text)).map(([file]) => file),
    ).toEqual([]);
  });
});
