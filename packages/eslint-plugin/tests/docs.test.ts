/**
 * Every rule's doc page: it exists, has the house sections in order, documents every option, and
 * its examples are true: each ❌ block is reported by the rule, each ✅ block is not.
 * (The generated header is checked by `pnpm run docs:check`.)
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import type { ESLint } from 'eslint';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { rules } from '../src/rules/index.js';

const SECTIONS = ['## Examples', '## Options', '## When Not To Use It', '## Further Reading'];

const ruleNames = Object.keys(rules) as (keyof typeof rules)[];

function docPath(name: string): URL {
  return new URL(`../docs/rules/${name}.md`, import.meta.url);
}

function readDoc(name: string): string {
  const path = docPath(name);
  if (!existsSync(path)) {
    throw new Error(
      `packages/eslint-plugin/docs/rules/${name}.md does not exist. Write it with the sections ${SECTIONS.join(', ')}, then run \`pnpm run docs\` to add its generated header.`,
    );
  }
  return readFileSync(path, 'utf8').replace(/\r\n/g, '\n');
}

/** An opening fence: its marker (```` ``` ```` or `~~~`, maybe longer) and info string. */
function openingFence(line: string): { marker: string; lang: string } | undefined {
  const match = /^ {0,3}(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
  return match ? { marker: match[1] ?? '```', lang: match[2] ?? '' } : undefined;
}

/** Whether `line` closes a block opened with `marker`: the same character, at least as many. */
function closesFence(line: string, marker: string): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
  return match !== null && (match[1] ?? '').startsWith(marker);
}

/** Index of the line closing the block opened at `open`, or the end of the document. */
function fenceEnd(lines: readonly string[], open: number, marker: string): number {
  let end = open + 1;
  while (end < lines.length && !closesFence(lines[end] ?? '', marker)) end++;
  return end;
}

/** The `## ` headings outside code blocks, with their line index. */
function headings(lines: readonly string[]): { text: string; line: number }[] {
  const found: { text: string; line: number }[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const fence = openingFence(line);
    if (fence) index = fenceEnd(lines, index, fence.marker);
    else if (line.startsWith('## ')) found.push({ text: line.trimEnd(), line: index });
  }
  return found;
}

interface CodeExample {
  readonly kind: 'incorrect' | 'correct';
  readonly lang: string;
  readonly code: string;
  /** 1-based line of the opening fence, for messages. */
  readonly line: number;
}

/** Fenced code blocks whose preceding non-blank line starts with ❌ or ✅. */
function examples(lines: readonly string[]): CodeExample[] {
  const found: CodeExample[] = [];
  for (let index = 0; index < lines.length; index++) {
    const fence = openingFence(lines[index] ?? '');
    if (!fence) continue;
    const end = fenceEnd(lines, index, fence.marker);
    let previous = index - 1;
    while (previous >= 0 && (lines[previous] ?? '').trim() === '') previous--;
    const marker = (lines[previous] ?? '').trimStart();
    const kind = marker.startsWith('❌')
      ? 'incorrect'
      : marker.startsWith('✅')
        ? 'correct'
        : undefined;
    if (kind)
      found.push({
        kind,
        lang: fence.lang,
        code: lines.slice(index + 1, end).join('\n'),
        line: index + 1,
      });
    index = end;
  }
  return found;
}

/** Top-level option names of a rule's schema. */
function optionNames(schema: unknown): string[] {
  const items = Array.isArray(schema) ? schema : schema ? [schema] : [];
  return items.flatMap((item: { properties?: Record<string, unknown> }) =>
    Object.keys(item.properties ?? {}),
  );
}

const EXTENSION: Record<string, string> = {
  ts: 'ts',
  typescript: 'ts',
  tsx: 'tsx',
  js: 'js',
  javascript: 'js',
  jsx: 'jsx',
  mjs: 'mjs',
  cjs: 'cjs',
};

/** Fences whose blocks are linted with one of the plugin's languages instead of JavaScript/TypeScript. */
const LANGUAGE_BLOCKS: Record<string, { language: string; filename: string }> = {
  nginx: { language: 'cors/nginx', filename: 'example.conf' },
  // ```python blocks are Django settings modules, linted as `settings.py`.
  python: { language: 'cors/django-settings', filename: 'settings.py' },
  py: { language: 'cors/django-settings', filename: 'settings.py' },
};
/**
 * A cross-file example starts with `// project: <folder of test-fixtures>` (`# project: …` in an
 * nginx block): it is linted as a client file (a `deploy/` config) of that sample project, with the
 * project index on, so it is checked against the sample's real server.
 */
