/**
 * A Next.js route module whose handler comes from another package of the monorepo
 * (`test-fixtures/project-next-workspace`): the route file is linted with what that handler does,
 * so when the handler's file changes on disk (the watcher reports it, or the editor saves it) the
 * open route file is linted again, and the other open documents are not.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FULL_CAPABILITIES, REPO_ROOT, TestClient } from '../helpers/lsp-client.js';

const FIXTURE = path.join(REPO_ROOT, 'test-fixtures', 'project-next-workspace');
const PREFLIGHT = 'cors/require-preflight-handler';

const codes = (params: PublishDiagnosticsParams): string[] =>
  params.diagnostics.map((diagnostic) => String(diagnostic.code)).sort();

describe('a route file whose handler another package makes', () => {
  let root: string;
  let client: TestClient;
  let handlerFile: string;
  let handlerText: string;
  let routeUri: string;
  let otherUri: string;

  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'cors-ls-imported-'));
    cpSync(FIXTURE, root, { recursive: true });
    handlerFile = path.join(root, 'packages', 'cms-kit', 'src', 'next', 'clean-cms-handler.ts');
    handlerText = readFileSync(handlerFile, 'utf8');
    routeUri = pathToFileURL(
      path.join(root, 'apps', 'site', 'app', 'api', 'cms', '[...path]', 'route.ts'),
    ).href;
    otherUri = pathToFileURL(path.join(root, 'apps', 'site', 'cors.ts')).href;
    client = await TestClient.start({
      workspaceFolders: [root],
      capabilities: {
        ...FULL_CAPABILITIES,
        workspace: {
          ...FULL_CAPABILITIES.workspace,
          didChangeWatchedFiles: { dynamicRegistration: true },
        },
      },
    });
  });

  afterAll(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('re-lints the open route file when the handler file changes on disk, and not other documents', async () => {
    let mark = client.publishMark;
    await client.open(routeUri, readFileSync(new URL(routeUri), 'utf8'));
    await client.open(otherUri, "import cors from 'cors';\nexport const middleware = cors();\n");
    // The handler (another package) sets CORS headers that make requests preflighted; the route exports no OPTIONS.
    const before = await client.waitForPublish(routeUri, { from: mark });
    expect(codes(before)).toEqual([PREFLIGHT]);
    await client.waitForPublish(otherUri, { from: mark });

    // The handler stops answering with CORS headers: nothing to preflight for, nothing to report.
    const withoutCors = handlerText
      .split('\n')
      .filter((line) => !line.includes("response.headers.set('Access-Control-"))
      .join('\n');
    expect(withoutCors).not.toBe(handlerText);
    writeFileSync(handlerFile, withoutCors);
    mark = client.publishMark;
    let logMark = client.logs.events.length;
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(handlerFile).href, type: FileChangeType.Changed }],
    });
    const relint = await client.waitForLog(
      (message) => message.includes('is imported by'),
      logMark,
    );
    expect(relint.message).toContain(routeUri);
    expect(relint.message).not.toContain(otherUri);
    const after = await client.waitForPublish(routeUri, { from: mark });
    expect(codes(after)).toEqual([]);

    // Edited back in the editor and saved: the route file is linted again with the saved text.
    const handlerUri = pathToFileURL(handlerFile).href;
    await client.open(handlerUri, withoutCors);
    await client.replaceAll(handlerUri, handlerText);
    writeFileSync(handlerFile, handlerText);
    mark = client.publishMark;
    logMark = client.logs.events.length;
    await client.save(handlerUri);
    await client.waitForLog(
      (message) => message.includes('is imported by') && message.includes(routeUri),
      logMark,
    );
    const restored = await client.waitForPublish(routeUri, {
      from: mark,
      match: (params) => params.diagnostics.length > 0,
    });
    expect(codes(restored)).toEqual([PREFLIGHT]);
  });
});
