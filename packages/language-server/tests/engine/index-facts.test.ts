/**
 * The project-index facts a lint reads from its own parse (`LintResult.indexFacts`), which the server
 * hands to its index thread with an open document's text instead of having the text parsed again:
 * they must be the facts the index reads from its own parse (the TypeScript parser, no settings),
 * whatever parser the lint used (espree for JavaScript, the fast parser for TypeScript).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as typescriptParser from '@typescript-eslint/parser';
import { ProjectIndex, unpackFileFacts, writeSnapshot } from 'eslint-plugin-cors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LintHost } from '../../src/engine/lint-host.js';
import { normalizeSettings } from '../../src/protocol/settings.js';
import { REPO_ROOT } from '../helpers/lsp-client.js';

const DEFAULTS = normalizeSettings({}).settings;
const FIXTURES = path.join(REPO_ROOT, 'test-fixtures');
const SOURCE = /\.[cm]?[jt]sx?$/;

let scratch: string;
const host = new LintHost();

beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'cors-index-facts-'));
  await host.prepare('a.ts');
  await host.prepare('a.js');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function snapshotOf(index: ProjectIndex): string {
  const file = path.join(scratch, `${index.version}-${Math.random()}.json`);
  writeSnapshot(file, index.facts(typescriptParser, {}), String(index.version));
  return file;
}

describe('the index facts a lint reads', () => {
  it('are those the index reads itself, for every source file of test-fixtures', () => {
    const own = new ProjectIndex(FIXTURES);
    const expected = own.facts(typescriptParser, {});
    const project = { root: FIXTURES, snapshot: snapshotOf(own) };
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: FIXTURES, encoding: 'utf8' })
      .split('\0')
      .filter((file) => SOURCE.test(file) && !file.endsWith('.d.ts'));
    // Overlaid with the texts on disk, and the facts of each lint that has them: parsed only for the others.
    const fed = new ProjectIndex(FIXTURES);
    fed.fingerprint();
    const parsedBefore = own.parses;
    let handed = 0;
    for (const file of files) {
      const absolute = path.join(FIXTURES, file);
      const text = readFileSync(absolute, 'utf8');
      const { indexFacts } = host.lint(text, absolute, DEFAULTS, project);
      if (indexFacts) {
        expect(indexFacts.root).toBe(FIXTURES);
        expect(indexFacts.file).toBe(file);
        handed += indexFacts.surfaceJson.length > 0 || indexFacts.proxies !== undefined ? 1 : 0;
      }
      // Packed in the lint's thread, unpacked in the index's, as the server hands them on.
      fed.overlay(absolute, text, indexFacts && unpackFileFacts(indexFacts));
    }
    const facts = fed.facts(typescriptParser, {}, { revalidate: false });
    expect(facts).toEqual(expected);
    // The fixtures' servers and dev configs: most of what the index parses came from the lints.
    expect(handed).toBeGreaterThan(100);
    expect(fed.parses).toBeLessThanOrEqual(parsedBefore - handed);
  }, 300_000);

  it('are not read without a project index, nor for a lint that fell back to a script', () => {
    const root = mkdtempSync(path.join(scratch, 'project-'));
    const server = path.join(root, 'server.js');
    const text = "import cors from 'cors';\napp.use(cors({ origin: true, credentials: true }));\n";
    writeFileSync(server, text);
    const index = new ProjectIndex(root);
    const project = { root, snapshot: snapshotOf(index) };
    expect(host.lint(text, server, DEFAULTS).indexFacts).toBeUndefined();
    const facts = host.lint(text, server, DEFAULTS, project).indexFacts;
    expect(facts?.file).toBe('server.js');
    expect(facts?.surfaceJson).toHaveLength(1);
    // `with` parses only as a script: the index, which reads the file as a module, gets nothing from it.
    const sloppy = `${text.replace("import cors from 'cors';", "const cors = require('cors');")}with (Math) { max(1, 2); }\n`;
    const result = host.lint(sloppy, server, DEFAULTS, project);
    expect(result.parseError).toBeUndefined();
    expect(result.messages.length).toBeGreaterThan(0);
    expect(result.indexFacts).toBeUndefined();
  });

  it('are not handed over from JavaScript that imports a file espree cannot read, which the index reads', () => {
    const root = mkdtempSync(path.join(scratch, 'project-'));
    mkdirSync(path.join(root, 'src'));
    const server = path.join(root, 'src', 'server.js');
    const text =
      "import cors from 'cors';\nimport { origins } from './origins.ts';\napp.use(cors({ origin: origins, credentials: true }));\n";
    writeFileSync(server, text);
    writeFileSync(
      path.join(root, 'src', 'origins.ts'),
      "export const origins: string[] = ['https://app.example.com'];\n",
    );
    const index = new ProjectIndex(root);
    const project = { root, snapshot: snapshotOf(index) };
    const result = host.lint(text, server, DEFAULTS, project);
    expect(result.imports).toContain(path.join(root, 'src', 'origins.ts'));
    expect(result.indexFacts).toBeUndefined();
    // The same server in TypeScript reads it as the index does.
    const tsServer = path.join(root, 'src', 'server.ts');
    writeFileSync(tsServer, text);
    expect(host.lint(text, tsServer, DEFAULTS, project).indexFacts?.file).toBe('src/server.ts');
  });
});