function projectOf(
  code: string,
  file = 'apps/web/src/example.js',
): { filename: string; settings: Record<string, unknown> } | undefined {
  const folder = /^(?:\/\/|#) project: ([\w-]+)/.exec(code)?.[1];
  if (folder === undefined) return undefined;
  const root = fileURLToPath(new URL(`../../../test-fixtures/${folder}/`, import.meta.url));
  return {
    filename: path.join(root, file),
    settings: { cors: { project: { root } } },
  };
}

function lintExample(name: string, example: CodeExample): Linter.LintMessage[] {
  const linter = new Linter();
  const language = LANGUAGE_BLOCKS[example.lang];
  if (language) {
    const project =
      example.lang === 'nginx' ? projectOf(example.code, `deploy/${language.filename}`) : undefined;
    const config = {
      files: [`**/${language.filename}`],
      plugins: { cors: plugin as unknown as ESLint.Plugin },
      language: language.language,
      rules: { [`cors/${name}`]: 'error' },
      ...(project ? { settings: project.settings } : {}),
    };
    return linter.verify(
      example.code,
      [config as Linter.Config],
      project?.filename ?? language.filename,
    );
  }
  const extension = EXTENSION[example.lang] ?? 'ts';
  const project = projectOf(example.code);
  return linter.verify(
    example.code,
    [
      {
        files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
        languageOptions: { parser: tsParser },
        // The plugin's rule modules are typed with @typescript-eslint/utils; ESLint's own types differ only nominally.
        plugins: { cors: plugin as unknown as ESLint.Plugin },
        // Options for one example go in the block itself: `/* eslint cors/<rule>: ["error", {…}] */`.
        rules: { [`cors/${name}`]: 'error' },
        ...(project ? { settings: project.settings } : {}),
      },
    ],
    project?.filename ?? `example.${extension}`,
  );
}

describe.each(ruleNames)('docs/rules/%s.md', (name) => {
  it('exists', () => {
    expect(
      existsSync(docPath(name)),
      `packages/eslint-plugin/docs/rules/${name}.md is missing`,
    ).toBe(true);
  });

  it(`has the sections ${SECTIONS.join(', ')}, in that order`, () => {
    const found = headings(readDoc(name).split('\n')).map((heading) => heading.text);
    const positions = SECTIONS.map((section) => found.indexOf(section));
    SECTIONS.forEach((section, index) =>
      expect(positions[index], `${section} is missing`).toBeGreaterThanOrEqual(0),
    );
    expect(positions, `sections out of order: ${found.join(', ')}`).toEqual(
      [...positions].sort((a, b) => a - b),
    );
  });

  it('names every option of the schema under ## Options', () => {
    const lines = readDoc(name).split('\n');
    const all = headings(lines);
    const start = all.find((heading) => heading.text === '## Options');
    expect(start, '## Options is missing').toBeDefined();
    const end = all.find((heading) => heading.line > (start?.line ?? 0))?.line ?? lines.length;
    const section = lines.slice((start?.line ?? 0) + 1, end).join('\n');
    for (const option of optionNames(rules[name].meta.schema)) {
      expect(section, `option \`${option}\` is not named under ## Options`).toMatch(
        new RegExp(`\\b${option}\\b`),
      );
    }
    if (optionNames(rules[name].meta.schema).length === 0)
      expect(section.trim(), '## Options is empty').not.toBe('');
  });

  it('has at least one ❌ and one ✅ example', () => {
    const found = examples(readDoc(name).split('\n'));
    expect(
      found.some((example) => example.kind === 'incorrect'),
      'no code block follows a ❌ line',
    ).toBe(true);
    expect(
      found.some((example) => example.kind === 'correct'),
      'no code block follows a ✅ line',
    ).toBe(true);
  });

  it('reports every ❌ example and none of the ✅ examples', () => {
    for (const example of examples(readDoc(name).split('\n'))) {
      const messages = lintExample(name, example);
      const where = `the ${example.kind === 'incorrect' ? '❌' : '✅'} block at line ${example.line}`;
      expect(
        messages
          .filter((message) => message.fatal || message.ruleId === null)
          .map((message) => message.message),
        `${where} does not parse or has a bad config comment`,
      ).toEqual([]);
      const reports = messages.filter((message) => message.ruleId === `cors/${name}`);
      if (example.kind === 'incorrect')
        expect(reports.length, `${where} is not reported by cors/${name}`).toBeGreaterThan(0);
      else
        expect(
          reports.map((message) => `${message.line}:${message.column} ${message.message}`),
          `${where} is reported by cors/${name}`,
        ).toEqual([]);
    }
  });
});
