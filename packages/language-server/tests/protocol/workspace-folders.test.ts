/**
 * `workspace/didChangeWorkspaceFolders` over stdio: a folder added to the workspace gets its project
 * index, and the open documents inside it are linted again with it; a folder removed loses its
 * index (the index thread drops its state and snapshots) and the documents that read it are linted
 * again without it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeWorkspaceFoldersNotification,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FULL_CAPABILITIES, REPO_ROOT, TestClient } from '../helpers/lsp-client.js';

const FIXTURE = path.join(REPO_ROOT, 'test-fixtures', 'project-express-vite');
const CROSS_FILE = [
  'cors/client-credentials-need-server-credentials',
  'cors/require-allowed-method',
  'cors/require-allowed-method',
  'cors/require-allowed-request-headers',
  'cors/require-exposed-headers',
];

const codes = (params: PublishDiagnosticsParams): string[] =>
  params.diagnostics.map((diagnostic) => String(diagnostic.code)).sort();

describe('workspace folders added and removed', () => {
  let parent: string;
  let first: string;
  let second: string;
  let client: TestClient;

  beforeAll(async () => {
    parent = mkdtempSync(path.join(os.tmpdir(), 'cors-ls-folders-'));
    first = path.join(parent, 'first');
    second = path.join(parent, 'second');
    cpSync(FIXTURE, first, { recursive: true });
    cpSync(FIXTURE, second, { recursive: true });
    client = await TestClient.start({
      workspaceFolders: [first],
      capabilities: {
        ...FULL_CAPABILITIES,
        workspace: { ...FULL_CAPABILITIES.workspace, workspaceFolders: true },
      },
    });
    await client.waitForLog((message) => message.includes(`indexed ${first}`));
  });

  afterAll(async () => {
    await client?.stop();
    rmSync(parent, { recursive: true, force: true });
  });

  it('says it takes folder changes', () => {
    expect(client.initializeResult?.capabilities.workspace?.workspaceFolders).toEqual({
      supported: true,
      changeNotifications: true,
    });
  });

  it('indexes an added folder and re-lints its open documents, then drops it when removed', async () => {
    const orders = path.join(second, 'apps', 'web', 'src', 'orders.js');
    const uri = pathToFileURL(orders).href;
    let mark = client.publishMark;
    await client.open(uri, readFileSync(orders, 'utf8'));
    // Not in a workspace folder yet: no index, so no cross-file finding.
    const before = await client.waitForPublish(uri, { from: mark });
    expect(codes(before)).toEqual([]);

    mark = client.publishMark;
    let logMark = client.logs.events.length;
    const folder = { uri: pathToFileURL(second).href, name: 'second' };
    await client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [folder], removed: [] },
    });
    await client.waitForLog((message) => message.includes(`indexed ${second}`), logMark);
    const indexed = await client.waitForPublish(uri, {
      from: mark,
      match: (params) => params.diagnostics.length > 0,
    });
    expect(codes(indexed)).toEqual(CROSS_FILE);
    expect(indexed.diagnostics[0]?.relatedInformation?.[0]?.location.uri).toBe(
      pathToFileURL(path.join(second, 'apps', 'api', 'server.js')).href,
    );

    mark = client.publishMark;
    logMark = client.logs.events.length;
    await client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [], removed: [folder] },
    });
    const relint = await client.waitForLog(
      (message) => message.includes(`the workspace folder ${second} was removed`),
      logMark,
    );
    expect(relint.message).toContain(uri);
    const closed = await client.waitForLog(
      (message) => message.includes(`closed ${second}`),
      logMark,
    );
    // Its snapshots are gone with it (one per version of its facts).
    expect(closed.message).toMatch(/\(([1-9]\d*) snapshots removed\)/);
    const after = await client.waitForPublish(uri, { from: mark });
    expect(codes(after)).toEqual([]);

    // The other folder keeps its index: its client still gets the cross-file findings.
    const firstOrders = path.join(first, 'apps', 'web', 'src', 'orders.js');
    const firstUri = pathToFileURL(firstOrders).href;
    mark = client.publishMark;
    await client.open(firstUri, readFileSync(firstOrders, 'utf8'));
    expect(codes(await client.waitForPublish(firstUri, { from: mark }))).toEqual(CROSS_FILE);
  });
});
