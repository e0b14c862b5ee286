/**
 * A lint handed a project snapshot that the index thread has since pruned (it keeps
 * `KEPT_SNAPSHOTS` per folder): it must neither run without facts nor fall back to an index the
 * rules build themselves from the disk, which knows nothing of the editor's unsaved server text.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as typescriptParser from '@typescript-eslint/parser';
import { ProjectIndex, writeSnapshot } from 'eslint-plugin-cors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LintHost } from '../../src/engine/lint-host.js';
import { normalizeSettings } from '../../src/protocol/settings.js';
import { REPO_ROOT } from '../helpers/lsp-client.js';

const ROOT = path.join(REPO_ROOT, 'test-fixtures', 'project-express-vite');
const SERVER = path.join(ROOT, 'apps', 'api', 'server.js');
const CLIENT = path.join(ROOT, 'apps', 'web', 'src', 'orders.js');
const SETTINGS = normalizeSettings({}).settings;

const codes = (host: LintHost, snapshot: string): string[] =>
  host
    .lint(readFileSync(CLIENT, 'utf8'), CLIENT, SETTINGS, { root: ROOT, snapshot })
    .messages.map((message) => String(message.ruleId))
    .sort();

describe('a lint whose index snapshot was pruned', () => {
  let dir: string;
  const host = new LintHost();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cors-ls-snapshot-'));
    await host.prepare(CLIENT);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the facts it read, not the disk: an unsaved server edit stays in effect', () => {
    // The editor's unsaved text of the server allows Authorization; the disk's does not.
    const index = new ProjectIndex(ROOT);
    index.overlay(
      SERVER,
      readFileSync(SERVER, 'utf8').replace(
        "allowedHeaders: ['Content-Type']",
        "allowedHeaders: ['Content-Type', 'Authorization']",
      ),
    );
    const snapshot = path.join(dir, '1.json');
    writeSnapshot(snapshot, index.facts(typescriptParser, {}), '1');
    const withEdit = codes(host, snapshot);
    expect(withEdit).not.toContain('cors/require-allowed-request-headers');
    expect(withEdit).toContain('cors/client-credentials-need-server-credentials');
    rmSync(snapshot);
    expect(codes(host, snapshot)).toEqual(withEdit);
  });

  it('answers `stale` for a snapshot gone before it was read, to be linted again', () => {
    const result = host.lint(readFileSync(CLIENT, 'utf8'), CLIENT, SETTINGS, {
      root: ROOT,
      snapshot: path.join(dir, 'pruned.json'),
    });
    expect(result).toEqual({ messages: [], stale: true });
  });
});
